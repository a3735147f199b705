package io.directiverules.cli;

import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.ComplianceReport;
import io.directiverules.core.Facts;
import io.directiverules.core.Language;
import io.directiverules.core.RuleModule;
import io.directiverules.core.Severity;
import io.directiverules.core.io.FactsReader;
import io.directiverules.core.io.ReportCsvWriter;
import io.directiverules.core.io.ReportHtmlWriter;
import io.directiverules.core.io.ReportJsonWriter;
import io.directiverules.core.io.ReportTextWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code directive-rules evaluate}: judges facts and writes the report. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluates facts against the loaded rule set and writes the report.",
                "With no --facts it evaluates the bundled sample ministry as of its built-in date."})
final class EvaluateCommand implements Callable<Integer> {

    /** Report formats. */
    enum Format { text, json, html, csv }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--facts", paramLabel = "FILE", description = "The facts document (JSON or YAML).")
    Path facts;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "The evaluation date (YYYY-MM-DD); default: the sample's date, or today for --facts.")
    LocalDate asOf;

    @Mixin
    EngineOptions engineOptions = new EngineOptions();

    @Option(names = "--lang", paramLabel = "en|vi", defaultValue = "en",
            description = "Language of messages: en or vi (default: ${DEFAULT-VALUE}).")
    String language;

    @Option(names = "--format", defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report here (whole, or not at all).")
    Path out;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit with status 1 when a violation is at or above: ${COMPLETION-CANDIDATES}.")
    Severity failOn;

    @Option(names = "--explain", description = "In text format, show each violation's legal basis, deadline and evidence.")
    boolean explain;

    @Override
    public Integer call() throws Exception {
        Language lang;
        try {
            lang = Language.of(language);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lang: " + e.getMessage());
        }
        ComplianceEngine engine = engineOptions.build();
        Facts input;
        LocalDate date = asOf;
        if (facts != null) {
            input = FactsReader.strict().read(facts);
            date = date != null ? date : LocalDate.now();
        } else {
            RuleModule.Sample sample = engine.sample().orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), "no --facts given and no loaded module bundles a sample"));
            input = FactsReader.strict().read(sample.open(), sample.resource());
            date = date != null ? date : sample.asOf();
        }
        ComplianceReport report = engine.evaluate(input, date, lang);
        String text = switch (format) {
            case text -> ReportTextWriter.toText(report, explain);
            case json -> ReportJsonWriter.toJson(report) + System.lineSeparator();
            case html -> ReportHtmlWriter.toHtml(report);
            case csv -> ReportCsvWriter.toCsv(report);
        };
        if (out != null) {
            AtomicOutput.write(out, text);
        } else {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        }
        return failOn != null && ReportTextWriter.anyAtLeast(report, failOn) ? DirectiveRulesCommand.FINDINGS
                : DirectiveRulesCommand.OK;
    }
}
