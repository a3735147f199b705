package io.directiverules.core;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a rule set does not compile or fails its load checks; carries every diagnostic. */
public class RuleLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    /** Creates the exception from the diagnostics found (errors and warnings). */
    public RuleLoadException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().filter(d -> d.level() == Diagnostic.Level.ERROR).count()
                + " error(s) in the rules:\n  " + diagnostics.stream().map(Diagnostic::toString)
                .collect(Collectors.joining("\n  ")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** Every diagnostic, errors and warnings. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
