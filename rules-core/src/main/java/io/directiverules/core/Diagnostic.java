package io.directiverules.core;

/**
 * A problem in a rule file, located for an editor.
 *
 * @param file the file's path as given
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param level error or warning
 * @param message what is wrong
 */
public record Diagnostic(String file, int line, int column, Level level, String message) {

    /** How bad a diagnostic is. */
    public enum Level {
        /** The rule set cannot be loaded. */
        ERROR,
        /** Allowed, but probably not what the author meant. */
        WARNING
    }

    /** Renders {@code FILE:LINE:COL: error|warning: MESSAGE}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + level.name().toLowerCase(java.util.Locale.ROOT) + ": "
                + message;
    }
}
