package io.directiverules.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when input (facts, parameters, a scenario) is invalid; carries every error found in one pass.
 * Nothing was evaluated when this is thrown.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<InputError> errors;

    /** Creates the exception from at least one error. */
    public InvalidInputException(List<InputError> errors) {
        super(describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an input exception needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** Every error found, in input order. */
    public List<InputError> errors() {
        return errors;
    }

    private static String describe(List<InputError> errors) {
        String lines = errors.stream().map(InputError::toString).collect(Collectors.joining("\n  "));
        return errors.size() + (errors.size() == 1 ? " input error" : " input errors") + ":\n  " + lines;
    }
}
