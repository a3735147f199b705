package io.directiverules.core.internal;

import io.directiverules.core.Diagnostic;
import io.directiverules.core.internal.DrlText.Token;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.compiler.compiler.DescrBuildError;
import org.drools.compiler.compiler.Dialect;
import org.drools.compiler.compiler.FunctionError;
import org.drools.compiler.compiler.ImportError;
import org.drools.compiler.compiler.PackageRegistry;
import org.drools.compiler.compiler.RuleBuildError;
import org.drools.compiler.compiler.TypeDeclarationError;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.parser.ParserError;
import org.drools.util.PortablePath;
import org.kie.api.io.Resource;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.jci.CompilationProblem;
import org.kie.memorycompiler.resources.MemoryResourceReader;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Drools' build results into diagnostics on the analyst's file, line and column.
 *
 * <p>Java compile errors in consequences, functions and {@code eval}s come from ECJ with lines and offsets
 * in the Java source Drools generated. That source keeps the DRL's lines one for one (the consequence is
 * pasted in, with {@code insert(...)} and {@code modify} rewritten in place), so the line is mapped by its
 * distance from the start of the pasted block, and the column by aligning the generated line with the DRL
 * line around the offending token. The generated source is read from the Java dialect of the builder;
 * when it cannot be read, the diagnostic points at the first line of the block.
 */
final class DroolsDiagnostics {
    private static final Pattern TYPE_FIELD = Pattern.compile("field (\\S+) in declared type (\\S+)");
    private static final Pattern IMPORTED = Pattern.compile("Error importing : '([^']+)'");
    private static final Pattern MVEL_ERROR = Pattern.compile("\\[Error: ([^\\]]+)]");
    private static final Pattern MVEL_NEAR = Pattern.compile("\\[Near : \\{\\.\\.\\. (.*?) \\.\\.\\.\\.}]\\s*\\n(\\s*)\\^");
    private static final String CONSEQUENCE_MARKER = "KnowledgeHelper drools = (KnowledgeHelper) consequenceCtx;";

    private final KnowledgeBuilder builder;
    private final List<ParsedSource> sources;
    private final Function<ParsedSource, String> resourcePath;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private boolean functionFailed;
    private final java.util.Set<String> failedFunctions = new java.util.HashSet<>();

    private DroolsDiagnostics(KnowledgeBuilder builder, List<ParsedSource> sources,
                              Function<ParsedSource, String> resourcePath) {
        this.builder = builder;
        this.sources = sources;
        this.resourcePath = resourcePath;
    }

    /** Translates {@code results} of {@code builder}, which compiled {@code sources}. */
    static List<Diagnostic> translate(KnowledgeBuilder builder, Collection<KnowledgeBuilderResult> results,
                                      List<ParsedSource> sources, Function<ParsedSource, String> resourcePath) {
        DroolsDiagnostics translator = new DroolsDiagnostics(builder, sources, resourcePath);
        translator.functionFailed = results.stream().anyMatch(r -> r instanceof FunctionError);
        results.stream().filter(r -> r instanceof FunctionError).forEach(r ->
                translator.failedFunctions.add(((FunctionError) r).getFunctionDescr().getName()));
        for (KnowledgeBuilderResult result : results) {
            translator.add(result);
        }
        return List.copyOf(new LinkedHashSet<>(translator.diagnostics));
    }

