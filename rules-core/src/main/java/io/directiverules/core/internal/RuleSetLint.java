package io.directiverules.core.internal;

import io.directiverules.core.Actor;
import io.directiverules.core.Diagnostic;
import io.directiverules.core.Facts;
import io.directiverules.core.RequiredAction;
import io.directiverules.core.Severity;
import io.directiverules.core.Violation;
import io.directiverules.core.internal.DrlText.Kind;
import io.directiverules.core.internal.DrlText.Token;
import io.directiverules.core.internal.RuleSetCompiler.ParsedRule;
import io.directiverules.core.rule.Evaluation;
import io.directiverules.core.rule.JudgedYear;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks Drools does not make. Errors: a violation rule without {@code @ruleId}, {@code @severity} or
 * {@code @legalBasis}; an unknown severity; a rule id used twice; an action code or actor the catalogue does
 * not define. Warnings: a numeric or date literal in a condition (it should be a parameter); a rule that can
 * never fire because it matches a fact type nothing inserts.
 */
final class RuleSetLint {
    /** The fact types the engine inserts itself: the context, the judged years and every list of the facts. */
    static final Set<Class<?>> ENGINE_FACTS = engineFacts();

    private static final Pattern DATE_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{1,2}-[A-Za-z]{3}-\\d{4}");
    private static final Pattern EMITS_VIOLATION = Pattern.compile("Verdict\\s*\\.\\s*violation\\s*\\(");

    private final List<ParsedSource> sources;
    private final List<ParsedRule> rules;
    private final Map<String, Actor> actionCodes;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private RuleSetLint(List<ParsedSource> sources, List<ParsedRule> rules, Map<String, Actor> actionCodes) {
        this.sources = sources;
        this.rules = rules;
        this.actionCodes = actionCodes;
    }

    /**
     * Lints parsed sources; {@code actionCodes} is the catalogue of actions the rules may produce, or
     * {@code null} to leave action codes unchecked.
     */
    static List<Diagnostic> check(List<ParsedSource> sources, List<ParsedRule> rules, Map<String, Actor> actionCodes) {
        RuleSetLint lint = new RuleSetLint(sources, rules, actionCodes);
        lint.checkMetadata();
        lint.checkDuplicateIds();
        Set<String> produced = lint.producedTypes();
        for (ParsedSource source : sources) {
            if (actionCodes != null) {
                lint.checkActions(source);
            }
            for (RuleDescr rule : source.descr().getRules()) {
                if (!rule.isQuery()) {
                    lint.checkLiterals(source, rule);
                    lint.checkReachable(source, rule, rule.getLhs(), produced);
                }
            }
        }
        return List.copyOf(lint.diagnostics);
    }

    /** A rule that emits a violation must say which rule of the catalogue it is, how severe, and why. */
    private void checkMetadata() {
        for (ParsedRule rule : rules) {
            boolean emits = EMITS_VIOLATION.matcher(rule.consequence()).find();
            boolean declares = rule.metadata().containsKey("ruleId") || rule.metadata().containsKey("severity")
                    || rule.metadata().containsKey("legalBasis");
            if (!emits && !declares) {
                continue;
            }
            for (String required : List.of("ruleId", "severity", "legalBasis")) {
                String value = rule.metadata().get(required);
                if (value == null || value.isBlank()) {
                    error(rule, "rule \"" + rule.name() + "\" emits a violation but has no @" + required);
                }
            }
            String severity = rule.metadata().get("severity");
            if (severity != null && !severity.isBlank() && !isSeverity(severity)) {
                error(rule, "rule \"" + rule.name() + "\" has unknown @severity(\"" + severity
                        + "\") (expected LOW, MEDIUM, HIGH or CRITICAL)");
            }
        }
    }

    private void checkDuplicateIds() {
        Map<String, ParsedRule> first = new HashMap<>();
        for (ParsedRule rule : rules) {
            String id = rule.metadata().get("ruleId");
            if (id == null || id.isBlank()) {
                continue;
            }
            ParsedRule earlier = first.putIfAbsent(id, rule);
            // One obligation may take several DRL rules (missing, late) in one file when they agree on what
            // the obligation is: the same severity and legal basis.
            if (earlier != null && !sameObligation(earlier, rule)) {
                error(rule, "duplicate rule id " + id + ": rule \"" + rule.name() + "\" and rule \"" + earlier.name()
                        + "\" (" + earlier.file() + ":" + earlier.line() + ")");
            }
        }
    }

