package io.directiverules.directive09;

import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.ComplianceReport;
import io.directiverules.core.Facts;
import io.directiverules.core.RequiredAction;
import io.directiverules.core.Violation;
import io.directiverules.core.io.FactsReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actions that answer several violations at once, which a scenario cannot count: REVIEW_HEAD_RESPONSIBILITY
 * (one per unit and year), SCHEDULE_INSPECTION (one per unit) and URGE_UNIT over D09-REP-01 (one per unit and
 * year, never for the inspectorate itself).
 */
class GroupedActionsTest {
    private static ComplianceEngine engine;

    @BeforeAll
    static void buildEngine() {
        engine = ComplianceEngine.builder().module(new Directive09Module()).parameter("evaluation.fromYear", 2024)
                .build();
    }

    private static ComplianceReport evaluate(String yaml, LocalDate asOf) {
        Facts facts = FactsReader.strict().read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                "test");
        return engine.evaluate(facts, asOf);
    }

    private static List<RequiredAction> actions(ComplianceReport report, String code) {
        return report.actions().stream().filter(a -> a.code().equals(code)).toList();
    }

    private static Set<String> idsOf(ComplianceReport report, String rule, String unitId, Integer year) {
        return report.violations().stream().filter(v -> v.rule().equals(rule) && v.unitId().equals(unitId)
                && (year == null || year.equals(v.year()))).map(Violation::id).collect(Collectors.toSet());
    }

    private static final String TREE = """
            units:
              - {id: M, name: Bộ, kind: MINISTRY, headId: O0}
              - {id: TT, name: Thanh tra Bộ, kind: INSPECTORATE, parentId: M, headId: O5}
              - {id: U1, name: Cục A, kind: BUREAU, parentId: M, headId: O1}
              - {id: U2, name: Cục B, kind: BUREAU, parentId: M}
            officials:
              - {id: O0, fullName: Lê Văn C, unitId: M}
              - {id: O1, fullName: Trần Văn B, unitId: U1}
              - {id: O5, fullName: Phạm Thị D, unitId: TT}
            """;

    @Test
    void oneHeadReviewPerUnitAndYearListsEveryUnreviewedCaseOfIt() {
        ComplianceReport report = evaluate(TREE + """
                cases:
                  - {id: C1, unitId: U1, detectedOn: 2024-04-02, detectedBy: INTERNAL_INSPECTION, concludedOn: 2024-08-30, severity: LESS_SERIOUS}
                  - {id: C2, unitId: U1, detectedOn: 2024-05-02, detectedBy: INTERNAL_INSPECTION, concludedOn: 2024-09-30, severity: LESS_SERIOUS}
                  - {id: C3, unitId: U1, detectedOn: 2024-06-02, detectedBy: INTERNAL_INSPECTION, concludedOn: 2024-10-01, severity: SERIOUS, headReviewedOn: 2024-10-05}
                  - {id: C4, unitId: U1, detectedOn: 2024-12-02, detectedBy: INTERNAL_INSPECTION, concludedOn: 2025-01-10, severity: LESS_SERIOUS}
                  - {id: C5, unitId: U2, detectedOn: 2024-04-02, detectedBy: INTERNAL_INSPECTION, concludedOn: 2024-08-30, severity: VERY_SERIOUS}
                """, LocalDate.of(2025, 3, 1));

        List<RequiredAction> reviews = actions(report, "REVIEW_HEAD_RESPONSIBILITY");
        assertThat(reviews).hasSize(3);
        RequiredAction u1In2024 = reviews.stream()
                .filter(a -> a.unitId().equals("U1") && Integer.valueOf(2024).equals(a.detail("year"))).findFirst()
                .orElseThrow();
        assertThat(Set.copyOf(u1In2024.because())).isEqualTo(idsOf(report, "D09-CASE-02", "U1", 2024)).hasSize(2);
        // The reviewed SERIOUS case C3 counts: one SERIOUS with two LESS_SERIOUS is a warning.
        assertThat(u1In2024.detail("discipline")).isEqualTo("WARNING");
        assertThat(u1In2024.actorId()).isEqualTo("O0");
        assertThat(u1In2024.description()).contains("2 case(s)").contains("warning");
    }

    @Test
    void oneInspectionPerUnitAnsweringItsEscalation() {
        ComplianceReport report = evaluate(TREE + """
                plans:
                  - {id: P-U1, unitId: U1, year: 2024, issuedOn: 2024-02-10}
                cases:
                  - {id: C1, unitId: U1, detectedOn: 2024-04-02, detectedBy: INTERNAL_INSPECTION, concludedOn: 2024-06-01, severity: LESS_SERIOUS}
                  - {id: C2, unitId: U1, detectedOn: 2024-04-02, detectedBy: INTERNAL_INSPECTION, concludedOn: 2024-06-01, severity: LESS_SERIOUS}
                  - {id: C3, unitId: U1, detectedOn: 2024-04-02, detectedBy: INTERNAL_INSPECTION, criminalSigns: true, criminalSignsFoundOn: 2024-04-10, concludedOn: 2024-06-01, severity: LESS_SERIOUS}
                """, LocalDate.of(2024, 12, 1));

        List<RequiredAction> inspections = actions(report, "SCHEDULE_INSPECTION");
        assertThat(inspections).extracting(RequiredAction::unitId).containsExactly("U1");
        assertThat(Set.copyOf(inspections.get(0).because())).isEqualTo(idsOf(report, "D09-ESC-01", "U1", null));
        assertThat(inspections.get(0).actorId()).isEqualTo("TT");
        assertThat(report.violationsOf("D09-ESC-01")).singleElement()
                .satisfies(v -> assertThat(v.detail("count")).isEqualTo(4))
                .satisfies(v -> assertThat(v.evidence()).hasSize(4));
    }

    @Test
    void urgeUnitGroupsMissingPlansAndReportsPerUnitAndYearButNeverUrgesTheInspectorate() {
        ComplianceReport report = evaluate(TREE, LocalDate.of(2025, 4, 16));

        List<RequiredAction> urges = actions(report, "URGE_UNIT");
        Set<String> unitYears = urges.stream().map(a -> a.unitId() + "/" + a.detail("year"))
                .collect(Collectors.toSet());
        assertThat(unitYears).containsExactlyInAnyOrder("M/2024", "M/2025", "U1/2024", "U1/2025", "U2/2024",
                "U2/2025");
        assertThat(urges).hasSize(6).allSatisfy(a -> assertThat(a.actorId()).isEqualTo("TT"));
        RequiredAction u1In2024 = urges.stream().filter(a -> a.unitId().equals("U1")
                && Integer.valueOf(2024).equals(a.detail("year"))).findFirst().orElseThrow();
        Set<String> expected = new java.util.HashSet<>(idsOf(report, "D09-PLAN-01", "U1", 2024));
        expected.addAll(idsOf(report, "D09-REP-01", "U1", 2024));
        // The plan and the four periods of 2024.
        assertThat(Set.copyOf(u1In2024.because())).isEqualTo(expected).hasSize(5);
        assertThat(report.violationsOf("D09-REP-01")).anyMatch(v -> v.unitId().equals("TT"));
    }
}
