package io.directiverules.bench;

import io.directiverules.core.Facts;
import io.directiverules.core.Parameters;
import io.directiverules.core.model.AssetChange;
import io.directiverules.core.model.Declaration;
import io.directiverules.core.model.DeclarationKind;
import io.directiverules.core.model.Official;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The declaration rules D09-DECL-01..07 of the baseline, over declarations and asset changes per official. */
final class DeclarationBaseline {
    private static final String THRESHOLD = "declaration.supplementary.threshold";

    private final Parameters parameters;
    private final Facts facts;
    private final LocalDate asOf;
    private final int fromYear;
    private final Map<String, List<Declaration>> declarations = new HashMap<>();
    private final Map<String, List<AssetChange>> changes = new HashMap<>();

    DeclarationBaseline(Parameters parameters, Facts facts, LocalDate asOf, int fromYear) {
        this.parameters = parameters;
        this.facts = facts;
        this.asOf = asOf;
        this.fromYear = fromYear;
        for (Declaration d : facts.declarations()) {
            declarations.computeIfAbsent(d.officialId(), k -> new ArrayList<>()).add(d);
        }
        for (AssetChange c : facts.assetChanges()) {
            changes.computeIfAbsent(c.officialId(), k -> new ArrayList<>()).add(c);
        }
    }

    private boolean judged(int year) {
        return year >= fromYear && year <= asOf.getYear();
    }

    /** Submitted as of the evaluation date: a date after it has not happened yet. */
    private boolean submitted(Declaration d) {
        return d.submittedOn() != null && !d.submittedOn().isAfter(asOf);
    }

    void evaluate(List<Finding> found) {
        for (Official official : facts.officials()) {
            List<Declaration> own = declarations.getOrDefault(official.id(), List.of());
            if (official.annualDeclarant()) {
                annual(official, own, found);
            }
            if (official.declarablePosition() && official.positionSince() != null) {
                firstTime(official, own, found);
            }
            supplementary(official, own, found);
            increases(official, own, found);
            for (Declaration d : own) {
                corrected(official, d, found);
                beforeAppointment(official, d, found);
                publicized(official, d, found);
            }
        }
    }

