package io.directiverules.core.internal;

import io.directiverules.core.Diagnostic;
import io.directiverules.core.internal.DrlText.Kind;
import io.directiverules.core.internal.DrlText.Token;
import io.directiverules.core.rule.Evaluation;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.EnumLiteralDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The static sandbox of rule code. DRL runs inside ministry applications, so a rule may only touch the fact
 * model, the engine's helpers and safe parts of the JDK. Every token of every file is checked, whatever the
 * parser made of it (imports, functions, globals, conditions, {@code eval}, {@code from}, {@code accumulate},
 * consequences, metadata): a forbidden class or member is an error at its line and column, and the rule set
 * does not load. Nothing that fails here is handed to Drools, so no forbidden code is ever compiled.
 *
 * <p>The check is an allow-list of type names (anything capitalised that is not a member must be allowed)
 * plus a deny-list of members and keywords that reach reflection, class loading, the system, threads or
 * unbounded loops through an allowed object ({@code getClass}, {@code forName}, {@code while}, ...).
 */
final class DrlSandbox {
    /** Packages whose listed classes rules may use; an empty set allows every class of the package. */
    static final Map<String, Set<String>> ALLOWED = allowed();

    private static final Set<String> FORBIDDEN_TYPES = Set.of("System", "Runtime", "ProcessBuilder", "Process",
            "ProcessHandle", "Thread", "ThreadGroup", "ThreadLocal", "Class", "ClassLoader", "SecurityManager",
            "StackWalker", "Module", "ModuleLayer", "Package", "Unsafe", "Method", "Field", "Constructor", "Proxy",
            "MethodHandle", "MethodHandles", "VarHandle", "Executors", "ExecutorService", "ForkJoinPool",
            "CompletableFuture", "Timer", "File", "Files", "Path", "Paths", "FileSystem", "FileSystems",
            "RandomAccessFile", "FileInputStream", "FileOutputStream", "FileReader", "FileWriter", "PrintStream",
            "Socket", "ServerSocket", "DatagramSocket", "URL", "URI", "URLClassLoader", "HttpClient",
            "InetAddress", "InitialContext", "InitialDirContext", "ScriptEngineManager", "ObjectInputStream",
            "ObjectOutputStream", "ServiceLoader");

    private static final Set<String> FORBIDDEN_MEMBERS = Set.of("forName", "newInstance", "setAccessible",
            "trySetAccessible", "getMethod", "getMethods", "getField", "getFields", "getConstructor",
            "getConstructors", "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField", "getDeclaredFields",
            "getDeclaredConstructor", "getDeclaredConstructors", "getModule", "getProtectionDomain", "getResource",
            "getResourceAsStream", "getResources", "exec", "exit", "halt", "getRuntime", "load", "loadLibrary",
            "getenv", "getProperty", "getProperties", "setProperty", "clearProperty", "getInteger", "getLong",
            "getBoolean", "lookup", "privateLookupIn", "finalize", "wait", "notify", "notifyAll",
            "printStackTrace", "getKieRuntime", "getKnowledgeRuntime", "getKieBase", "getWorkingMemory",
            "getEntryPoint", "getChannels", "getSession");

    /** Keywords with no place in rule code: locking, native code, MVEL function definitions. */
    private static final Set<String> FORBIDDEN_KEYWORDS = Set.of("synchronized", "native", "def");

    /** Names that reach reflection, class loading or threads through any object. */
    private static final List<String> FORBIDDEN_FRAGMENTS = List.of("class", "thread", "invoke", "reflect");

    /** Prefixes a DRL package may not have: its classes would see the JDK's, Drools' or the engine's own. */
    private static final List<String> FORBIDDEN_PACKAGES = List.of("java", "javax", "jdk", "sun", "com.sun",
            "org.drools", "org.kie", "org.mvel2", "io.directiverules.core");

    /** The words after which a capitalised identifier names something being declared, not a type used. */
    private static final Set<String> DECLARING_WORDS = Set.of("rule", "query", "declare", "enum", "trait",
            "window", "unit");

