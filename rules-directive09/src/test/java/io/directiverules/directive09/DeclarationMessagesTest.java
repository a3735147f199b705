package io.directiverules.directive09;

import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.ComplianceReport;
import io.directiverules.core.Facts;
import io.directiverules.core.Language;
import io.directiverules.core.RequiredAction;
import io.directiverules.core.Violation;
import io.directiverules.core.io.FactsReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every declaration and verification rule and action, in every language, renders a complete text: no
 * placeholder left unfilled, and no amount (amounts are personal data).
 */
class DeclarationMessagesTest {
    private static final Set<String> RULES = Set.of("D09-DECL-01", "D09-DECL-02", "D09-DECL-03", "D09-DECL-04",
            "D09-DECL-05", "D09-DECL-06", "D09-DECL-07", "D09-VERI-01", "D09-VERI-02");
    private static final Set<String> ACTIONS = Set.of("DECLARE_ASSETS", "REQUEST_DECLARATION", "VERIFY_DECLARATION",
            "CORRECT_DECLARATION", "POSTPONE_APPOINTMENT", "PUBLICIZE_DECLARATION", "ISSUE_VERIFICATION_PLAN",
            "WIDEN_VERIFICATION");
    private static final List<String> AMOUNTS = List.of("400000000", "400.000.000", "400,000,000", "1000000000",
            "1500000000", "1.500.000.000", "1,500,000,000", "300000000", "300.000.000");

    private static final String FACTS = """
            units:
              - {id: M, name: Bộ, kind: MINISTRY}
              - {id: TT, name: Thanh tra Bộ, kind: INSPECTORATE, parentId: M}
              - {id: KS, name: "Phòng Kiểm soát tài sản, thu nhập", kind: ASSET_CONTROL_AGENCY, parentId: TT}
              - {id: TCCB, name: Vụ Tổ chức cán bộ, kind: DEPARTMENT, parentId: M}
              - {id: U1, name: Vụ A, kind: DEPARTMENT, parentId: M, headId: H1}
            officials:
              - {id: H1, fullName: Lê Văn C, unitId: U1, leader: true}
              - {id: O1, fullName: Trần Văn B, unitId: U1, annualDeclarant: true}
              - {id: O2, fullName: Phạm Thị D, unitId: U1, declarablePosition: true, positionSince: 2024-05-10}
              - {id: O3, fullName: Lê Văn E, unitId: U1}
              - {id: O4, fullName: Vũ Thị G, unitId: U1}
              - {id: O5, fullName: Đỗ Văn H, unitId: U1}
              - {id: O6, fullName: Hồ Thị K, unitId: U1}
              - {id: O7, fullName: Ngô Văn L, unitId: U1}
            declarations:
              - {id: D4-A, officialId: O4, kind: ANNUAL, year: 2023, submittedOn: 2023-12-10, totalAssets: 1000000000}
              - {id: D4-B, officialId: O4, kind: ANNUAL, year: 2024, submittedOn: 2024-12-10, totalAssets: 1500000000}
              - {id: D5, officialId: O5, kind: ANNUAL, year: 2024, submittedOn: 2024-12-10, returnedOn: 2024-12-12}
              - {id: D6, officialId: O6, kind: PERSONNEL_WORK, year: 2024, appointmentPlannedOn: 2024-10-01}
              - {id: D7, officialId: O7, kind: ANNUAL, year: 2024, submittedOn: 2024-12-10, receivedOn: 2024-12-11}
            assetChanges:
              - {officialId: O3, changedOn: 2024-05-01, amountVnd: 400000000}
            verificationPlans:
              - {id: VP-2024, agencyId: KS, year: 2024, issuedOn: 2024-02-05, selections: [{unitId: U1, officialIds: [O1]}]}
            """;

    private static ComplianceEngine engine;
    private static Facts facts;

    @BeforeAll
    static void load() {
        engine = ComplianceEngine.builder().module(new Directive09Module())
                .parameter("evaluation.fromYear", 2024L).parameter("actors.personnelDepartmentId", "TCCB").build();
        facts = FactsReader.strict().read(new ByteArrayInputStream(FACTS.getBytes(StandardCharsets.UTF_8)), "facts");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyRuleAndActionOfTheAreasRendersCompletely(Language language) {
        ComplianceReport report = engine.evaluate(facts, LocalDate.of(2025, 3, 1), language);

        List<Violation> violations = report.violations().stream().filter(v -> RULES.contains(v.rule())).toList();
        List<RequiredAction> actions = report.actions().stream().filter(a -> ACTIONS.contains(a.code())).toList();
        assertThat(new TreeSet<>(violations.stream().map(Violation::rule).toList())).containsExactlyElementsOf(
                new TreeSet<>(RULES));
        assertThat(new TreeSet<>(actions.stream().map(RequiredAction::code).toList())).containsExactlyElementsOf(
                new TreeSet<>(ACTIONS));
        for (Violation v : violations) {
            assertThat(v.title()).as("title of %s", v.rule()).isNotBlank().doesNotContain("{", v.rule());
            assertThat(v.message()).as("message of %s", v.rule()).doesNotContain("{").doesNotContain(AMOUNTS);
        }
        for (RequiredAction a : actions) {
            assertThat(a.description()).as("description of %s", a.code()).doesNotContain("{", a.code())
                    .doesNotContain(AMOUNTS);
        }
    }
}
