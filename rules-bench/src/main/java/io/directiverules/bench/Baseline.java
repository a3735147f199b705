package io.directiverules.bench;

import io.directiverules.core.DatedValue;
import io.directiverules.core.Facts;
import io.directiverules.core.Parameters;
import io.directiverules.core.model.Official;
import io.directiverules.core.model.PeriodicReport;
import io.directiverules.core.model.Plan;
import io.directiverules.core.model.PlanTask;
import io.directiverules.core.model.ReportPeriod;
import io.directiverules.core.model.Rotation;
import io.directiverules.core.model.RotationPlan;
import io.directiverules.core.model.Unit;
import io.directiverules.core.model.UnitKind;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A hand-written, plain-Java implementation of the rules that dominate at scale (catalogue semantics, the
 * same parameters), to measure what the rule engine costs: D09-DECL-01..07 (every rule over the declarations and
 * asset changes, the largest lists), D09-ROT-03, D09-TASK-01 and D09-REP-01. Each rule is a pass over hash indexes built once; no rule engine, no reflection.
 */
public final class Baseline {
    /** The rules this baseline implements. */
    public static final List<String> RULES = List.of("D09-DECL-01", "D09-DECL-02", "D09-DECL-03", "D09-DECL-04",
            "D09-DECL-05", "D09-DECL-06", "D09-DECL-07", "D09-ROT-03", "D09-TASK-01", "D09-REP-01");

    private final Parameters parameters;

    /** A baseline judging with these parameters (the engine's, so both judge alike). */
    public Baseline(Parameters parameters) {
        this.parameters = parameters;
    }

    /** Every violation of {@link #RULES} in {@code facts} on {@code asOf}. */
    public List<Finding> evaluate(Facts facts, LocalDate asOf) {
        int fromYear = parameters.find("evaluation.fromYear", asOf).map(v -> ((Long) v).intValue())
                .orElse(asOf.getYear() - 1);
        List<Finding> found = new ArrayList<>();
        tasks(facts, asOf, fromYear, found);
        reports(facts, asOf, fromYear, found);
        rotations(facts, asOf, found);
        new DeclarationBaseline(parameters, facts, asOf, fromYear).evaluate(found);
        return found;
    }

    private static boolean judged(int year, int fromYear, LocalDate asOf) {
        return year >= fromYear && year <= asOf.getYear();
    }

    /** D09-TASK-01: a task of an issued plan, due before the evaluation date and not completed by it. */
    private static void tasks(Facts facts, LocalDate asOf, int fromYear, List<Finding> found) {
        for (Plan plan : facts.plans()) {
            if (plan.issuedOn() == null || plan.issuedOn().isAfter(asOf) || !judged(plan.year(), fromYear, asOf)) {
                continue;
            }
            for (PlanTask task : plan.tasks()) {
                if (task.dueOn().isBefore(asOf) && (task.completedOn() == null || task.completedOn().isAfter(asOf))) {
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("year", plan.year());
                    details.put("planId", plan.id());
                    details.put("taskId", task.id());
                    found.add(new Finding("D09-TASK-01", task.assigneeUnitId(), null, task.dueOn(), details));
                }
            }
        }
    }

