package io.directiverules.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.directiverules.core.Language;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One scenario of a scenario file (scenario-format.md): facts, an evaluation date, and what must and must
 * not come out.
 *
 * @param file the scenario file
 * @param line the line the scenario starts on
 * @param name the scenario's name, unique within its file
 * @param asOf the evaluation date
 * @param language the language of messages
 * @param tags free tags
 * @param parameters parameter overrides (a map node; empty for none)
 * @param ruleFolders extra DRL folders, resolved against the file's folder
 * @param facts the facts document: the facts file's lists with the inline facts added
 * @param expect what must come out
 */
public record Scenario(Path file, int line, String name, LocalDate asOf, Language language, List<String> tags,
                      JsonNode parameters, List<Path> ruleFolders, JsonNode facts, Expectations expect) {

    /** Copies the lists. */
    public Scenario {
        tags = List.copyOf(tags);
        ruleFolders = List.copyOf(ruleFolders);
    }

    /** {@code file:line}, for messages. */
    public String location() {
        return file + ":" + line;
    }

    /**
     * What a scenario expects.
     *
     * @param violations each must match at least one violation
     * @param absent none may match any violation
     * @param actions each must match at least one action
     * @param only whether violations of rules not named under {@code violations} are failures
     * @param counts exact number of violations per rule
     * @param inputErrors when not empty, the input must be refused with at least these errors
     */
    public record Expectations(List<FieldMatch> violations, List<FieldMatch> absent, List<FieldMatch> actions,
                               boolean only, Map<String, Integer> counts, List<FieldMatch> inputErrors) {

        /** Copies the lists and map. */
        public Expectations {
            violations = List.copyOf(violations);
            absent = List.copyOf(absent);
            actions = List.copyOf(actions);
            counts = Map.copyOf(counts);
            inputErrors = List.copyOf(inputErrors);
        }
    }

    /**
     * An expectation entry: field names ({@code rule}, {@code details.year}, ...) and the values they must
     * have, as written.
     *
     * @param fields expected values by field, in the order written
     * @param line the line of the entry in its file
     */
    public record FieldMatch(Map<String, String> fields, int line) {

        /** Copies the map, keeping its order. */
        public FieldMatch {
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }

        @Override
        public String toString() {
            return fields.toString().replace("=", ": ");
        }
    }
}