    private static Map<String, Object> yearAndDeclaration(int year, Declaration d) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("year", year);
        details.put("declarationId", d.id());
        return details;
    }

    /** D09-DECL-05: a returned declaration not corrected within the days allowed. */
    private void corrected(Official official, Declaration d, List<Finding> found) {
        LocalDate returned = d.returnedOn();
        if (returned == null || returned.isAfter(asOf) || !judged(returned.getYear())) {
            return;
        }
        LocalDate due = returned.plusDays(parameters.integer("declaration.fixWithinDays", returned));
        missed("D09-DECL-05", official, d, returned.getYear(), due, d.correctedOn(), found);
    }

    /** A finding of {@code rule} when {@code due} has passed and {@code doneOn} is not on or before it. */
    private void missed(String rule, Official official, Declaration d, int year, LocalDate due, LocalDate doneOn,
                        List<Finding> found) {
        if (asOf.isAfter(due) && (doneOn == null || doneOn.isAfter(due))) {
            found.add(new Finding(rule, official.unitId(), official.id(), due, yearAndDeclaration(year, d)));
        }
    }

    /** D09-DECL-06: a personnel-work declaration not submitted the days required before the appointment. */
    private void beforeAppointment(Official official, Declaration d, List<Finding> found) {
        LocalDate planned = d.appointmentPlannedOn();
        if (d.kind() != DeclarationKind.PERSONNEL_WORK || planned == null || !judged(planned.getYear())) {
            return;
        }
        LocalDate due = planned.minusDays(parameters.integer("declaration.personnelWork.daysBefore", planned));
        missed("D09-DECL-06", official, d, planned.getYear(), due, d.submittedOn(), found);
    }

    /** D09-DECL-07: a received declaration not publicized in time, or posted for fewer days than required. */
    private void publicized(Official official, Declaration d, List<Finding> found) {
        LocalDate received = d.receivedOn();
        if (received == null || received.isAfter(asOf) || !judged(received.getYear())) {
            return;
        }
        LocalDate due = received.plusDays(parameters.integer("declaration.publicize.withinDays", received));
        LocalDate publicized = d.publicizedOn();
        if (publicized == null || publicized.isAfter(due)) {
            missed("D09-DECL-07", official, d, received.getYear(), due, publicized, found);
            return;
        }
        if (d.postedDays() == null) {
            return; // publicized at a meeting
        }
        int required = parameters.integer("declaration.publicize.postingDays", publicized);
        LocalDate end = publicized.plusDays(required);
        if (d.postedDays() < required && asOf.isAfter(end)) {
            found.add(new Finding("D09-DECL-07", official.unitId(), official.id(), end,
                    yearAndDeclaration(received.getYear(), d)));
        }
    }

    /** D09-DECL-01: no ANNUAL declaration of a judged year submitted by Dec 31 of that year. */
    private void annual(Official official, List<Declaration> own, List<Finding> found) {
        for (int year = fromYear; year <= asOf.getYear(); year++) {
            LocalDate due = LocalDate.of(year, 12, 31);
            if (!asOf.isAfter(due)) {
                continue;
            }
            int y = year;
            Declaration onTime = null;
            Declaration late = null;
            for (Declaration d : own) {
                if (d.kind() == DeclarationKind.ANNUAL && d.year() == y && submitted(d)) {
                    if (!d.submittedOn().isAfter(due)) {
                        onTime = d;
                    } else if (late == null || d.submittedOn().isBefore(late.submittedOn())
                            || d.submittedOn().equals(late.submittedOn()) && d.id().compareTo(late.id()) < 0) {
                        late = d;
                    }
                }
            }
            if (onTime == null) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("year", year);
                if (late != null) {
                    details.put("declarationId", late.id());
                }
                found.add(new Finding("D09-DECL-01", official.unitId(), official.id(), due, details));
            }
        }
    }

    /** D09-DECL-02: no FIRST_TIME declaration within the days allowed after taking the position. */
    private void firstTime(Official official, List<Declaration> own, List<Finding> found) {
        LocalDate since = official.positionSince();
        if (!judged(since.getYear())) {
            return;
        }
        LocalDate due = since.plusDays(parameters.integer("declaration.firstTime.withinDays", since));
        if (!asOf.isAfter(due)) {
            return;
        }
        for (Declaration d : own) {
            if (d.kind() == DeclarationKind.FIRST_TIME && d.submittedOn() != null && !d.submittedOn().isAfter(due)) {
                return;
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("year", since.getYear());
        found.add(new Finding("D09-DECL-02", official.unitId(), official.id(), due, details));
    }

    /** D09-DECL-03: asset changes of a year reach the threshold and no supplementary declaration follows. */
    private void supplementary(Official official, List<Declaration> own, List<Finding> found) {
        List<AssetChange> mine = changes.get(official.id());
        if (mine == null) {
            return;
        }
        Map<Integer, List<AssetChange>> byYear = new HashMap<>();
        for (AssetChange c : mine) {
            // A change dated after the evaluation date has not happened yet.
            if (!c.changedOn().isAfter(asOf)) {
                byYear.computeIfAbsent(c.changedOn().getYear(), k -> new ArrayList<>()).add(c);
            }
        }
        for (Map.Entry<Integer, List<AssetChange>> entry : byYear.entrySet()) {
            int year = entry.getKey();
            LocalDate due = LocalDate.of(year, 12, 31);
            if (!judged(year) || !asOf.isAfter(due)) {
                continue;
            }
            List<AssetChange> sorted = new ArrayList<>(entry.getValue());
            sorted.sort(Comparator.comparing(AssetChange::changedOn));
            long total = 0;
            LocalDate reached = null;
            for (int i = 0; i < sorted.size() && reached == null; i++) {
                total += sorted.get(i).amountVnd();
                LocalDate day = sorted.get(i).changedOn();
                // A day's total is known once all of that day's changes are added.
                boolean lastOfDay = i + 1 == sorted.size() || !sorted.get(i + 1).changedOn().equals(day);
                if (lastOfDay && total >= parameters.amount(THRESHOLD, day)) {
                    reached = day;
                }
            }
            if (reached == null) {
                continue;
            }
            LocalDate from = reached;
            boolean declared = own.stream().anyMatch(d -> d.submittedOn() != null && d.year() == year
                    && (d.kind() == DeclarationKind.SUPPLEMENTARY
                        || d.kind() == DeclarationKind.ANNUAL && official.annualDeclarant())
                    && !d.submittedOn().isBefore(from) && !d.submittedOn().isAfter(due));
            if (!declared) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("year", year);
                found.add(new Finding("D09-DECL-03", official.unitId(), official.id(), due, details));
            }
        }
    }

    /** D09-DECL-04: total assets up by the threshold or more since the previous declaration, unexplained. */
    private void increases(Official official, List<Declaration> own, List<Finding> found) {
        if (own.size() < 2) {
            return;
        }
        for (Declaration d : own) {
            if (!submitted(d) || d.totalAssets() == null || d.increaseExplained() || !judged(d.year())) {
                continue;
            }
            // The previous one: the latest submitted strictly before it; of several that day, the last by id.
            Declaration previous = null;
            for (Declaration p : own) {
                if (p.submittedOn() != null && p.submittedOn().isBefore(d.submittedOn()) && (previous == null
                        || p.submittedOn().isAfter(previous.submittedOn())
                        || p.submittedOn().equals(previous.submittedOn()) && p.id().compareTo(previous.id()) > 0)) {
                    previous = p;
                }
            }
            if (previous != null && previous.totalAssets() != null
                    && d.totalAssets() - previous.totalAssets() >= parameters.amount(THRESHOLD, d.submittedOn())) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("year", d.year());
                details.put("declarationId", d.id());
                found.add(new Finding("D09-DECL-04", official.unitId(), official.id(), null, details));
            }
        }
    }
}
