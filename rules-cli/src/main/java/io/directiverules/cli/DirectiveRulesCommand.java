package io.directiverules.cli;

import io.directiverules.core.EvaluationException;
import io.directiverules.core.InvalidInputException;
import io.directiverules.core.RuleLoadException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * The {@code directive-rules} command line. With no command it evaluates the bundled sample ministry and
 * prints a readable report.
 */
@Command(name = "directive-rules", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Checks units of a ministry against Directive 09/CT-BCT (2024) with Drools rules.",
        subcommands = {EvaluateCommand.class, CheckCommand.class, TestCommand.class, DiffCommand.class,
                RulesCommand.class, GenerateCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done (violations found are not an error unless --fail-on says so)",
                "1:violations at or above --fail-on, or failed scenarios",
                "2:bad input (facts, parameters, arguments)", "3:the rules do not compile or fail the lint"})
public final class DirectiveRulesCommand implements Callable<Integer> {
    /** Done. */
    static final int OK = 0;
    /** Violations at or above {@code --fail-on}, or failed scenarios. */
    static final int FINDINGS = 1;
    /** Bad input: facts, parameters or arguments. */
    static final int BAD_INPUT = 2;
    /** The rules do not compile or fail the lint. */
    static final int BAD_RULES = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with these streams and returns the exit status; for embedding and tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new DirectiveRulesCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter errors = cmd.getErr();
            if (e instanceof InvalidInputException invalid) {
                errors.println("error: " + invalid.getMessage());
                return BAD_INPUT;
            }
            if (e instanceof RuleLoadException rules) {
                rules.diagnostics().forEach(errors::println);
                return BAD_RULES;
            }
            if (e instanceof EvaluationException failed) {
                errors.println("error: " + failed.getMessage());
                return BAD_RULES;
            }
            throw e;
        });
        commandLine.setParameterExceptionHandler((e, parsedArgs) -> {
            PrintWriter errors = e.getCommandLine().getErr();
            errors.println("error: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, errors);
            errors.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return BAD_INPUT;
        });
        return commandLine.execute(args);
    }

    /** No command: evaluate the bundled sample. */
    @Override
    public Integer call() throws Exception {
        return spec.commandLine().execute("evaluate");
    }
}
