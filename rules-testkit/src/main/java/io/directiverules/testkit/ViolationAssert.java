package io.directiverules.testkit;

import io.directiverules.core.Severity;
import io.directiverules.core.Violation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Narrows an expected violation down field by field: each method adds a field the violation must have and
 * fails, naming the nearest miss, when no violation of the report has every field so far.
 */
public final class ViolationAssert {
    private final ReportAssert report;
    private final Map<String, String> expected;
    private final List<Violation> matching;

    ViolationAssert(ReportAssert report, Map<String, String> expected, List<Violation> candidates) {
        this.report = report;
        this.expected = new LinkedHashMap<>(expected);
        this.matching = candidates.stream().filter(v -> ReportFields.matches(this.expected, ReportFields.of(v)))
                .toList();
    }

    /** The violation is filed under unit {@code unitId}. */
    public ViolationAssert forUnit(String unitId) {
        return with("unitId", unitId);
    }

    /** The violation is about official or record {@code subjectId}. */
    public ViolationAssert forSubject(String subjectId) {
        return with("subjectId", subjectId);
    }

    /** The violation has this severity. */
    public ViolationAssert withSeverity(Severity severity) {
        return with("severity", severity.name());
    }

    /** The missed deadline is {@code day}. */
    public ViolationAssert dueOn(LocalDate day) {
        return with("dueOn", String.valueOf(day));
    }

    /** The missed deadline is {@code day} ({@code YYYY-MM-DD}). */
    public ViolationAssert dueOn(String day) {
        return dueOn(LocalDate.parse(day));
    }

    /** The judged year ({@code details.year}) is {@code year}. */
    public ViolationAssert forYear(int year) {
        return withDetail("year", year);
    }

    /** The detail {@code key} equals {@code value} (numbers compare by value: 0.6 equals 0.60). */
    public ViolationAssert withDetail(String key, Object value) {
        return with("details." + key, value instanceof Enum<?> e ? e.name() : String.valueOf(value));
    }

    /** The legal basis includes {@code citation}, such as {@code Dir09 §3}. */
    public ViolationAssert citing(String citation) {
        return with("legalBasis", citation);
    }

    /** The evidence includes the fact with id {@code id} (or {@code "Type id"}). */
    public ViolationAssert withEvidence(String id) {
        return with("evidence", id);
    }

    /** Exactly {@code count} violations have every field given so far. */
    public ViolationAssert times(int count) {
        if (matching.size() != count) {
            throw report.failure("Expected " + count + " violation(s) " + ReportFields.render(expected)
                    + ", but found " + matching.size() + (matching.isEmpty() ? "."
                    : ":" + ReportFields.listViolations(matching, "\n    ")),
                    ReportFields.render(expected) + " x " + count, ReportFields.render(expected) + " x "
                            + matching.size());
        }
        return this;
    }

    /** Back to the report, to assert something else. */
    public ReportAssert and() {
        return report;
    }

    /** The first violation with every field given so far. */
    public Violation violation() {
        return matching.get(0);
    }

    /** Every violation with every field given so far. */
    public List<Violation> violations() {
        return matching;
    }

    private ViolationAssert with(String field, String value) {
        Map<String, String> narrower = new LinkedHashMap<>(expected);
        narrower.put(field, value);
        return new ViolationAssert(report, narrower, report.report().violations()).check();
    }

    /** Fails unless a violation has every expected field. */
    ViolationAssert check() {
        if (matching.isEmpty()) {
            List<Map<String, Object>> all = report.report().violations().stream().map(ReportFields::of).toList();
            String nearest = ReportFields.nearest(expected, all, "rule")
                    .map(miss -> ReportFields.restricted(expected, miss))
                    .orElse("no violation of " + expected.get("rule"));
            throw report.failure("Expected a violation " + ReportFields.render(expected) + ", but none matched."
                    + ReportFields.nearestMissText(expected, all, "rule") + "\n  Violations that came out:"
                    + ReportFields.listViolations(report.report().violations(), "\n    "),
                    ReportFields.render(expected), nearest);
        }
        return this;
    }
}