    private void add(KnowledgeBuilderResult result) {
        Diagnostic.Level level = result.getSeverity() == ResultSeverity.ERROR ? Diagnostic.Level.ERROR
                : Diagnostic.Level.WARNING;
        if (result instanceof ParserError p) {
            ParsedSource source = sourceOf(result.getResource(), null);
            report(source, p.getRow(), p.getCol() + 1, level, RuleSetCompiler.stripLocation(p.getMessage()));
        } else if (result instanceof RuleBuildError r && problems(r.getObject()).length > 0) {
            ParsedSource source = sourceOf(r.getRule().getResource(), r.getRule().getName());
            RuleDescr rule = rule(source, r.getRule().getName());
            for (CompilationProblem problem : problems(r.getObject())) {
                if (functionFailed && (problem.getStartLine() <= 2 || callsFailedFunction(problem.getMessage()))) {
                    continue; // echoes of a function that did not compile: the function's own error says why
                }
                ruleProblem(source, rule, r.getRule().getPackageName(), problem, level);
            }
        } else if (result instanceof DescrBuildError d) {
            descrError(d, level);
        } else if (result instanceof FunctionError f) {
            functionError(f, level);
        } else if (result instanceof ImportError i) {
            importError(i, level);
        } else if (result instanceof TypeDeclarationError t) {
            typeError(t, level);
        } else {
            ParsedSource source = sourceOf(result.getResource(), null);
            int line = result.getLines() != null && result.getLines().length > 0 ? result.getLines()[0] : 0;
            report(source, line, line > 0 ? firstColumn(source, line) : 0, level, oneLine(result.getMessage()));
        }
    }

    /** A Java problem in a rule's class: in its consequence, or in an {@code eval} or inline accumulate. */
    private void ruleProblem(ParsedSource source, RuleDescr rule, String pkg, CompilationProblem problem,
                             Diagnostic.Level level) {
        String message = problem.getMessage();
        if (source == null || rule == null) {
            report(source, 0, 0, level, message);
            return;
        }
        DrlText text = source.text();
        int consequenceStart = consequenceStart(text, rule);
        String generated = generatedSource(pkg, problem.getFileName());
        if (generated == null) {
            int line = text.line(consequenceStart);
            report(source, line, text.column(consequenceStart), level, message);
            return;
        }
        String[] lines = generated.split("\n", -1);
        int genLine = problem.getStartLine();
        String genText = genLine >= 1 && genLine <= lines.length ? lines[genLine - 1] : "";
        int genColumn = columnIn(lines, genLine, problem.getStartColumn());
        String token = token(generated, problem.getStartColumn(), problem.getEndColumn());
        int marker = indexOfLine(lines, CONSEQUENCE_MARKER, 0);
        int consequenceLines = (int) Objects.toString(rule.getConsequence(), "").strip().lines().count();
        if (marker >= 0 && genLine > marker + 1 && genLine <= marker + 1 + Math.max(1, consequenceLines)) {
            int line = text.line(consequenceStart) + genLine - (marker + 2);
            report(source, line, align(genText, genColumn, token, text.lineText(line)) + 1, level, message);
            return;
        }
        // Elsewhere in the rule's class: the code of an eval, a predicate or an inline accumulate, all in the LHS.
        int from = rule.getStartCharacter();
        int to = Math.max(from, consequenceStart);
        String region = text.source().substring(Math.max(0, from), Math.min(text.source().length(), to));
        int at = from + align(genText, genColumn, token, region);
        report(source, text.line(at), text.column(at), level, message);
    }

