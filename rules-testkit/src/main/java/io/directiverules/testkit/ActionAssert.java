package io.directiverules.testkit;

import io.directiverules.core.Actor;
import io.directiverules.core.RequiredAction;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Narrows an expected required action down field by field: each method adds a field the action must have
 * and fails, naming the nearest miss, when no action of the report has every field so far.
 */
public final class ActionAssert {
    private final ReportAssert report;
    private final Map<String, String> expected;
    private final List<RequiredAction> matching;

    ActionAssert(ReportAssert report, Map<String, String> expected, List<RequiredAction> candidates) {
        this.report = report;
        this.expected = new LinkedHashMap<>(expected);
        this.matching = candidates.stream().filter(a -> ReportFields.matches(this.expected, ReportFields.of(a)))
                .toList();
    }

    /** The action answers violations of unit {@code unitId}. */
    public ActionAssert forUnit(String unitId) {
        return with("unitId", unitId);
    }

    /** The actor is {@code actor}. */
    public ActionAssert withActor(Actor actor) {
        return with("actor", actor.name());
    }

    /** The official or unit who must act is {@code actorId}. */
    public ActionAssert withActorId(String actorId) {
        return with("actorId", actorId);
    }

    /** The action is due on {@code day}. */
    public ActionAssert dueOn(LocalDate day) {
        return with("dueOn", String.valueOf(day));
    }

    /** The detail {@code key} equals {@code value}. */
    public ActionAssert withDetail(String key, Object value) {
        return with("details." + key, value instanceof Enum<?> e ? e.name() : String.valueOf(value));
    }

    /** The action answers the violation with id {@code violationId}. */
    public ActionAssert answering(String violationId) {
        return with("because", violationId);
    }

    /** Back to the report, to assert something else. */
    public ReportAssert and() {
        return report;
    }

    /** The first action with every field given so far. */
    public RequiredAction action() {
        return matching.get(0);
    }

    /** Every action with every field given so far. */
    public List<RequiredAction> actions() {
        return matching;
    }

    private ActionAssert with(String field, String value) {
        Map<String, String> narrower = new LinkedHashMap<>(expected);
        narrower.put(field, value);
        return new ActionAssert(report, narrower, report.report().actions()).check();
    }

    /** Fails unless an action has every expected field. */
    ActionAssert check() {
        if (matching.isEmpty()) {
            List<Map<String, Object>> all = report.report().actions().stream().map(ReportFields::of).toList();
            String nearest = ReportFields.nearest(expected, all, "code")
                    .map(miss -> ReportFields.restricted(expected, miss))
                    .orElse("no action " + expected.get("code"));
            throw report.failure("Expected an action " + ReportFields.render(expected) + ", but none matched."
                    + ReportFields.nearestMissText(expected, all, "code") + "\n  Actions that came out:"
                    + ReportFields.listActions(report.report().actions(), "\n    "),
                    ReportFields.render(expected), nearest);
        }
        return this;
    }
}
