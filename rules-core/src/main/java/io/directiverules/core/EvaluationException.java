package io.directiverules.core;

/**
 * Thrown when an evaluation fails while the rules run (a rule throws, or a run-away limit is reached).
 * No report is produced; the engine stays usable.
 */
public class EvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
