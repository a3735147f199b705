package io.directiverules.cli;

import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.Diagnostic;
import io.directiverules.core.RuleLoadException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code directive-rules check}: compiles and lints the rule set (the bundled modules plus {@code --rules}
 * folders) and prints each problem as {@code FILE:LINE:COL: error|warning: MESSAGE}.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compiles and lints the rule set: the bundled rules plus --rules folders.",
                "Prints each problem as FILE:LINE:COL: error|warning: MESSAGE and exits with 3 on any error."})
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    EngineOptions engineOptions = new EngineOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Diagnostic> diagnostics;
        int rules = 0;
        try {
            ComplianceEngine engine = engineOptions.build();
            diagnostics = engine.warnings();
            rules = engine.rules().size();
        } catch (RuleLoadException e) {
            diagnostics = e.diagnostics();
        }
        diagnostics.forEach(out::println);
        long errors = diagnostics.stream().filter(d -> d.level() == Diagnostic.Level.ERROR).count();
        long warnings = diagnostics.size() - errors;
        out.println(errors > 0 ? errors + " error(s), " + warnings + " warning(s): the rule set does not load"
                : rules + " rules, " + warnings + " warning(s)");
        out.flush();
        return errors > 0 ? DirectiveRulesCommand.BAD_RULES : DirectiveRulesCommand.OK;
    }
}
