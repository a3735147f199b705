package io.directiverules.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.directiverules.core.Language;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * @param factLines the line in {@code file} of each inline fact field, by its path in the merged facts
 *                  document ({@code plans[0].issuedOn}), so that an input error can name the line to fix
 */
public record Scenario(Path file, int line, String name, LocalDate asOf, Language language, List<String> tags,
                      JsonNode parameters, List<Path> ruleFolders, JsonNode facts, Expectations expect,
                      Map<String, Integer> factLines) {

    /** Copies the lists and map. */
    public Scenario {
        tags = List.copyOf(tags);
        ruleFolders = List.copyOf(ruleFolders);
        factLines = Map.copyOf(factLines);
    }

    /** {@code file:line}, for messages. */
    public String location() {
        return file + ":" + line;
    }

    /**
     * The line of a fact field given as an input error names it ({@code officials[0].unitId}), or of its
     * nearest enclosing entry; 0 when the field is not written inline in the scenario file.
     */
    public int lineOfFact(String field) {
        String current = field;
        while (!current.isEmpty()) {
            Integer found = factLines.get(current);
            if (found != null) {
                return found;
            }
            int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
            current = cut < 0 ? "" : current.substring(0, cut);
        }
        return 0;
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
            counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
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
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        @Override
        public String toString() {
            return ReportFields.render(fields);
        }
    }
}
