package io.directiverules.core.internal;

import io.directiverules.core.Actor;
import io.directiverules.core.Diagnostic;
import io.directiverules.core.RuleInfo;
import io.directiverules.core.RuleLoadException;
import io.directiverules.core.RuleSource;
import io.directiverules.core.Severity;
import io.directiverules.core.rule.Verdict;
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
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.builder.conf.LanguageLevelOption;
import org.kie.internal.io.ResourceFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compiles DRL sources into a KieBase: parses each file, runs the sandbox ({@link DrlSandbox}) and the lint
 * ({@link RuleSetLint}), then Drools, whose errors are translated to the analyst's file, line and column
 * ({@link DroolsDiagnostics}). Problems are reported as {@link Diagnostic}s.
 */
public final class RuleSetCompiler {
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
     * Compiles {@code sources} without checking action codes against a catalogue.
     *
     * @throws RuleLoadException with every diagnostic when any error is found
     */
    public static CompiledRuleSet compile(List<RuleSource> sources) {
        return compile(sources, null);
    }

    /**
     * Parses, sandboxes, lints and compiles {@code sources}; {@code actionCodes} is the catalogue of the action
     * codes (with their actors) the rules may produce, or {@code null} to leave codes unchecked. Nothing that fails the parser or the sandbox reaches
     * Drools: forbidden code is never compiled.
     *
     * @throws RuleLoadException with every diagnostic (errors and warnings) when any error is found
     */
    public static CompiledRuleSet compile(List<RuleSource> sources, Map<String, Actor> actionCodes) {
        return compile(sources, actionCodes, java.util.Set.of());
    }

    /**
     * As {@link #compile(List, Map)}, also letting rules call {@code helperClasses} (fully-qualified names of
     * the modules' own reviewed Java helpers).
     */
    public static CompiledRuleSet compile(List<RuleSource> sources, Map<String, Actor> actionCodes,
                                          java.util.Set<String> helperClasses) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<ParsedSource> parsedSources = new ArrayList<>();
        List<ParsedRule> parsed = new ArrayList<>();
        for (RuleSource source : sources) {
            ParsedSource parsedSource = parseSource(source, diagnostics);
            if (parsedSource != null) {
                parsedSources.add(parsedSource);
                parsed.addAll(rulesOf(parsedSource));
            }
        }
        if (hasErrors(diagnostics)) {
            throw new RuleLoadException(sorted(diagnostics));
        }
        List<Diagnostic> sandbox = DrlSandbox.check(parsedSources, helperClasses);
        diagnostics.addAll(sandbox);
        diagnostics.addAll(RuleSetLint.check(parsedSources, parsed, actionCodes));
        if (hasErrors(sandbox)) {
            throw new RuleLoadException(sorted(diagnostics));
        }

        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        CompositeKnowledgeBuilder batch = builder.batch();
        for (ParsedSource source : parsedSources) {
            Resource resource = ResourceFactory.newByteArrayResource(
                    source.source().content().getBytes(StandardCharsets.UTF_8)).setSourcePath(resourcePath(source.source()));
            batch.add(resource, ResourceType.DRL);
        }
        batch.build();
        diagnostics.addAll(DroolsDiagnostics.translate(builder,
                builder.getResults(ResultSeverity.ERROR, ResultSeverity.WARNING), parsedSources,
                s -> resourcePath(s.source())));
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
        ParsedSource parsed = parseSource(source, diagnostics);
        return parsed == null ? List.of() : rulesOf(parsed);
    }

    /** Parses one source; parser errors go to {@code diagnostics} and give {@code null}. */
    static ParsedSource parseSource(RuleSource source, List<Diagnostic> diagnostics) {
        DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
        PackageDescr descr;
        try {
            descr = parser.parse(false, source.content());
        } catch (DroolsParserException e) {
            diagnostics.add(new Diagnostic(source.path(), e.getLineNumber(), e.getColumn() + 1, Diagnostic.Level.ERROR,
                    e.getMessage()));
            return null;
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
            return null;
        }
        if (descr == null) {
            diagnostics.add(new Diagnostic(source.path(), 0, 0, Diagnostic.Level.ERROR, "not a DRL file"));
            return null;
        }
        return new ParsedSource(source, new DrlText(source.content()), descr);
    }

    private static List<ParsedRule> rulesOf(ParsedSource source) {
        PackageDescr descr = source.descr();
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

    static String stripLocation(String message) {
        return message.replaceFirst("^\\[ERR \\d+] Line \\d+:\\d+ ", "");
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
