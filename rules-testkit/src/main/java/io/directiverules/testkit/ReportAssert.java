package io.directiverules.testkit;

import io.directiverules.core.ComplianceReport;
import io.directiverules.core.RequiredAction;
import io.directiverules.core.Violation;
import org.assertj.core.api.AbstractAssert;
import org.opentest4j.AssertionFailedError;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Assertions on a {@link ComplianceReport}; start with {@link DirectiveAssertions#assertThat(ComplianceReport)}. */
public final class ReportAssert extends AbstractAssert<ReportAssert, ComplianceReport> {

    ReportAssert(ComplianceReport report) {
        super(report, ReportAssert.class);
    }

    /** Asserts that a violation of {@code rule} came out; narrow it down with the returned assertion. */
    public ViolationAssert hasViolation(String rule) {
        isNotNull();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("rule", rule);
        return new ViolationAssert(this, expected, actual.violations()).check();
    }

    /** Asserts that no violation of {@code rule} came out. */
    public ReportAssert hasNoViolation(String rule) {
        return hasNoViolationMatching(Map.of("rule", rule));
    }

    /** Asserts that no violation of {@code rule} came out for unit {@code unitId}. */
    public ReportAssert hasNoViolation(String rule, String unitId) {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("rule", rule);
        expected.put("unitId", unitId);
        return hasNoViolationMatching(expected);
    }

    /** Asserts that no violation at all came out. */
    public ReportAssert hasNoViolations() {
        isNotNull();
        if (!actual.violations().isEmpty()) {
            throw failure("Expected no violation, but found:"
                    + ReportFields.listViolations(actual.violations(), "\n    "), "no violation",
                    summary(actual.violations()));
        }
        return this;
    }

    /** Asserts that exactly {@code count} violations of {@code rule} came out. */
    public ReportAssert hasViolationCount(String rule, int count) {
        isNotNull();
        List<Violation> ofRule = actual.violationsOf(rule);
        if (ofRule.size() != count) {
            throw failure("Expected " + count + " violation(s) of " + rule + ", but found " + ofRule.size()
                    + (ofRule.isEmpty() ? "." : ":" + ReportFields.listViolations(ofRule, "\n    ")),
                    rule + ": " + count, rule + ": " + ofRule.size());
        }
        return this;
    }

    /** Asserts that every violation is of one of {@code rules} (not that each of them came out). */
    public ReportAssert hasOnlyViolationsOf(String... rules) {
        isNotNull();
        Set<String> allowed = new TreeSet<>(Arrays.asList(rules));
        List<Violation> others = actual.violations().stream().filter(v -> !allowed.contains(v.rule())).toList();
        if (!others.isEmpty()) {
            throw failure("Expected only violations of " + allowed + ", but also found:"
                    + ReportFields.listViolations(others, "\n    "), "only violations of " + allowed,
                    "also " + others.stream().map(Violation::rule).distinct().collect(Collectors.joining(", ")));
        }
        return this;
    }

    /** Asserts that an action {@code code} is required; narrow it down with the returned assertion. */
    public ActionAssert hasAction(String code) {
        isNotNull();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("code", code);
        return new ActionAssert(this, expected, actual.actions()).check();
    }

    /** Asserts that no action {@code code} is required. */
    public ReportAssert hasNoAction(String code) {
        isNotNull();
        List<RequiredAction> found = actual.actions().stream().filter(a -> a.code().equals(code)).toList();
        if (!found.isEmpty()) {
            throw failure("Expected no action " + code + ", but found:"
                    + ReportFields.listActions(found, "\n    "), "no action " + code,
                    found.stream().map(ReportFields::describe).collect(Collectors.joining("; ")));
        }
        return this;
    }

    private ReportAssert hasNoViolationMatching(Map<String, String> expected) {
        isNotNull();
        List<Violation> present = actual.violations().stream()
                .filter(v -> ReportFields.matches(expected, ReportFields.of(v))).toList();
        if (!present.isEmpty()) {
            throw failure("Expected no violation " + ReportFields.render(expected) + ", but found:"
                    + ReportFields.listViolations(present, "\n    "), "no violation " + ReportFields.render(expected),
                    summary(present));
        }
        return this;
    }

    private static String summary(List<Violation> violations) {
        return violations.stream().map(ReportFields::describe).collect(Collectors.joining("\n"));
    }

    /** The report under test. */
    ComplianceReport report() {
        return actual;
    }

    /** A failure with this assertion's description (from {@code as(...)}) in front of the message. */
    AssertionFailedError failure(String message, String expected, String found) {
        String description = descriptionText();
        return new AssertionFailedError((description == null || description.isEmpty() ? "" : "[" + description + "] ")
                + message, expected, found);
    }
}