    private static boolean sameObligation(ParsedRule one, ParsedRule other) {
        return one.file().equals(other.file())
                && java.util.Objects.equals(one.metadata().get("severity"), other.metadata().get("severity"))
                && java.util.Objects.equals(one.metadata().get("legalBasis"), other.metadata().get("legalBasis"));
    }

    /** {@code Verdict.action(drools, $ctx, "CODE")...actor(Actor.X)}: the code and actor must be catalogued. */
    private void checkActions(ParsedSource source) {
        List<Token> tokens = source.text().tokens();
        for (int i = 2; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).is("action") || !tokens.get(i - 1).is(".") || !tokens.get(i - 2).is("Verdict")
                    || !tokens.get(i + 1).is("(")) {
                continue;
            }
            List<List<Token>> arguments = new ArrayList<>();
            int close = arguments(tokens, i + 1, arguments);
            if (arguments.size() < 3 || arguments.get(2).size() != 1 || arguments.get(2).get(0).kind() != Kind.STRING) {
                continue; // a computed code: the runtime checks it
            }
            Token code = arguments.get(2).get(0);
            Actor catalogued = actionCodes.get(code.text());
            if (catalogued == null) {
                error(source, code.offset(), "action code \"" + code.text() + "\" is not in the catalogue (the loaded"
                        + " modules' action codes and the rule folders' actions.yaml)");
            }
            int depth = 0;
            for (int j = close + 1; j + 6 < tokens.size(); j++) {
                Token t = tokens.get(j);
                if (t.is("(") || t.is("{") || t.is("[")) {
                    depth++;
                } else if (t.is(")") || t.is("}") || t.is("]")) {
                    if (--depth < 0) {
                        break;
                    }
                } else if (t.is(";") && depth == 0) {
                    break;
                } else if (depth == 0 && t.is(".") && tokens.get(j + 1).is("actor") && tokens.get(j + 2).is("(")
                        && tokens.get(j + 3).is("Actor") && tokens.get(j + 4).is(".")
                        && tokens.get(j + 6).is(")")) {
                    Token actor = tokens.get(j + 5);
                    if (!isActor(actor.text())) {
                        error(source, actor.offset(), "unknown actor Actor." + actor.text());
                    } else if (catalogued != null && catalogued != Actor.valueOf(actor.text())) {
                        error(source, actor.offset(), "action " + code.text() + " is for " + catalogued
                                + " in the catalogue, not " + actor.text());
                    }
                    break;
                }
            }
        }
    }

    /** Splits the arguments of the call whose {@code (} is at {@code open}; returns the index of its {@code )}. */
    private static int arguments(List<Token> tokens, int open, List<List<Token>> into) {
        int depth = 0;
        List<Token> current = new ArrayList<>();
        for (int j = open; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (t.is("(") || t.is("{") || t.is("[")) {
                if (depth++ == 0) {
                    continue;
                }
            } else if (t.is(")") || t.is("}") || t.is("]")) {
                if (--depth == 0) {
                    into.add(current);
                    return j;
                }
            } else if (t.is(",") && depth == 1) {
                into.add(current);
                current = new ArrayList<>();
                continue;
            }
            current.add(t);
        }
        return tokens.size() - 1;
    }

    /** Thresholds and dates in conditions belong in parameters, where they are dated and cited. */
    private void checkLiterals(ParsedSource source, RuleDescr rule) {
        int[] lhs = lhsRange(source.text(), rule);
        if (lhs == null) {
            return;
        }
        List<Token> tokens = source.text().tokens();
        for (int i = lhs[0]; i < lhs[1]; i++) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.NUMBER && !isZeroOrOne(t.text())) {
                warning(source, t.offset(), "rule \"" + rule.getName() + "\": the number " + t.text() + " in a"
                        + " condition should be a parameter ($ctx.integer(key, day), $ctx.decimal(key, day), ...)");
            } else if (t.kind() == Kind.STRING && DATE_TEXT.matcher(t.text()).find()) {
                warning(source, t.offset(), "rule \"" + rule.getName() + "\": the date \"" + t.text() + "\" in a"
                        + " condition should be a parameter ($ctx.date(key, day))");
            } else if (t.is("LocalDate") && i + 2 < lhs[1] && tokens.get(i + 1).is(".")
                    && (tokens.get(i + 2).is("of") || tokens.get(i + 2).is("parse"))) {
                warning(source, t.offset(), "rule \"" + rule.getName() + "\": a date in a condition should be a"
                        + " parameter ($ctx.date(key, day))");
            }
        }
    }

    /** The token range {@code [when, then)} of a rule, or {@code null}. */
    private static int[] lhsRange(DrlText text, RuleDescr rule) {
        List<Token> tokens = text.tokens();
        int start = -1;
        for (int i = text.tokenAt(Math.max(0, rule.getStartCharacter())); i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (rule.getEndCharacter() > 0 && t.offset() > rule.getEndCharacter()) {
                return null;
            }
            if (start < 0 && t.is("when")) {
                start = i + 1;
            } else if (start >= 0 && t.is("then") && (i + 1 >= tokens.size() || !tokens.get(i + 1).is("["))) {
                return new int[] {start, i};
            }
        }
        return null;
    }

    private static boolean isZeroOrOne(String literal) {
        String digits = literal.replace("_", "").replaceAll("[lLdDfFbBiI]$", "");
        try {
            BigDecimal value = digits.startsWith("0x") || digits.startsWith("0X")
                    ? new BigDecimal(new java.math.BigInteger(digits.substring(2), 16)) : new BigDecimal(digits);
            return value.compareTo(BigDecimal.ZERO) == 0 || value.compareTo(BigDecimal.ONE) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The simple names of the types the rules' consequences insert: {@code Violation} and
     * {@code RequiredAction} through {@link io.directiverules.core.rule.Verdict}, and whatever a consequence
     * that inserts creates with {@code new}.
     */
    private Set<String> producedTypes() {
        Set<String> produced = new HashSet<>();
        for (ParsedSource source : sources) {
            List<Token> tokens = source.text().tokens();
            for (RuleDescr rule : source.descr().getRules()) {
                int from = source.text().tokenAt(DroolsDiagnostics.consequenceStart(source.text(), rule));
                int to = rule.getEndCharacter() > 0 ? source.text().tokenAt(rule.getEndCharacter() + 1) : tokens.size();
                boolean inserts = false;
                Set<String> created = new HashSet<>();
                for (int i = from; i < to && i < tokens.size(); i++) {
                    Token t = tokens.get(i);
                    if ((t.is("insert") || t.is("insertLogical")) && i + 1 < to && tokens.get(i + 1).is("(")) {
                        inserts = true;
                    }
                    if (t.is("Verdict") && i + 2 < to && tokens.get(i + 1).is(".")) {
                        if (tokens.get(i + 2).is("violation")) {
                            produced.add(Violation.class.getSimpleName());
                        } else if (tokens.get(i + 2).is("action")) {
                            produced.add(RequiredAction.class.getSimpleName());
                        }
                    }
                    if (t.is("new") && i + 1 < to && tokens.get(i + 1).kind() == Kind.IDENTIFIER) {
                        int j = i + 1;
                        while (j + 2 < to && tokens.get(j + 1).is(".")) {
                            j += 2;
                        }
                        created.add(tokens.get(j).text());
                    }
                }
                if (inserts) {
                    produced.addAll(created);
                }
            }
        }
        ENGINE_FACTS.forEach(type -> produced.add(type.getSimpleName()));
        return produced;
    }

    /** Warns about a positive pattern on a type that no one inserts: the rule can never fire. */
    private void checkReachable(ParsedSource source, RuleDescr rule, BaseDescr descr, Set<String> produced) {
        if (descr instanceof AndDescr and) {
            and.getDescrs().forEach(d -> checkReachable(source, rule, d, produced));
        } else if (descr instanceof ExistsDescr exists) {
            for (Object d : exists.getDescrs()) {
                checkReachable(source, rule, (BaseDescr) d, produced);
            }
        } else if (descr instanceof PatternDescr pattern && pattern.getSource() == null
                && pattern.getObjectType() != null) {
            String type = pattern.getObjectType().strip();
            String simple = type.substring(type.lastIndexOf('.') + 1);
            if (produced.contains(simple) || mayMatchInserted(source, type, produced)) {
                return;
            }
            int at = source.text().offset(pattern.getLine(), pattern.getColumn() + 1);
            warning(source, at, "rule \"" + rule.getName() + "\" can never fire: nothing inserts a " + simple
                    + " (the engine inserts the facts, Evaluation and JudgedYear; rules insert what their"
                    + " consequences create)");
        }
    }

    /** Whether {@code type} is a Java type that an inserted fact is an instance of, or cannot be judged. */
    private static boolean mayMatchInserted(ParsedSource source, String type, Set<String> produced) {
        String simple = type.substring(type.lastIndexOf('.') + 1);
        boolean declared = source.descr().getTypeDeclarations().stream().anyMatch(t -> t.getTypeName().equals(simple))
                || source.descr().getEnumDeclarations().stream().anyMatch(t -> t.getTypeName().equals(simple));
        if (declared && !type.contains(".")) {
            return false;
        }
        Class<?> resolved = resolve(source, type);
        if (resolved == null) {
            return !declared; // unknown to us: Drools reports a type it cannot resolve
        }
        Set<Class<?>> inserted = new LinkedHashSet<>(ENGINE_FACTS);
        if (produced.contains(Violation.class.getSimpleName())) {
            inserted.add(Violation.class);
        }
        if (produced.contains(RequiredAction.class.getSimpleName())) {
            inserted.add(RequiredAction.class);
        }
        return inserted.stream().anyMatch(resolved::isAssignableFrom);
    }

    private static Class<?> resolve(ParsedSource source, String type) {
        List<String> candidates = new ArrayList<>();
        if (type.contains(".")) {
            candidates.add(type);
        } else {
            for (ImportDescr imported : source.descr().getImports()) {
                String target = imported.getTarget();
                if (target.endsWith("." + type)) {
                    candidates.add(target);
                } else if (target.endsWith(".*")) {
                    candidates.add(target.substring(0, target.length() - 1) + type);
                }
            }
            candidates.add("java.lang." + type);
        }
        for (String candidate : candidates) {
            try {
                return Class.forName(candidate, false, RuleSetLint.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next import
            }
        }
        return null;
    }

    private static Set<Class<?>> engineFacts() {
        Set<Class<?>> types = new LinkedHashSet<>(List.of(Evaluation.class, JudgedYear.class));
        for (Method method : Facts.class.getMethods()) {
            Type returned = method.getGenericReturnType();
            if (method.getParameterCount() == 0 && returned instanceof ParameterizedType list
                    && list.getRawType() == List.class && list.getActualTypeArguments()[0] instanceof Class<?> element
                    && element.getPackageName().equals(Evaluation.class.getPackageName().replace(".rule", ".model"))) {
                types.add(element);
            }
        }
        return Set.copyOf(types);
    }

    private static boolean isSeverity(String text) {
        for (Severity severity : Severity.values()) {
            if (severity.name().equals(text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isActor(String text) {
        for (Actor actor : Actor.values()) {
            if (actor.name().equals(text)) {
                return true;
            }
        }
        return false;
    }

    private void error(ParsedRule rule, String message) {
        diagnostics.add(new Diagnostic(rule.file(), rule.line(), rule.column(), Diagnostic.Level.ERROR, message));
    }

    private void error(ParsedSource source, int offset, String message) {
        diagnostics.add(new Diagnostic(source.path(), source.text().line(offset), source.text().column(offset),
                Diagnostic.Level.ERROR, message));
    }

    private void warning(ParsedSource source, int offset, String message) {
        diagnostics.add(new Diagnostic(source.path(), source.text().line(offset), source.text().column(offset),
                Diagnostic.Level.WARNING, message));
    }
}