    private final List<ParsedSource> sources;
    /** Fully-qualified names of the modules' own helper classes, which their rules may call. */
    private final Set<String> helpers;
    private final Map<String, Set<String>> declaredTypes = new HashMap<>();
    private final Set<String> drlPackages = new HashSet<>();
    private final Set<String> functionNames = new HashSet<>();
    private final Set<String> enumLiterals = new HashSet<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private DrlSandbox(List<ParsedSource> sources, Set<String> helpers) {
        this.sources = sources;
        this.helpers = Set.copyOf(helpers);
        for (ParsedSource source : sources) {
            String pkg = source.packageName();
            drlPackages.add(pkg);
            Set<String> types = declaredTypes.computeIfAbsent(pkg, p -> new HashSet<>());
            for (TypeDeclarationDescr type : source.descr().getTypeDeclarations()) {
                types.add(type.getTypeName());
            }
            for (EnumDeclarationDescr type : source.descr().getEnumDeclarations()) {
                types.add(type.getTypeName());
                for (EnumLiteralDescr literal : type.getLiterals()) {
                    enumLiterals.add(literal.getName());
                }
            }
            source.descr().getFunctions().forEach(f -> functionNames.add(f.getName()));
        }
    }

    /** Checks every source; returns the errors found (none means the rule set may be compiled). */
    static List<Diagnostic> check(List<ParsedSource> sources) {
        return check(sources, Set.of());
    }

    /** Checks every source, allowing also the modules' helper classes {@code helpers} (fully qualified). */
    static List<Diagnostic> check(List<ParsedSource> sources, Set<String> helpers) {
        DrlSandbox sandbox = new DrlSandbox(sources, helpers);
        for (ParsedSource source : sources) {
            sandbox.checkFile(source);
        }
        sandbox.checkRecursion();
        return List.copyOf(sandbox.diagnostics);
    }

