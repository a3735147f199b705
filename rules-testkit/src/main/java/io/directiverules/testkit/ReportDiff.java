package io.directiverules.testkit;

import io.directiverules.core.ComplianceReport;
import io.directiverules.core.RequiredAction;
import io.directiverules.core.Violation;
import io.directiverules.testkit.Impact.Change;
import io.directiverules.testkit.Impact.Kind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares two reports of the same facts. A violation's id is derived from its rule, unit, subject, details
 * and evidence, not from its severity, deadline or legal basis: the same id in both reports is the same
 * violation, changed or not. Among the rest, a violation of the same rule, unit and subject whose text
 * details are the same (only numbers differ, such as a completion rate or a count) is the same one changed;
 * any other is one that appears or disappears. Actions pair the same way by code, unit and actor.
 */
final class ReportDiff {
    private ReportDiff() {
    }

    /** The changes from {@code base} to {@code changed}, found in {@code factSet}. */
    static List<Change> between(String factSet, ComplianceReport base, ComplianceReport changed) {
        List<Change> changes = new ArrayList<>();
        changes.addAll(diff(factSet, base.violations(), changed.violations(), true, Violation::id,
                ReportDiff::violationKey, ReportDiff::fields, ReportFields::describe));
        // An action reads better with the violations it answers: two actions of one unit differ by those.
        Map<String, Violation> answered = new LinkedHashMap<>();
        base.violations().forEach(v -> answered.put(v.id(), v));
        changed.violations().forEach(v -> answered.put(v.id(), v));
        changes.addAll(diff(factSet, base.actions(), changed.actions(), false, RequiredAction::id,
                ReportDiff::actionKey, ReportDiff::fields, a -> ReportFields.describe(a) + " for "
                        + a.because().stream().map(answered::get).filter(Objects::nonNull)
                        .map(v -> v.rule() + (v.year() == null ? "" : " " + v.year())).distinct()
                        .collect(Collectors.joining(", "))));
        return changes;
    }

    private static <T> List<Change> diff(String factSet, List<T> before, List<T> after, boolean violations,
                                         Function<T, String> id, Function<T, String> pairKey,
                                         Function<T, Map<String, Object>> fields, Function<T, String> describe) {
        Map<String, T> beforeById = new LinkedHashMap<>();
        before.forEach(item -> beforeById.putIfAbsent(id.apply(item), item));
        Map<String, T> afterById = new LinkedHashMap<>();
        after.forEach(item -> afterById.putIfAbsent(id.apply(item), item));
        List<Change> changes = new ArrayList<>();
        List<T> gone = new ArrayList<>();
        for (Map.Entry<String, T> entry : beforeById.entrySet()) {
            T now = afterById.remove(entry.getKey());
            if (now == null) {
                gone.add(entry.getValue());
            } else {
                List<String> differences = differences(fields.apply(entry.getValue()), fields.apply(now));
                if (!differences.isEmpty()) {
                    changes.add(change(Kind.CHANGES, violations, factSet, now, describe, differences));
                }
            }
        }
        List<T> added = new ArrayList<>(afterById.values());
        // Pair what is left within the same pairing key, fewest differences first.
        Map<String, List<T>> goneByKey = group(gone, pairKey);
        Map<String, List<T>> addedByKey = group(added, pairKey);
        for (Map.Entry<String, List<T>> group : goneByKey.entrySet()) {
            List<T> candidates = addedByKey.getOrDefault(group.getKey(), new ArrayList<>());
            List<T> unpaired = new ArrayList<>();
            for (T old : group.getValue()) {
                T best = candidates.stream().min(Comparator.comparingInt(
                        (T c) -> differences(fields.apply(old), fields.apply(c)).size())
                        .thenComparing(id)).orElse(null);
                if (best == null) {
                    unpaired.add(old);
                } else {
                    candidates.remove(best);
                    changes.add(change(Kind.CHANGES, violations, factSet, best, describe,
                            differences(fields.apply(old), fields.apply(best))));
                }
            }
            unpaired.forEach(old -> changes.add(change(Kind.DISAPPEARS, violations, factSet, old, describe,
                    List.of())));
        }
        addedByKey.values().forEach(list -> list.forEach(now -> changes.add(change(Kind.APPEARS, violations,
                factSet, now, describe, List.of()))));
        changes.sort(Comparator.comparing(Change::key).thenComparing(c -> String.valueOf(c.unitId()))
                .thenComparing(c -> c.kind().ordinal()).thenComparing(Change::description));
        return changes;
    }

    private static <T> Map<String, List<T>> group(List<T> items, Function<T, String> key) {
        Map<String, List<T>> groups = new TreeMap<>();
        items.forEach(item -> groups.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item));
        return groups;
    }

    private static <T> Change change(Kind kind, boolean violation, String factSet, T item,
                                     Function<T, String> describe, List<String> differences) {
        if (item instanceof Violation v) {
            return new Change(kind, violation, factSet, v.rule(), v.unitId(), v.subjectId(), describe.apply(item),
                    differences);
        }
        RequiredAction a = (RequiredAction) item;
        return new Change(kind, violation, factSet, a.code(), a.unitId(), null, describe.apply(item), differences);
    }

    /** Rule, unit, subject and the text details: what must agree for two violations to be the same one. */
    private static String violationKey(Violation v) {
        Map<String, Object> texts = new TreeMap<>();
        v.details().forEach((key, value) -> texts.put(key, value instanceof Number ? "#" : value));
        return v.rule() + "|" + v.unitId() + "|" + v.subjectId() + "|" + texts;
    }

    private static String actionKey(RequiredAction a) {
        return a.code() + "|" + a.unitId() + "|" + a.actor();
    }

    private static Map<String, Object> fields(Violation v) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("severity", v.severity());
        fields.put("dueOn", v.dueOn());
        fields.put("legalBasis", v.legalBasis());
        new TreeMap<>(v.details()).forEach((key, value) -> fields.put("details." + key, value));
        fields.put("evidence", v.evidence().stream().map(e -> e.type() + " " + e.id()).toList());
        fields.put("title", v.title());
        fields.put("message", v.message());
        return fields;
    }

    private static Map<String, Object> fields(RequiredAction a) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("actorId", a.actorId());
        fields.put("dueOn", a.dueOn());
        new TreeMap<>(a.details()).forEach((key, value) -> fields.put("details." + key, value));
        fields.put("violations answered", a.because().size());
        fields.put("description", a.description());
        return fields;
    }

    /**
     * The fields that differ, as {@code field: before → after}. Texts (message, description) that only follow
     * from another difference, such as a new deadline, are left out; alone they are listed.
     */
    private static List<String> differences(Map<String, Object> before, Map<String, Object> after) {
        List<String> differences = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            Object old = before.get(key);
            Object now = after.get(key);
            if (!same(old, now)) {
                String line = key + ": " + old + " → " + now;
                if (key.equals("message") || key.equals("description") || key.equals("evidence")) {
                    texts.add(key.equals("evidence") ? line : key + " reworded");
                } else {
                    differences.add(line);
                }
            }
        }
        return differences.isEmpty() ? texts : differences;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return Objects.equals(a, b);
    }
}
