package io.directiverules.testkit.generators;

import io.directiverules.core.Facts;
import io.directiverules.core.model.Area;
import io.directiverules.core.model.AssetChange;
import io.directiverules.core.model.CorruptionCase;
import io.directiverules.core.model.Declaration;
import io.directiverules.core.model.DeclarationKind;
import io.directiverules.core.model.Dissemination;
import io.directiverules.core.model.InspectionPlan;
import io.directiverules.core.model.LegalDocument;
import io.directiverules.core.model.Official;
import io.directiverules.core.model.PeriodicReport;
import io.directiverules.core.model.Plan;
import io.directiverules.core.model.PlanTask;
import io.directiverules.core.model.ReportPeriod;
import io.directiverules.core.model.RotationPlan;
import io.directiverules.core.model.Unit;
import io.directiverules.core.model.UnitKind;
import io.directiverules.core.model.VerificationPlan;
import io.directiverules.core.model.VerificationSelection;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A compliant fact set meets every obligation of the Directive 09 catalogue with its default parameters, read
 * here in plain Java, one check per rule: the generator's promise holds for the areas whose DRL is written
 * elsewhere too.
 */
class CompliantFactSetsProperties {
    private static final int YEAR = 2025;
    private static final List<Integer> JUDGED = List.of(YEAR - 1, YEAR);
    private static final Set<LegalDocument> REQUIRED_DOCUMENTS = EnumSet.of(LegalDocument.LAW_36_2018,
            LegalDocument.DECREE_59_2019, LegalDocument.DECREE_134_2021, LegalDocument.DECREE_130_2020,
            LegalDocument.REG_131, LegalDocument.REG_132, LegalDocument.REG_114, LegalDocument.REG_41);
    private static final Set<Area> INSPECTION_AREAS = EnumSet.of(Area.PERSONNEL, Area.PUBLIC_FINANCE_AND_ASSETS,
            Area.PUBLIC_INVESTMENT, Area.ASSET_DECLARATION);

    @Provide
    Arbitrary<Facts> compliant() {
        return FactArbitraries.compliantFactSets().year(YEAR).size(0, 10).officialsPerUnit(6);
    }

    @Property(tries = 150)
    void unitsMeetThePlanDisseminationReportAndCaseObligations(@ForAll("compliant") Facts facts) {
        for (Unit unit : facts.units()) {
            if (!unit.mustPlan()) {
                continue;
            }
            for (int y : JUDGED) {
                LocalDate deadline = (y == 2024 ? LocalDate.of(2024, 2, 5) : LocalDate.of(y, 1, 1)).plusDays(30);
                Plan plan = facts.plans().stream().filter(p -> p.unitId().equals(unit.id()) && p.year() == y
                        && p.issuedOn() != null).findFirst().orElseThrow(() -> new AssertionError(
                        "PLAN-01: no plan of " + unit.id() + " for " + y));
                assertThat(plan.issuedOn()).as("PLAN-02 %s", plan.id()).isBeforeOrEqualTo(deadline);
                facts.assessments().stream().filter(a -> a.unitId().equals(unit.id()) && a.year() == y - 1)
                        .forEach(a -> assertThat(plan.focusAreas()).as("PLAN-03 %s", plan.id())
                                .containsAll(a.weakAreas()));
                facts.units().stream().filter(child -> unit.id().equals(child.parentId()))
                        .forEach(child -> assertThat(plan.tasks()).as("PLAN-04 %s %s", plan.id(), child.id())
                                .anyMatch(t -> t.assigneeUnitId().equals(child.id())));
                for (PlanTask task : plan.tasks()) {
                    assertThat(task.completedOn()).as("TASK-01/02 %s %s", plan.id(), task.id()).isNotNull()
                            .isBeforeOrEqualTo(task.dueOn());
                }
                Set<LegalDocument> covered = EnumSet.noneOf(LegalDocument.class);
                facts.disseminations().stream().filter(d -> d.unitId().equals(unit.id()) && d.heldOn().getYear() == y)
                        .map(Dissemination::documents).forEach(covered::addAll);
                assertThat(covered).as("DISS-01 %s %s", unit.id(), y).containsAll(REQUIRED_DOCUMENTS);
                for (ReportPeriod period : ReportPeriod.values()) {
                    Optional<PeriodicReport> report = facts.reports().stream().filter(r -> r.unitId()
                            .equals(unit.id()) && r.year() == y && r.period() == period).findFirst();
                    assertThat(report).as("REP-01 %s %s %s", unit.id(), y, period).isPresent();
                    assertThat(report.get().submittedOn()).isBeforeOrEqualTo(period.endIn(y).plusDays(15));
                }
            }
        }
        for (CorruptionCase k : facts.cases()) {
            assertThat(k.detectedBy().external()).as("CASE-03 %s", k.id()).isFalse();
            if (k.criminalSigns()) {
                assertThat(k.transferredOn()).as("CASE-01 %s", k.id()).isNotNull()
                        .isBeforeOrEqualTo(k.criminalSignsFoundOn().plusDays(10));
            }
            if (k.concludedOn() != null) {
                assertThat(k.headReviewedOn()).as("CASE-02 %s", k.id()).isNotNull()
                        .isBeforeOrEqualTo(k.concludedOn().plusDays(30));
            }
        }
    }

