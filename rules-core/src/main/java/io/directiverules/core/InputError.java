package io.directiverules.core;

import java.util.Objects;

/**
 * One problem in the input (facts, parameters, scenario), located precisely enough to fix it.
 *
 * @param source the file the input came from, or {@code null} when it was built in code
 * @param field where in the input: {@code officials[3].unitId} for a fact, the key for a parameter
 * @param recordId the id of the record concerned, or {@code null}
 * @param message what is wrong
 */
public record InputError(String source, String field, String recordId, String message) {

    /** Creates an error; {@code field} and {@code message} are required. */
    public InputError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** An error without a source file. */
    public static InputError of(String field, String recordId, String message) {
        return new InputError(null, field, recordId, message);
    }

    /** The same error, attributed to {@code file}. */
    public InputError inSource(String file) {
        return new InputError(file, field, recordId, message);
    }

    /** Renders {@code file: list[i].field (id "X"): message}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (source != null) {
            text.append(source).append(": ");
        }
        text.append(field);
        if (recordId != null) {
            text.append(" (id \"").append(recordId).append("\")");
        }
        return text.append(": ").append(message).toString();
    }
}
