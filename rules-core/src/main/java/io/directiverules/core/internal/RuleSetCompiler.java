package io.directiverules.core.internal;

import io.directiverules.core.Diagnostic;
import io.directiverules.core.RuleInfo;
import io.directiverules.core.RuleLoadException;
import io.directiverules.core.RuleSource;
import io.directiverules.core.Severity;
import io.directiverules.core.rule.Verdict;
import org.drools.compiler.compiler.DescrBuildError;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.builder.conf.LanguageLevelOption;
import org.kie.internal.io.ResourceFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles DRL sources into a KieBase and checks what Drools does not: every rule that emits a violation
 * carries {@code @ruleId}, {@code @severity} and {@code @legalBasis}, with a known severity. Problems are
 * reported as {@link Diagnostic}s with the file, line and column.
 */
public final class RuleSetCompiler {
    private static final Pattern LINE_COLUMN = Pattern.compile("\\[Line: (\\d+), Column: (\\d+)]");
    private static final Pattern PARSER_LINE_COLUMN = Pattern.compile("Line (\\d+):(\\d+)");

    /** The result of a successful compilation. */
    public record CompiledRuleSet(KieBase kieBase, List<RuleInfo> rules, List<Diagnostic> warnings) {
    }

    /** What the parser saw of one rule. */
    public record ParsedRule(String packageName, String name, String file, int line, int column,
                             String consequence, int consequenceLine, Map<String, String> metadata,
                             String agendaGroup, RuleDescr descr) {
    }

    private RuleSetCompiler() {
    }