    @Property(tries = 150)
    void officialsMeetTheDeclarationGiftAndConflictObligations(@ForAll("compliant") Facts facts) {
        for (Official official : facts.officials()) {
            List<Declaration> own = facts.declarations().stream().filter(d -> d.officialId().equals(official.id()))
                    .toList();
            if (official.annualDeclarant()) {
                for (int y : JUDGED) {
                    assertThat(own).as("DECL-01 %s %s", official.id(), y).anyMatch(d -> d.kind()
                            == DeclarationKind.ANNUAL && d.year() == y && d.submitted()
                            && !d.submittedOn().isAfter(LocalDate.of(y, 12, 31)));
                }
            }
            if (official.declarablePosition()) {
                assertThat(own).as("DECL-02 %s", official.id()).anyMatch(d -> d.kind() == DeclarationKind.FIRST_TIME
                        && d.submitted() && !d.submittedOn().isAfter(official.positionSince().plusDays(10)));
            }
            for (int y : JUDGED) {
                checkSupplementary(facts, official, own, y);
            }
            List<Declaration> submitted = own.stream().filter(Declaration::submitted)
                    .sorted(Comparator.comparing(Declaration::submittedOn).thenComparing(Declaration::id)).toList();
            for (int i = 1; i < submitted.size(); i++) {
                Declaration d = submitted.get(i);
                long increase = d.totalAssets() - submitted.get(i - 1).totalAssets();
                assertThat(d.increaseExplained() || increase < 300_000_000L).as("DECL-04 %s", d.id()).isTrue();
            }
            for (Declaration d : own) {
                if (d.returnedOn() != null) {
                    assertThat(d.correctedOn()).as("DECL-05 %s", d.id()).isNotNull()
                            .isBeforeOrEqualTo(d.returnedOn().plusDays(7));
                }
                if (d.kind() == DeclarationKind.PERSONNEL_WORK) {
                    assertThat(d.submittedOn()).as("DECL-06 %s", d.id()).isNotNull()
                            .isBeforeOrEqualTo(d.appointmentPlannedOn().minusDays(10));
                }
                if (d.receivedOn() != null) {
                    assertThat(d.publicizedOn()).as("DECL-07 %s", d.id()).isNotNull()
                            .isBeforeOrEqualTo(d.receivedOn().plusDays(5));
                    if (d.postedDays() != null) {
                        assertThat(d.postedDays()).as("DECL-07 %s", d.id()).isGreaterThanOrEqualTo(15);
                    }
                }
            }
        }
        // Five working days are at least five calendar days.
        facts.gifts().forEach(g -> {
            assertThat(g.reportedOn()).as("GIFT-01 %s", g.id()).isNotNull().isBeforeOrEqualTo(g.receivedOn().plusDays(5));
            assertThat(g.handedInOn()).as("GIFT-01 %s", g.id()).isNotNull()
                    .isBeforeOrEqualTo(g.receivedOn().plusDays(5));
        });
        facts.conflicts().forEach(c -> assertThat(c.reportedOn()).as("COI-01 %s", c.id()).isNotNull()
                .isBeforeOrEqualTo(c.knownOn().plusDays(5)));
    }

    private static void checkSupplementary(Facts facts, Official official, List<Declaration> own, int y) {
        List<AssetChange> changes = facts.assetChanges().stream().filter(c -> c.officialId().equals(official.id())
                && c.changedOn().getYear() == y).sorted(Comparator.comparing(AssetChange::changedOn)).toList();
        long total = 0;
        for (AssetChange change : changes) {
            total += change.amountVnd();
            if (total >= 300_000_000L) {
                LocalDate reached = change.changedOn();
                assertThat(own).as("DECL-03 %s %s", official.id(), y).anyMatch(d -> d.year() == y && d.submitted()
                        && (d.kind() == DeclarationKind.SUPPLEMENTARY || d.kind() == DeclarationKind.ANNUAL)
                        && !d.submittedOn().isBefore(reached) && !d.submittedOn().isAfter(LocalDate.of(y, 12, 31)));
                return;
            }
        }
    }