    private void functionError(FunctionError error, Diagnostic.Level level) {
        FunctionDescr function = error.getFunctionDescr();
        ParsedSource source = sourceOf(function.getResource(), null);
        if (source == null) {
            source = sources.stream().filter(s -> s.descr().getFunctions().stream()
                    .anyMatch(f -> f.getName().equals(function.getName()))).findFirst().orElse(null);
        }
        if (source == null) {
            report(null, 0, 0, level, oneLine(error.getMessage()));
            return;
        }
        DrlText text = source.text();
        int declared = text.offset(function.getLine(), function.getColumn() + 1);
        int brace = declared;
        for (int i = text.tokenAt(declared); i < text.tokens().size(); i++) {
            if (text.tokens().get(i).is("{")) {
                brace = text.tokens().get(i).offset() + 1;
                break;
            }
        }
        int bodyStart = skipWhitespace(text.source(), brace);
        CompilationProblem[] problems = problems(error.getObject());
        if (problems.length == 0) {
            report(source, text.line(declared), text.column(declared), level, oneLine(error.getMessage()));
            return;
        }
        for (CompilationProblem problem : problems) {
            String generated = generatedSource(function.getNamespace(), problem.getFileName());
            String[] lines = generated == null ? new String[0] : generated.split("\n", -1);
            int header = -1;
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains("public static ") && lines[i].contains(" " + function.getName() + "(")) {
                    header = i;
                    break;
                }
            }
            if (header < 0) {
                report(source, text.line(bodyStart), text.column(bodyStart), level, problem.getMessage());
                continue;
            }
            int genLine = problem.getStartLine();
            int line = text.line(bodyStart) + genLine - (header + 2);
            String genText = genLine >= 1 && genLine <= lines.length ? lines[genLine - 1] : "";
            int column = align(genText, columnIn(lines, genLine, problem.getStartColumn()),
                    token(generated, problem.getStartColumn(), problem.getEndColumn()), text.lineText(line));
            report(source, line, column + 1, level, problem.getMessage());
        }
    }

    /** An error in a condition: the parser's location, refined to the expression and MVEL's caret. */
    private void descrError(DescrBuildError error, Diagnostic.Level level) {
        BaseDescr descr = error.getDescr();
        BaseDescr parent = error.getParentDescr();
        String ruleName = parent instanceof RuleDescr r ? r.getName() : descr instanceof RuleDescr r ? r.getName()
                : null;
        ParsedSource source = sourceOf(descr == null ? null : descr.getResource(), ruleName);
        if (source == null && parent != null) {
            source = sourceOf(parent.getResource(), ruleName);
        }
        String message = cleanMessage(error.getMessage());
        if (source == null) {
            report(null, Math.max(0, error.getLine()), error.getColumn() + 1, level, message);
            return;
        }
        DrlText text = source.text();
        RuleDescr rule = ruleName == null ? null : rule(source, ruleName);
        if (descr instanceof RuleDescr) {
            int at = rule == null ? text.offset(error.getLine(), 1) : consequenceStart(text, rule);
            report(source, text.line(at), text.column(at), level, message);
            return;
        }
        int from = descr != null && descr.getLine() > 0 ? text.offset(descr.getLine(), descr.getColumn() + 1)
                : rule != null ? rule.getStartCharacter() : 0;
        int limit = rule != null && rule.getEndCharacter() > from ? rule.getEndCharacter() : text.source().length();
        int at = from;
        String expression = descr == null ? null : descr.getText();
        if (expression != null && !expression.isBlank()) {
            int found = text.source().indexOf(expression.strip(), from);
            if (found < 0 || found > limit) {
                String bare = expression.strip().replaceFirst("^from\\s+", "");
                found = text.source().indexOf(bare, from);
            }
            if (found >= 0 && found <= limit) {
                at = found;
            }
        }
        Matcher near = MVEL_NEAR.matcher(error.getMessage());
        if (near.find()) {
            int caret = near.group(2).length() - "[Near : {... ".length();
            int nearAt = text.source().indexOf(near.group(1), at);
            if (caret >= 0 && nearAt >= 0 && nearAt <= limit && caret <= near.group(1).length()) {
                at = nearAt + caret;
            }
        }
        report(source, text.line(at), text.column(at), level, message);
    }

    private void importError(ImportError error, Diagnostic.Level level) {
        Matcher matcher = IMPORTED.matcher(error.getMessage());
        String target = matcher.find() ? matcher.group(1) : "";
        for (ParsedSource source : sources) {
            if (functionFailed && source.descr().getFunctions().stream().anyMatch(f -> target.equals(
                    source.packageName() + "." + capitalized(f.getName()) + "." + f.getName()))) {
                return; // the import Drools adds for a function that did not compile
            }
            List<ImportDescr> imports = new ArrayList<>(source.descr().getImports());
            imports.addAll(source.descr().getFunctionImports());
            for (ImportDescr imported : imports) {
                if (imported.getTarget().equals(target)) {
                    int at = source.text().offset(imported.getLine(), imported.getColumn() + 1);
                    report(source, source.text().line(at), source.text().column(at), level,
                            "cannot import " + target);
                    return;
                }
            }
        }
        report(null, 0, 0, level, oneLine(error.getMessage()));
    }

    private void typeError(TypeDeclarationError error, Diagnostic.Level level) {
        Matcher field = TYPE_FIELD.matcher(error.getMessage());
        String typeName = field.find() ? field.group(2) : error.getMessage().replaceFirst(".*type ", "").strip();
        if (error.getMessage().startsWith("Unable to process type") && diagnostics.stream()
                .anyMatch(d -> d.message().contains("declared type " + typeName))) {
            return; // a consequence of the field error already reported
        }
        for (ParsedSource source : sources) {
            for (TypeDeclarationDescr type : source.descr().getTypeDeclarations()) {
                if (!type.getTypeName().equals(typeName)) {
                    continue;
                }
                BaseDescr at = type;
                if (field.find(0)) {
                    TypeFieldDescr fieldDescr = type.getFields().get(field.group(1));
                    at = fieldDescr != null ? fieldDescr : type;
                }
                int offset = source.text().offset(at.getLine(), at.getColumn() + 1);
                report(source, source.text().line(offset), source.text().column(offset), level,
                        oneLine(error.getMessage()).replace("'", ""));
                return;
            }
        }
        int line = error.getLines() != null && error.getLines().length > 0 ? error.getLines()[0] : 0;
        report(sourceOf(error.getResource(), null), line, 0, level, oneLine(error.getMessage()));
    }

    /** The offset of the first character of a rule's consequence (Drools strips the blank text before it). */
    static int consequenceStart(DrlText text, RuleDescr rule) {
        List<Token> tokens = text.tokens();
        int from = Math.max(0, rule.getStartCharacter());
        boolean sawWhen = false;
        for (int i = text.tokenAt(from); i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (rule.getEndCharacter() > 0 && token.offset() > rule.getEndCharacter()) {
                break;
            }
            sawWhen |= token.is("when");
            if (token.is("then") && (i + 1 >= tokens.size() || !tokens.get(i + 1).is("["))
                    && (sawWhen || i > text.tokenAt(from) + 1)) {
                return skipWhitespace(text.source(), token.offset() + 4);
            }
        }
        return text.offset(Math.max(1, rule.getConsequenceLine()), 1);
    }

    private static int skipWhitespace(String source, int from) {
        int at = from;
        while (at < source.length() && Character.isWhitespace(source.charAt(at))) {
            at++;
        }
        return at;
    }

    /**
     * The 0-based index in {@code target} that corresponds to index {@code column} of {@code generated}: the
     * occurrence of {@code token} whose surroundings match best, else the same distance from the line's end.
     */
    static int align(String generated, int column, String token, String target) {
        int best = -1;
        int bestScore = -1;
        if (token != null && !token.isEmpty()) {
            for (int at = target.indexOf(token); at >= 0; at = target.indexOf(token, at + 1)) {
                int score = 0;
                for (int g = column - 1, t = at - 1; g >= 0 && t >= 0 && generated.charAt(g) == target.charAt(t);
                     g--, t--) {
                    score++;
                }
                for (int g = column + token.length(), t = at + token.length(); g < generated.length()
                        && t < target.length() && generated.charAt(g) == target.charAt(t); g++, t++) {
                    score++;
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = at;
                }
            }
        }
        if (best >= 0) {
            return best;
        }
        int fromEnd = generated.length() - column;
        int first = target.length() - target.stripLeading().length();
        return Math.max(first, Math.min(target.length(), target.length() - fromEnd));
    }

    /** ECJ reports offsets in the whole generated file: the column is the offset less the line's start. */
    private static int columnIn(String[] lines, int line, int offset) {
        int start = 0;
        for (int i = 0; i < line - 1 && i < lines.length; i++) {
            start += lines[i].length() + 1;
        }
        int column = offset - start;
        int length = line >= 1 && line <= lines.length ? lines[line - 1].length() : 0;
        return column >= 0 && column <= length ? column : Math.max(0, Math.min(offset, length));
    }

    private static String token(String generated, int start, int end) {
        if (generated == null || start < 0 || end < start || end >= generated.length()) {
            return null;
        }
        return generated.substring(start, end + 1);
    }

    private static int indexOfLine(String[] lines, String content, int from) {
        for (int i = from; i < lines.length; i++) {
            if (lines[i].contains(content)) {
                return i;
            }
        }
        return -1;
    }

    /** The Java source Drools generated for {@code file} in package {@code pkg}, if it can be read. */
    private String generatedSource(String pkg, String file) {
        if (!(builder instanceof KnowledgeBuilderImpl impl) || pkg == null || file == null) {
            return null;
        }
        try {
            PackageRegistry registry = impl.getPackageRegistry(pkg);
            Dialect dialect = registry == null ? null : registry.getDialectCompiletimeRegistry().getDialect("java");
            if (dialect == null) {
                return null;
            }
            // Drools keeps the generated sources in the dialect but offers no accessor; a failure here only
            // makes diagnostics coarser (the block's first line), never wrong.
            Field field = dialect.getClass().getDeclaredField("src");
            field.setAccessible(true);
            MemoryResourceReader reader = (MemoryResourceReader) field.get(dialect);
            byte[] bytes = reader.getBytes(PortablePath.of(file));
            return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8).replace("\r", "");
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static CompilationProblem[] problems(Object object) {
        return object instanceof CompilationProblem[] problems ? problems : new CompilationProblem[0];
    }

    private ParsedSource sourceOf(Resource resource, String ruleName) {
        if (resource != null && resource.getSourcePath() != null) {
            for (ParsedSource source : sources) {
                if (resource.getSourcePath().equals(resourcePath.apply(source))) {
                    return source;
                }
            }
        }
        if (ruleName != null) {
            for (ParsedSource source : sources) {
                if (rule(source, ruleName) != null) {
                    return source;
                }
            }
        }
        return sources.size() == 1 ? sources.get(0) : null;
    }

    private static RuleDescr rule(ParsedSource source, String name) {
        if (source == null) {
            return null;
        }
        return source.descr().getRules().stream().filter(r -> r.getName().equals(name)).findFirst().orElse(null);
    }

    private static int firstColumn(ParsedSource source, int line) {
        if (source == null) {
            return 1;
        }
        String text = source.text().lineText(line);
        return text.length() - text.stripLeading().length() + 1;
    }

    private void report(ParsedSource source, int line, int column, Diagnostic.Level level, String message) {
        diagnostics.add(new Diagnostic(source == null ? "<rules>" : source.path(), Math.max(0, line),
                Math.max(0, column), level, oneLine(message)));
    }

    /** MVEL's messages carry the expression, the error and a caret drawing: keep the error and the expression. */
    private static String cleanMessage(String message) {
        Matcher error = MVEL_ERROR.matcher(message);
        String head = message.lines().findFirst().orElse(message).replaceFirst(":\\s*$", "");
        if (error.find()) {
            return error.group(1).strip() + " (" + head.replaceFirst("^Unable to Analyse Expression\\s*",
                    "in ").strip() + ")";
        }
        return oneLine(message.replaceAll("\\[Line: \\d+, Column: \\d+]", ""));
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\n\\s*", " ").trim();
    }

    private boolean callsFailedFunction(String message) {
        return failedFunctions.stream().anyMatch(f -> message.startsWith("The method " + f + "("));
    }

    private static String capitalized(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