    /**
     * Compiles {@code sources}.
     *
     * @throws RuleLoadException with every diagnostic when any error is found
     */
    public static CompiledRuleSet compile(List<RuleSource> sources) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<ParsedRule> parsed = new ArrayList<>();
        for (RuleSource source : sources) {
            parsed.addAll(parse(source, diagnostics));
        }
        if (hasErrors(diagnostics)) {
            throw new RuleLoadException(diagnostics);
        }
        diagnostics.addAll(checkMetadata(parsed));

        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        CompositeKnowledgeBuilder batch = builder.batch();
        Map<Resource, RuleSource> byResource = new IdentityHashMap<>();
        for (RuleSource source : sources) {
            Resource resource = ResourceFactory.newByteArrayResource(source.content().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(resourcePath(source));
            byResource.put(resource, source);
            batch.add(resource, ResourceType.DRL);
        }
        batch.build();
        for (KnowledgeBuilderResult result : builder.getResults(ResultSeverity.ERROR, ResultSeverity.WARNING)) {
            diagnostics.add(translate(result, sources, parsed));
        }
        if (hasErrors(diagnostics)) {
            throw new RuleLoadException(sorted(diagnostics));
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
        kieBase.addPackages(builder.getKnowledgePackages());
        return new CompiledRuleSet(kieBase, describe(kieBase, parsed), sorted(diagnostics));
    }

    private static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
        return diagnostics.stream().sorted(Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column)).toList();
    }

    private static boolean hasErrors(List<Diagnostic> diagnostics) {
        return diagnostics.stream().anyMatch(d -> d.level() == Diagnostic.Level.ERROR);
    }

    /** Drools derives names from the source path; keep it a relative, slash-separated path. */
    private static String resourcePath(RuleSource source) {
        return "src/main/resources/" + Integer.toHexString(source.path().hashCode()) + "/" + source.fileName();
    }

    /** Parses one source to find its rules' lines, metadata and consequences. */
    public static List<ParsedRule> parse(RuleSource source, List<Diagnostic> diagnostics) {
        DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
        PackageDescr descr;
        try {
            descr = parser.parse(false, source.content());
        } catch (DroolsParserException e) {
            diagnostics.add(new Diagnostic(source.path(), e.getLineNumber(), e.getColumn() + 1, Diagnostic.Level.ERROR,
                    e.getMessage()));
            return List.of();
        }
        if (parser.hasErrors()) {
            for (Object error : parser.getErrors()) {
                if (error instanceof ParserError p) {
                    diagnostics.add(new Diagnostic(source.path(), p.getRow(), p.getCol() + 1, Diagnostic.Level.ERROR,
                            stripLocation(p.getMessage())));
                } else {
                    diagnostics.add(new Diagnostic(source.path(), 0, 0, Diagnostic.Level.ERROR, error.toString()));
                }
            }
            return List.of();
        }
        if (descr == null) {
            diagnostics.add(new Diagnostic(source.path(), 0, 0, Diagnostic.Level.ERROR, "not a DRL file"));
            return List.of();
        }
        List<ParsedRule> rules = new ArrayList<>();
        for (RuleDescr rule : descr.getRules()) {
            if (rule.isQuery()) {
                continue;
            }
            Map<String, String> metadata = new HashMap<>();
            rule.getAnnotations().forEach(a -> metadata.put(a.getName(), unquote(a.getValue() == null ? ""
                    : a.getValue().toString())));
            String agendaGroup = rule.getAttributes().containsKey("ruleflow-group")
                    ? rule.getAttributes().get("ruleflow-group").getValue()
                    : rule.getAttributes().containsKey("agenda-group")
                    ? rule.getAttributes().get("agenda-group").getValue() : null;
            rules.add(new ParsedRule(descr.getName(), rule.getName(), source.path(), rule.getLine(),
                    rule.getColumn() + 1, Objects.toString(rule.getConsequence(), ""), rule.getConsequenceLine(),
                    metadata, agendaGroup, rule));
        }
        return rules;
    }

    private static String unquote(String value) {
        String v = value.trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private static String stripLocation(String message) {
        return message.replaceFirst("^\\[ERR \\d+] Line \\d+:\\d+ ", "");
    }

    /** A rule that emits a violation must say which rule of the catalogue it is, how severe, and why. */
    private static List<Diagnostic> checkMetadata(List<ParsedRule> rules) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (ParsedRule rule : rules) {
            boolean emits = rule.consequence().contains("Verdict.violation(");
            boolean declares = rule.metadata().containsKey("ruleId") || rule.metadata().containsKey("severity")
                    || rule.metadata().containsKey("legalBasis");
            if (!emits && !declares) {
                continue;
            }
            for (String required : List.of("ruleId", "severity", "legalBasis")) {
                String value = rule.metadata().get(required);
                if (value == null || value.isBlank()) {
                    diagnostics.add(new Diagnostic(rule.file(), rule.line(), rule.column(), Diagnostic.Level.ERROR,
                            "rule \"" + rule.name() + "\" emits a violation but has no @" + required));
                }
            }
            String severity = rule.metadata().get("severity");
            if (severity != null && !severity.isBlank() && !isSeverity(severity)) {
                diagnostics.add(new Diagnostic(rule.file(), rule.line(), rule.column(), Diagnostic.Level.ERROR,
                        "rule \"" + rule.name() + "\" has unknown @severity(\"" + severity
                                + "\") (expected LOW, MEDIUM, HIGH or CRITICAL)"));
            }
        }
        return diagnostics;
    }

    private static boolean isSeverity(String text) {
        for (Severity severity : Severity.values()) {
            if (severity.name().equals(text)) {
                return true;
            }
        }
        return false;
    }

    /** Turns a Drools build result into a diagnostic on the analyst's file, line and column. */
    private static Diagnostic translate(KnowledgeBuilderResult result, List<RuleSource> sources,
                                        List<ParsedRule> parsed) {
        Diagnostic.Level level = result.getSeverity() == ResultSeverity.ERROR ? Diagnostic.Level.ERROR
                : Diagnostic.Level.WARNING;
        String file = fileOf(result.getResource(), sources);
        int line = result.getLines() != null && result.getLines().length > 0 ? result.getLines()[0] : 0;
        int column = 0;
        String message = result.getMessage();
        if (result instanceof ParserError p) {
            line = p.getRow();
            column = p.getCol() + 1;
            message = stripLocation(message);
        } else if (result instanceof DescrBuildError d) {
            line = d.getLine();
            column = d.getColumn() + 1;
            Matcher inMessage = LINE_COLUMN.matcher(message);
            if (d.getDescr() instanceof RuleDescr rule) {
                // A consequence error: point at the consequence, the only part Drools compiles as Java.
                line = rule.getConsequenceLine() > 0 ? rule.getConsequenceLine() : rule.getLine();
                column = 1;
                file = parsed.stream().filter(r -> r.descr() != null && r.name().equals(rule.getName()))
                        .map(ParsedRule::file).findFirst().orElse(file);
            } else if (inMessage.find() && line <= 0) {
                line = Integer.parseInt(inMessage.group(1));
                column = Integer.parseInt(inMessage.group(2)) + 1;
            }
        } else {
            Matcher parserLocation = PARSER_LINE_COLUMN.matcher(message);
            if (parserLocation.find()) {
                line = Integer.parseInt(parserLocation.group(1));
                column = Integer.parseInt(parserLocation.group(2)) + 1;
            }
        }
        return new Diagnostic(file, Math.max(line, 0), Math.max(column, 0), level, oneLine(message));
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\n\\s*", " ").trim();
    }

    private static String fileOf(Resource resource, List<RuleSource> sources) {
        if (resource == null || resource.getSourcePath() == null) {
            return sources.size() == 1 ? sources.get(0).path() : "<rules>";
        }
        String path = resource.getSourcePath();
        for (RuleSource source : sources) {
            if (path.equals(resourcePath(source))) {
                return source.path();
            }
        }
        return path;
    }

    private static List<RuleInfo> describe(KieBase kieBase, List<ParsedRule> parsed) {
        Map<String, ParsedRule> byName = new HashMap<>();
        parsed.forEach(r -> byName.put(r.packageName() + "/" + r.name(), r));
        List<RuleInfo> infos = new ArrayList<>();
        kieBase.getKiePackages().forEach(pkg -> {
            for (Rule rule : pkg.getRules()) {
                ParsedRule source = byName.get(pkg.getName() + "/" + rule.getName());
                Map<String, Object> meta = rule.getMetaData();
                Object severity = meta.get("severity");
                Object basis = meta.get("legalBasis");
                infos.add(new RuleInfo(meta.get("ruleId") == null ? null : meta.get("ruleId").toString(),
                        rule.getName(), severity == null ? null : Severity.valueOf(severity.toString()),
                        rule.getName(), basis == null ? List.of() : Verdict.splitBasis(basis.toString()),
                        source == null ? "?" : source.file(), source == null ? 0 : source.line()));
            }
        });
        infos.sort(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line));
        return infos;
    }
}