    @Property(tries = 150)
    void theInspectorateAgencyAndPlanningUnitsMeetTheirPlanObligations(@ForAll("compliant") Facts facts) {
        for (Unit unit : facts.units()) {
            for (int y : JUDGED) {
                LocalDate jan31 = LocalDate.of(y, 1, 31);
                if (unit.kind() == UnitKind.INSPECTORATE) {
                    InspectionPlan plan = facts.inspectionPlans().stream().filter(p -> p.unitId().equals(unit.id())
                            && p.year() == y && p.issued()).findFirst().orElseThrow(() -> new AssertionError(
                            "INSP-01 " + y));
                    assertThat(plan.issuedOn()).as("INSP-01 %s", y).isBeforeOrEqualTo(jan31);
                    assertThat(plan.areas()).as("INSP-02 %s", y).containsAll(INSPECTION_AREAS);
                }
                if (unit.kind() == UnitKind.ASSET_CONTROL_AGENCY) {
                    VerificationPlan plan = facts.verificationPlans().stream().filter(p -> p.agencyId()
                            .equals(unit.id()) && p.year() == y && p.issued()).findFirst().orElseThrow(() ->
                            new AssertionError("VERI-01 " + y));
                    assertThat(plan.issuedOn()).as("VERI-01 %s", y).isBeforeOrEqualTo(jan31);
                    for (VerificationSelection selection : plan.selections()) {
                        List<Official> ofUnit = facts.officials().stream().filter(o -> o.unitId()
                                .equals(selection.unitId())).toList();
                        long declarants = ofUnit.stream().filter(Official::annualDeclarant).count();
                        assertThat((long) selection.officialIds().size()).as("VERI-02 share %s", selection.unitId())
                                .isGreaterThanOrEqualTo((declarants + 9) / 10);
                        assertThat(selection.officialIds()).as("VERI-02 leader %s", selection.unitId())
                                .anyMatch(id -> facts.official(id).orElseThrow().leader());
                    }
                }
                if (unit.mustPlan()) {
                    Optional<RotationPlan> plan = facts.rotationPlans().stream().filter(p -> p.unitId()
                            .equals(unit.id()) && p.year() == y && p.issued()).findFirst();
                    if (facts.officials().stream().anyMatch(o -> o.rotationBound()
                            && planningUnit(facts, o.unitId()).equals(unit.id()))) {
                        assertThat(plan).as("ROT-01 %s %s", unit.id(), y).isPresent();
                        assertThat(plan.get().issuedOn()).as("ROT-01 %s %s", unit.id(), y).isBeforeOrEqualTo(jan31);
                    }
                    plan.ifPresent(p -> assertThat(p.publishedOn()).as("ROT-02 %s", p.id()).isNotNull()
                            .isBeforeOrEqualTo(p.issuedOn().plusDays(15)));
                }
            }
        }
    }

    @Property(tries = 150)
    void noRotationBoundOfficialIsOverdueOnAnyDayOfTheYear(@ForAll("compliant") Facts facts,
                                                         @ForAll("days") LocalDate asOf) {
        for (Official o : facts.officials()) {
            if (!o.rotationBound() || !o.positionSince().plusYears(3).isBefore(asOf)) {
                continue;
            }
            boolean exempt = (o.retirementDate() != null && o.retirementDate().isBefore(asOf.plusMonths(18)))
                    || o.postponements().stream().anyMatch(p -> p.covers(asOf));
            boolean rotated = facts.rotations().stream().anyMatch(r -> r.officialId().equals(o.id())
                    && r.effectiveOn().isAfter(o.positionSince()));
            String planning = planningUnit(facts, o.unitId());
            List<Integer> planYears = new ArrayList<>(List.of(asOf.getYear()));
            if (!asOf.isAfter(LocalDate.of(asOf.getYear(), 1, 31))) {
                planYears.add(asOf.getYear() - 1);
            }
            boolean listed = facts.rotationPlans().stream().anyMatch(p -> p.unitId().equals(planning)
                    && planYears.contains(p.year()) && p.issued() && !p.issuedOn().isAfter(asOf)
                    && p.officialIds().contains(o.id()));
            assertThat(exempt || rotated || listed).as("ROT-03 %s on %s", o.id(), asOf).isTrue();
        }
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return FactArbitraries.daysOf(YEAR);
    }

    private static String planningUnit(Facts facts, String unitId) {
        Unit current = facts.unit(unitId).orElseThrow();
        while (!current.mustPlan() && current.parentId() != null) {
            current = facts.unit(current.parentId()).orElseThrow();
        }
        return current.id();
    }
}