    private void checkFile(ParsedSource source) {
        DrlText text = source.text();
        String raw = text.source();
        for (int at = raw.indexOf("\\u"); at >= 0; at = raw.indexOf("\\u", at + 2)) {
            // Java turns unicode escapes into characters before anything else, even in comments and strings,
            // so an escaped line break could end a comment and make the rest of the line code: no escapes at all.
            error(source, at, "unicode escapes (\\u...) are not allowed in rules: write the character itself"
                    + " (DRL files are UTF-8)");
        }
        checkPackage(source);
        Set<String> importedTypes = new HashSet<>();
        Set<String> wildcardPackages = new HashSet<>();
        for (ImportDescr imported : source.descr().getImports()) {
            String target = imported.getTarget();
            if (target.endsWith(".*")) {
                wildcardPackages.add(target.substring(0, target.length() - 2));
            } else if (allowedQualified(target)) {
                importedTypes.add(target.substring(target.lastIndexOf('.') + 1));
            }
        }
        List<Token> tokens = text.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() == Kind.STRING) {
                if (i > 0 && tokens.get(i - 1).is("[") && forbiddenName(token.text()) != null) {
                    error(source, token.offset(), "\"" + token.text() + "\" is forbidden in rules: "
                            + forbiddenName(token.text()));
                }
                if (i > 0 && tokens.get(i - 1).is("dialect") && token.text().trim().equals("mvel")) {
                    error(source, token.offset(), "dialect \"mvel\" is not allowed in rules: consequences are"
                            + " Java, which the sandbox checks statically");
                }
                continue;
            }
            if (token.kind() != Kind.IDENTIFIER) {
                continue;
            }
            String name = token.text();
            Token previous = i > 0 ? tokens.get(i - 1) : null;
            String reason = forbiddenName(name);
            if (reason != null) {
                error(source, token.offset(), "`" + name + "` is forbidden in rules: " + reason);
                continue;
            }
            if (checkStatement(source, tokens, i)) {
                continue;
            }
            boolean chainStart = previous == null || !previous.is(".");
            if (!chainStart) {
                continue;
            }
            List<String> chain = chain(tokens, i);
            if (previous != null && previous.is("package")) {
                continue;
            }
            if (Character.isLowerCase(name.charAt(0)) && chain.size() > 1) {
                checkQualified(source, token, chain);
            } else if (Character.isUpperCase(name.charAt(0)) && !declaring(tokens, i)
                    && !allowedSimple(name, source.packageName(), importedTypes, wildcardPackages)) {
                error(source, token.offset(), "`" + name + "` is not on the rules' allow-list: rules may use the"
                        + " fact model, the engine's helpers (io.directiverules.core.rule), java.time, java.math,"
                        + " java.util collections and java.lang strings and numbers");
            }
        }
    }

    /** Checks keywords and statements that are forbidden in any position; true when one was reported. */
    private boolean checkStatement(ParsedSource source, List<Token> tokens, int i) {
        Token token = tokens.get(i);
        Token previous = i > 0 ? tokens.get(i - 1) : null;
        Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        String name = token.text();
        boolean member = previous != null && previous.is(".");
        if (member) {
            return false;
        }
        switch (name) {
            case "while", "until" -> {
                error(source, token.offset(), "`" + name + "` loops are not allowed in rules: a loop inside a"
                        + " consequence cannot be stopped; iterate over a collection with for (X x : list)");
                return true;
            }
            case "do" -> {
                if (next != null && next.is("{")) {
                    error(source, token.offset(), "`do` loops are not allowed in rules: a loop inside a consequence"
                            + " cannot be stopped; iterate over a collection with for (X x : list)");
                    return true;
                }
                return false;
            }
            case "for" -> {
                if (next != null && next.is("(") && hasSemicolonInside(tokens, i + 1)) {
                    error(source, token.offset(), "counting `for` loops are not allowed in rules: a loop inside a"
                            + " consequence cannot be stopped; iterate over a collection with for (X x : list)");
                    return true;
                }
                return false;
            }
            case "new" -> {
                if (anonymousClass(tokens, i)) {
                    error(source, token.offset(), "anonymous classes are not allowed in rules");
                    return true;
                }
                return false;
            }
            case "global" -> {
                if (next != null && next.kind() == Kind.IDENTIFIER && !evaluationGlobal(tokens, i)) {
                    error(source, token.offset(), "globals are not allowed in rules, except `global Evaluation "
                            + RuleSetRuntime.EVALUATION_GLOBAL + ";`, which the engine sets: another global would"
                            + " hand rules an object of the host");
                    return true;
                }
                return false;
            }
            case "drools", "kcontext" -> {
                if (!passedToVerdict(tokens, i)) {
                    error(source, token.offset(), "`" + name + "` may only be passed to Verdict.violation(...) or"
                            + " Verdict.action(...): it gives access to the engine's session");
                    return true;
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    private void checkPackage(ParsedSource source) {
        String pkg = source.packageName();
        for (String forbidden : FORBIDDEN_PACKAGES) {
            if (pkg.equals(forbidden) || pkg.startsWith(forbidden + ".")) {
                int at = source.text().tokens().stream().filter(t -> t.is("package")).mapToInt(Token::offset)
                        .findFirst().orElse(0);
                error(source, at, "package `" + pkg + "` is not allowed for rules: a rule package may not be a"
                        + " JDK, Drools or engine package");
            }
        }
    }

    /** A qualified name, such as {@code java.io.File} or {@code java.util.*}: its class must be allowed. */
    private void checkQualified(ParsedSource source, Token start, List<String> chain) {
        List<String> packageParts = new ArrayList<>();
        String className = null;
        for (String part : chain) {
            if (part.equals("*") || Character.isUpperCase(part.charAt(0))) {
                className = part;
                break;
            }
            packageParts.add(part);
        }
        if (className == null) {
            return; // a.b.c: a variable's fields, or a package on its own, which reaches nothing
        }
        String pkg = String.join(".", packageParts);
        boolean allowed = className.equals("*") ? ALLOWED.containsKey(pkg) || drlPackages.contains(pkg)
                : allowedQualified(pkg + "." + className);
        if (!allowed) {
            error(source, start.offset(), "`" + pkg + "." + className + "` is not on the rules' allow-list: rules"
                    + " may use the fact model, the engine's helpers (io.directiverules.core.rule), java.time,"
                    + " java.math, java.util collections and java.lang strings and numbers");
        }
    }

    private boolean allowedQualified(String qualified) {
        int dot = qualified.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        String pkg = qualified.substring(0, dot);
        String name = qualified.substring(dot + 1);
        return allowedIn(pkg, name) || declaredTypes.getOrDefault(pkg, Set.of()).contains(name)
                || helpers.contains(qualified);
    }

    private boolean allowedSimple(String name, String pkg, Set<String> imported, Set<String> wildcards) {
        if (ALLOWED.get("java.lang").contains(name) || imported.contains(name) || enumLiterals.contains(name)
                || functionNames.contains(name) || declaredTypes.getOrDefault(pkg, Set.of()).contains(name)
                || helpers.contains(pkg + "." + name)) {
            return true;
        }
        for (String wildcard : wildcards) {
            if (allowedIn(wildcard, name) || declaredTypes.getOrDefault(wildcard, Set.of()).contains(name)
                    || helpers.contains(wildcard + "." + name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether class {@code name} of package {@code pkg} is allowed (an existing class, for whole packages). */
    static boolean allowedIn(String pkg, String name) {
        Set<String> classes = ALLOWED.get(pkg);
        if (classes == null) {
            return false;
        }
        if (!classes.isEmpty()) {
            return classes.contains(name);
        }
        try {
            Class.forName(pkg + "." + name, false, DrlSandbox.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Why {@code name} is forbidden anywhere, or {@code null}. */
    private static String forbiddenName(String name) {
        if (FORBIDDEN_TYPES.contains(name)) {
            return "no system, process, thread, reflection, class-loading, file, network or JNDI access";
        }
        if (FORBIDDEN_MEMBERS.contains(name) || FORBIDDEN_KEYWORDS.contains(name)) {
            return "no reflection, class loading, system, session or lock access";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String fragment : FORBIDDEN_FRAGMENTS) {
            if (lower.contains(fragment)) {
                return "names containing \"" + fragment + "\" reach reflection, class loading or threads";
            }
        }
        return null;
    }

    /** Whether the identifier at {@code i} is being declared (a rule's or a named consequence's name). */
    private static boolean declaring(List<Token> tokens, int i) {
        Token previous = i > 0 ? tokens.get(i - 1) : null;
        if (previous == null) {
            return false;
        }
        if (previous.is("@") || DECLARING_WORDS.contains(previous.text()) && previous.kind() == Kind.IDENTIFIER) {
            return true;
        }
        return previous.is("[") && i > 1 && (tokens.get(i - 2).is("then") || tokens.get(i - 2).is("do")
                || tokens.get(i - 2).is("break"));
    }

    private static List<String> chain(List<Token> tokens, int i) {
        List<String> parts = new ArrayList<>();
        parts.add(tokens.get(i).text());
        int j = i;
        while (j + 2 < tokens.size() && tokens.get(j + 1).is(".")
                && (tokens.get(j + 2).kind() == Kind.IDENTIFIER || tokens.get(j + 2).is("*"))) {
            parts.add(tokens.get(j + 2).text());
            j += 2;
        }
        return parts;
    }

    /** Whether the global declared at {@code i} is {@code global [io.directiverules.core.rule.]Evaluation evaluation;}. */
    private static boolean evaluationGlobal(List<Token> tokens, int i) {
        List<String> parts = chain(tokens, i + 1);
        String type = String.join(".", parts);
        int name = i + 2 * parts.size(); // the type's parts and the dots between them come first
        return (type.equals(Evaluation.class.getSimpleName()) || type.equals(Evaluation.class.getName()))
                && name + 1 < tokens.size() && tokens.get(name).is(RuleSetRuntime.EVALUATION_GLOBAL)
                && tokens.get(name + 1).is(";");
    }

    private static boolean hasSemicolonInside(List<Token> tokens, int open) {
        int depth = 0;
        for (int j = open; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                depth--;
                if (depth == 0) {
                    return false;
                }
            } else if (t.is(";") && depth == 1) {
                return true;
            }
        }
        return false;
    }

    /** {@code new Type<...>(...) {}}: a class body after the arguments. */
    private static boolean anonymousClass(List<Token> tokens, int i) {
        int j = i + 1;
        while (j < tokens.size() && (tokens.get(j).kind() == Kind.IDENTIFIER || tokens.get(j).is("."))) {
            j++;
        }
        if (j < tokens.size() && tokens.get(j).is("<")) {
            int depth = 0;
            for (; j < tokens.size(); j++) {
                if (tokens.get(j).is("<")) {
                    depth++;
                } else if (tokens.get(j).is(">") && --depth == 0) {
                    j++;
                    break;
                }
            }
        }
        if (j >= tokens.size() || !tokens.get(j).is("(")) {
            return false;
        }
        int depth = 0;
        for (; j < tokens.size(); j++) {
            if (tokens.get(j).is("(")) {
                depth++;
            } else if (tokens.get(j).is(")") && --depth == 0) {
                return j + 1 < tokens.size() && tokens.get(j + 1).is("{");
            }
        }
        return false;
    }

    /** {@code Verdict.violation(drools)} or {@code Verdict.action(drools, ...)}, nothing else. */
    private static boolean passedToVerdict(List<Token> tokens, int i) {
        if (i < 4 || i + 1 >= tokens.size()) {
            return false;
        }
        Token next = tokens.get(i + 1);
        Token open = tokens.get(i - 1);
        Token method = tokens.get(i - 2);
        return (next.is(")") || next.is(",")) && open.is("(")
                && (method.is("violation") || method.is("action")) && tokens.get(i - 3).is(".")
                && tokens.get(i - 4).is("Verdict");
    }

    /** Functions declared in DRL may not call each other in a cycle: a recursion cannot be stopped. */
    private void checkRecursion() {
        Map<String, Set<String>> calls = new LinkedHashMap<>();
        Map<String, ParsedSource> where = new HashMap<>();
        Map<String, FunctionDescr> descrs = new HashMap<>();
        for (ParsedSource source : sources) {
            for (FunctionDescr function : source.descr().getFunctions()) {
                Set<String> called = new LinkedHashSet<>();
                List<Token> body = new DrlText(function.getBody() == null ? "" : function.getBody()).tokens();
                for (int i = 0; i + 1 < body.size(); i++) {
                    Token t = body.get(i);
                    boolean member = i > 0 && body.get(i - 1).is(".");
                    if (t.kind() == Kind.IDENTIFIER && !member && body.get(i + 1).is("(")
                            && functionNames.contains(t.text())) {
                        called.add(t.text());
                    }
                }
                calls.put(function.getName(), called);
                where.put(function.getName(), source);
                descrs.put(function.getName(), function);
            }
        }
        for (String function : calls.keySet()) {
            List<String> cycle = cycleFrom(function, calls);
            if (!cycle.isEmpty()) {
                FunctionDescr descr = descrs.get(function);
                ParsedSource source = where.get(function);
                int at = source.text().offset(descr.getLine(), descr.getColumn() + 1);
                error(source, at, "function `" + function + "` calls itself"
                        + (cycle.size() > 2 ? " through " + String.join(" -> ", cycle) : "")
                        + ": recursion is not allowed in rules, as it cannot be stopped");
            }
        }
    }

    private static List<String> cycleFrom(String start, Map<String, Set<String>> calls) {
        Map<String, String> parent = new HashMap<>();
        List<String> queue = new ArrayList<>(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            String current = queue.remove(0);
            for (String callee : calls.getOrDefault(current, Set.of())) {
                if (callee.equals(start)) {
                    List<String> path = new ArrayList<>();
                    for (String at = current; at != null; at = parent.get(at)) {
                        path.add(0, at);
                    }
                    path.add(start);
                    return path;
                }
                if (seen.add(callee)) {
                    parent.put(callee, current);
                    queue.add(callee);
                }
            }
        }
        return List.of();
    }

    private void error(ParsedSource source, int offset, String message) {
        diagnostics.add(new Diagnostic(source.path(), source.text().line(offset), source.text().column(offset),
                Diagnostic.Level.ERROR, message));
    }

    private static Map<String, Set<String>> allowed() {
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        allowed.put("java.lang", Set.of("String", "StringBuilder", "CharSequence", "Character", "Boolean", "Byte",
                "Short", "Integer", "Long", "Float", "Double", "Number", "Math", "StrictMath", "Object",
                "Comparable", "Iterable", "Enum", "IllegalArgumentException", "IllegalStateException",
                "ArithmeticException", "NullPointerException", "IndexOutOfBoundsException",
                "UnsupportedOperationException", "Override", "SuppressWarnings"));
        allowed.put("java.util", Set.of("List", "ArrayList", "LinkedList", "Map", "HashMap", "LinkedHashMap",
                "TreeMap", "SortedMap", "NavigableMap", "Set", "HashSet", "LinkedHashSet", "TreeSet", "SortedSet",
                "NavigableSet", "Collection", "Collections", "Arrays", "Objects", "Optional", "OptionalInt",
                "OptionalLong", "OptionalDouble", "Comparator", "Iterator", "ListIterator", "Deque", "ArrayDeque",
                "Queue", "EnumMap", "EnumSet", "StringJoiner"));
        allowed.put("java.util.stream", Set.of("Collectors"));
        allowed.put("java.time", Set.of("LocalDate", "LocalDateTime", "LocalTime", "Year", "YearMonth", "MonthDay",
                "Month", "DayOfWeek", "Period", "Duration", "Instant", "ZonedDateTime", "OffsetDateTime", "ZoneId",
                "ZoneOffset"));
        allowed.put("java.time.temporal", Set.of("ChronoUnit", "ChronoField", "TemporalAdjusters"));
        allowed.put("java.time.format", Set.of("DateTimeFormatter", "FormatStyle"));
        allowed.put("java.math", Set.of("BigDecimal", "BigInteger", "RoundingMode", "MathContext"));
        allowed.put("io.directiverules.core", Set.of("Actor", "Severity", "Violation", "RequiredAction",
                "Evidence"));
        allowed.put("io.directiverules.core.model", Set.of());
        allowed.put("io.directiverules.core.rule", Set.of());
        return java.util.Collections.unmodifiableMap(allowed);
    }
}
