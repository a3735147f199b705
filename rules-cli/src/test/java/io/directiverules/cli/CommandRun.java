package io.directiverules.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the command line: exit status and what it printed. */
record CommandRun(int status, String out, String err) {

    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = DirectiveRulesCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CommandRun(status, out.toString(), err.toString());
    }
}