    /** D09-REP-01: a unit that must report submitted no report of a period by its end plus the days allowed. */
    private void reports(Facts facts, LocalDate asOf, int fromYear, List<Finding> found) {
        Map<String, LocalDate> onTime = new HashMap<>();
        for (PeriodicReport report : facts.reports()) {
            if (report.submittedOn() != null) {
                onTime.merge(report.unitId() + "|" + report.year() + "|" + report.period(), report.submittedOn(),
                        (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        for (int year = fromYear; year <= asOf.getYear(); year++) {
            for (ReportPeriod period : ReportPeriod.values()) {
                LocalDate end = period.endIn(year);
                LocalDate due = end.plusDays(parameters.integer("report.dueDaysAfterPeriod", end));
                if (!asOf.isAfter(due)) {
                    continue;
                }
                for (Unit unit : facts.units()) {
                    if (unit.kind() == UnitKind.DIVISION) {
                        continue;
                    }
                    LocalDate first = onTime.get(unit.id() + "|" + year + "|" + period);
                    if (first == null || first.isAfter(due)) {
                        Map<String, Object> details = new LinkedHashMap<>();
                        details.put("year", year);
                        details.put("period", period.name());
                        found.add(new Finding("D09-REP-01", unit.id(), null, due, details));
                    }
                }
            }
        }
    }

    /** D09-ROT-03: a rotation-bound official past the period, not exempt, not rotated, not in a plan. */
    private void rotations(Facts facts, LocalDate asOf, List<Finding> found) {
        Map<String, String> planner = planningUnits(facts);
        Map<String, List<LocalDate>> rotated = new HashMap<>();
        for (Rotation rotation : facts.rotations()) {
            rotated.computeIfAbsent(rotation.officialId(), k -> new ArrayList<>()).add(rotation.effectiveOn());
        }
        int current = asOf.getYear();
        MonthDay deadline = parameters.monthDay("rotation.plan.deadline", LocalDate.of(current, 1, 1));
        boolean lastYearCounts = !asOf.isAfter(deadline.atYear(current));
        Set<String> listed = new HashSet<>();
        for (RotationPlan plan : facts.rotationPlans()) {
            boolean counts = plan.year() == current || lastYearCounts && plan.year() == current - 1;
            if (counts && plan.issuedOn() != null && !plan.issuedOn().isAfter(asOf)) {
                for (String officialId : plan.officialIds()) {
                    listed.add(plan.unitId() + "|" + officialId);
                }
            }
        }
        LocalDate retirementLimit = asOf.plusMonths(parameters.integer("rotation.retirementExemptionMonths", asOf));
        for (Official official : facts.officials()) {
            LocalDate since = official.positionSince();
            if (!official.rotationBound() || since == null) {
                continue;
            }
            if (official.retirementDate() != null && official.retirementDate().isBefore(retirementLimit)
                    || official.postponements().stream().anyMatch(p -> p != null && p.covers(asOf))) {
                continue;
            }
            int years = periodYears(official.positionGroup(), since);
            LocalDate due = since.plusYears(years);
            if (!due.isBefore(asOf)) {
                continue;
            }
            List<LocalDate> moves = rotated.getOrDefault(official.id(), List.of());
            if (moves.stream().anyMatch(day -> day.isAfter(since))) {
                continue;
            }
            String plannerId = planner.get(official.unitId());
            if (plannerId == null || listed.contains(plannerId + "|" + official.id())) {
                continue;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("planningUnitId", plannerId);
            details.put("periodYears", years);
            found.add(new Finding("D09-ROT-03", official.unitId(), official.id(), due, details));
        }
    }

    private int periodYears(String group, LocalDate on) {
        if (group == null || group.isBlank()) {
            return parameters.definition("rotation.periodYears.*").orElseThrow().values().stream()
                    .filter(v -> v.inForceOn(on)).map(DatedValue::value).map(v -> Math.toIntExact((Long) v))
                    .findFirst().orElseThrow();
        }
        return parameters.integer("rotation.periodYears." + group, on);
    }

    /** Each unit's planning unit: itself, or for a division the planning unit of the unit above it. */
    static Map<String, String> planningUnits(Facts facts) {
        Map<String, Unit> byId = new HashMap<>();
        facts.units().forEach(u -> byId.put(u.id(), u));
        Map<String, String> planner = new HashMap<>();
        for (Unit unit : facts.units()) {
            Unit current = unit;
            while (current.kind() == UnitKind.DIVISION && current.parentId() != null
                    && byId.containsKey(current.parentId())) {
                current = byId.get(current.parentId());
            }
            planner.put(unit.id(), current.id());
        }
        return planner;
    }
}
