package io.directiverules.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a rule change does to the same facts: the violations and actions that appear, disappear or change
 * when the facts are evaluated under the changed rules (or parameters) instead of the base ones.
 *
 * @param changes every difference, by fact set, rule or action code, unit and subject
 * @param factSets the number of fact sets evaluated
 * @param baseViolations violations under the base rules, over every fact set
 * @param changedViolations violations under the changed rules, over every fact set
 * @param baseActions actions under the base rules
 * @param changedActions actions under the changed rules
 * @param notes fact sets that could not be compared, and why
 */
public record Impact(List<Change> changes, int factSets, int baseViolations, int changedViolations,
                     int baseActions, int changedActions, List<String> notes) {

    /** Copies the lists. */
    public Impact {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    /** How a violation or action differs between the two evaluations. */
    public enum Kind {
        /** Only the changed rules produce it. */
        APPEARS("+"),
        /** Only the base rules produce it. */
        DISAPPEARS("-"),
        /** Both produce it, with different fields. */
        CHANGES("~");

        private final String sign;

        Kind(String sign) {
            this.sign = sign;
        }

        /** {@code +}, {@code -} or {@code ~}. */
        public String sign() {
            return sign;
        }
    }

    /**
     * One difference.
     *
     * @param kind appears, disappears or changes
     * @param violation whether it is a violation ({@code false}: a required action)
     * @param factSet the fact set it was found in (the sample, the facts file or the scenario's name)
     * @param key the rule id of a violation, the code of an action
     * @param unitId the unit it is filed under
     * @param subjectId the subject of a violation, or {@code null}
     * @param description the violation or action in one line (as it is after the change, unless it disappears)
     * @param differences for a change, each field that differs as {@code field: before → after}
     */
    public record Change(Kind kind, boolean violation, String factSet, String key, String unitId, String subjectId,
                         String description, List<String> differences) {

        /** Copies the list. */
        public Change {
            Objects.requireNonNull(kind, "kind");
            differences = List.copyOf(differences);
        }

        /** The change in one line: sign, description and, for a change, what differs. */
        public String line() {
            return kind.sign() + " " + description + (differences.isEmpty() ? "" : ": " + String.join(", ",
                    differences));
        }
    }

    /** Whether the change alters nothing. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The changes by rule id (violations) or action code (actions), sorted. */
    public Map<String, List<Change>> byRule() {
        return changes.stream().collect(Collectors.groupingBy(Change::key, TreeMap::new, Collectors.toList()));
    }

    /** The changes by unit, sorted. */
    public Map<String, List<Change>> byUnit() {
        return changes.stream().collect(Collectors.groupingBy(c -> String.valueOf(c.unitId()), TreeMap::new,
                Collectors.toList()));
    }

    /** The changes of one kind, of violations or of actions. */
    public List<Change> of(Kind kind, boolean violations) {
        return changes.stream().filter(c -> c.kind() == kind && c.violation() == violations).toList();
    }

    /** The one-line summary, which says so when the change alters nothing. */
    public String summary() {
        String sets = factSets + (factSets == 1 ? " fact set" : " fact sets");
        if (isEmpty()) {
            return "No change: the same " + baseViolations + " violations and " + baseActions
                    + " actions under both rule sets (" + sets + ").";
        }
        long rules = changes.stream().filter(Change::violation).map(Change::key).distinct().count();
        long units = changes.stream().map(Change::unitId).distinct().count();
        return counts(true, "violation") + "; " + counts(false, "action") + "; in " + rules
                + (rules == 1 ? " rule" : " rules") + " and " + units + (units == 1 ? " unit" : " units") + " ("
                + sets + ", violations " + baseViolations + " → " + changedViolations + ").";
    }

    private String counts(boolean violations, String noun) {
        int appear = of(Kind.APPEARS, violations).size();
        int disappear = of(Kind.DISAPPEARS, violations).size();
        int change = of(Kind.CHANGES, violations).size();
        return appear + " " + noun + (appear == 1 ? " appears, " : "s appear, ") + disappear
                + (disappear == 1 ? " disappears, " : " disappear, ") + change + (change == 1 ? " changes" : " change");
    }

    /** The whole impact as text: the changes by rule, the counts by unit, then the summary. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        boolean named = changes.stream().map(Change::factSet).distinct().count() > 1;
        if (!isEmpty()) {
            text.append("By rule:\n");
            byRule().forEach((key, list) -> {
                text.append("  ").append(key).append("  ").append(tally(list)).append('\n');
                list.stream().sorted(Comparator.comparing((Change c) -> String.valueOf(c.unitId()))
                                .thenComparing(c -> c.kind().ordinal()))
                        .forEach(c -> text.append("    ").append(named ? "[" + c.factSet() + "] " : "")
                                .append(c.line()).append('\n'));
            });
            text.append("By unit:\n");
            byUnit().forEach((unit, list) -> text.append(String.format("  %-14s %s  %s%n", unit, tally(list),
                    list.stream().map(Change::key).collect(Collectors.toCollection(TreeSet::new)))));
        }
        notes.forEach(note -> text.append("Note: ").append(note).append('\n'));
        return text.append(summary()).append('\n').toString();
    }

    private static String tally(List<Change> list) {
        Map<Kind, Long> counts = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            counts.put(kind, list.stream().filter(c -> c.kind() == kind).count());
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, count) -> parts.add(kind.sign() + count));
        return String.join(" ", parts);
    }
}
