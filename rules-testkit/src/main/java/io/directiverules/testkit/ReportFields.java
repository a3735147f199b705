package io.directiverules.testkit;

import io.directiverules.core.Evidence;
import io.directiverules.core.RequiredAction;
import io.directiverules.core.Violation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The fields of violations and actions by their report names ({@code rule}, {@code unitId},
 * {@code details.year}, ...), and how an expectation (field names to expected values, as written) matches
 * them. Scenarios and the Java assertions share it, so both say the same thing about the same miss.
 */
final class ReportFields {
    /** How many violations or actions a message lists before it says how many more there are. */
    private static final int LISTED = 12;

    private ReportFields() {
    }

    /** A violation's report fields by name, {@code details.<key>} included. */
    static Map<String, Object> of(Violation v) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", v.id());
        fields.put("rule", v.rule());
        fields.put("severity", v.severity());
        fields.put("unitId", v.unitId());
        fields.put("subjectId", v.subjectId());
        fields.put("dueOn", v.dueOn());
        fields.put("title", v.title());
        fields.put("message", v.message());
        fields.put("legalBasis", v.legalBasis());
        fields.put("evidence", v.evidence());
        new TreeMap<>(v.details()).forEach((key, value) -> fields.put("details." + key, value));
        return fields;
    }

    /** An action's report fields by name, {@code details.<key>} included. */
    static Map<String, Object> of(RequiredAction a) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", a.id());
        fields.put("code", a.code());
        fields.put("actor", a.actor());
        fields.put("actorId", a.actorId());
        fields.put("unitId", a.unitId());
        fields.put("dueOn", a.dueOn());
        fields.put("because", a.because());
        fields.put("description", a.description());
        new TreeMap<>(a.details()).forEach((key, value) -> fields.put("details." + key, value));
        return fields;
    }

    /** Whether every expected field equals the actual one. */
    static boolean matches(Map<String, String> expected, Map<String, Object> actual) {
        return expected.entrySet().stream().allMatch(e -> valueMatches(e.getValue(), actual.get(e.getKey())));
    }

    /** The expected fields that differ, each as {@code field expected X but was Y}. */
    static List<String> differences(Map<String, String> expected, Map<String, Object> actual) {
        List<String> differences = new ArrayList<>();
        expected.forEach((field, value) -> {
            if (!valueMatches(value, actual.get(field))) {
                differences.add(field + " expected " + value + " but was " + text(actual.get(field)));
            }
        });
        return differences;
    }

    /**
     * The candidate that differs least from {@code expected}, among those whose {@code keyField} (the rule or
     * the action code) is the expected one when the expectation names it.
     */
    static Optional<Map<String, Object>> nearest(Map<String, String> expected, List<Map<String, Object>> candidates,
                                                 String keyField) {
        String key = expected.get(keyField);
        return candidates.stream()
                .filter(c -> key == null || valueMatches(key, c.get(keyField)))
                .min(Comparator.comparingInt(c -> differences(expected, c).size()));
    }

    /** The nearest-miss sentence for a failure message, starting on a new line. */
    static String nearestMissText(Map<String, String> expected, List<Map<String, Object>> candidates,
                                  String keyField) {
        Optional<Map<String, Object>> nearest = nearest(expected, candidates, keyField);
        String key = expected.get(keyField);
        if (nearest.isEmpty()) {
            return key == null ? "" : "\n  No " + (keyField.equals("rule") ? "violation of rule " : "action ")
                    + key + " came out at all.";
        }
        Map<String, Object> miss = nearest.get();
        return "\n  Nearest miss: " + miss.get(keyField) + " for " + miss.get("unitId")
                + (miss.get("subjectId") == null ? "" : "/" + miss.get("subjectId")) + ": "
                + String.join(", ", differences(expected, miss));
    }

    /** The actual values of the fields {@code expected} names, rendered like an expectation (for a diff). */
    static String restricted(Map<String, String> expected, Map<String, Object> actual) {
        Map<String, String> values = new LinkedHashMap<>();
        expected.keySet().forEach(field -> values.put(field, text(actual.get(field))));
        return render(values);
    }

    /** {@code {rule: D09-PLAN-02, unitId: U1}}. */
    static String render(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** A violation in one line: rule, unit, subject, deadline and details. */
    static String describe(Violation v) {
        return v.rule() + " " + v.severity() + " " + v.unitId() + (v.subjectId() == null ? "" : "/" + v.subjectId())
                + (v.dueOn() == null ? "" : " due " + v.dueOn())
                + (v.details().isEmpty() ? "" : " " + new TreeMap<>(v.details()));
    }

    /** An action in one line: code, unit and who must act. */
    static String describe(RequiredAction a) {
        return a.code() + " " + a.unitId() + " → " + a.actor() + (a.actorId() == null ? "" : " " + a.actorId())
                + (a.details().isEmpty() ? "" : " " + new TreeMap<>(a.details()));
    }

    /** Violations, each on a line of its own after {@code indent}, at most a dozen; {@code " none"} for none. */
    static String listViolations(List<Violation> violations, String indent) {
        return list(violations.stream().map(ReportFields::describe).toList(), indent);
    }

    /** Actions, each on a line of its own after {@code indent}, at most a dozen; {@code " none"} for none. */
    static String listActions(List<RequiredAction> actions, String indent) {
        return list(actions.stream().map(ReportFields::describe).toList(), indent);
    }

    private static String list(List<String> lines, String indent) {
        if (lines.isEmpty()) {
            return " none";
        }
        String shown = lines.stream().limit(LISTED).map(line -> indent + line).collect(Collectors.joining(""));
        return shown + (lines.size() > LISTED ? indent + "... and " + (lines.size() - LISTED) + " more" : "");
    }

    /** Whether an expected value, as written, equals an actual value of any type. */
    static boolean valueMatches(String expected, Object actual) {
        if (actual == null) {
            return expected == null || expected.equals("null");
        }
        if (actual instanceof Evidence evidence) {
            return expected.equals(evidence.id()) || expected.equals(evidence.type() + " " + evidence.id())
                    || expected.equals(evidence.type() + ":" + evidence.id());
        }
        if (actual instanceof List<?> list) {
            return list.stream().anyMatch(element -> valueMatches(expected, element))
                    || list.toString().equals(expected)
                    || list.stream().map(String::valueOf).collect(Collectors.joining(", ")).equals(expected)
                    || list.stream().map(String::valueOf).collect(Collectors.joining("; ")).equals(expected);
        }
        String text = actual.toString();
        if (text.equals(expected)) {
            return true;
        }
        BigDecimal expectedNumber = number(expected);
        BigDecimal actualNumber = number(text);
        return expectedNumber != null && actualNumber != null && expectedNumber.compareTo(actualNumber) == 0;
    }

    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(e -> e instanceof Evidence ev ? ev.type() + " " + ev.id() : String.valueOf(e))
                    .collect(Collectors.joining("; ", "[", "]"));
        }
        return String.valueOf(value);
    }

    private static BigDecimal number(String text) {
        if (text == null || text.isEmpty() || !(Character.isDigit(text.charAt(0)) || text.charAt(0) == '-')) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
