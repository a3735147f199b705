package io.directiverules.directive09;

import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.ComplianceReport;
import io.directiverules.core.Facts;
import io.directiverules.core.Language;
import io.directiverules.core.RequiredAction;
import io.directiverules.core.Violation;
import io.directiverules.core.io.FactsReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The messages of the rotation and gift rules say who, which deadline and how late, in both languages. */
class RotationGiftsMessagesTest {
    private static final List<String> RULES = List.of("D09-ROT-01", "D09-ROT-02", "D09-ROT-03", "D09-GIFT-01",
            "D09-COI-01");
    private static final List<String> ACTIONS = List.of("ISSUE_ROTATION_PLAN", "PUBLISH_ROTATION_PLAN",
            "SCHEDULE_ROTATION", "REPORT_GIFT", "REPORT_CONFLICT");
    private static final String FACTS = """
            units:
              - {id: U1, name: Cục Xuất nhập khẩu, kind: BUREAU, headId: H1}
              - {id: D1, name: Phòng Xuất khẩu, kind: DIVISION, parentId: U1, headId: H2}
              - {id: U2, name: Vụ Tài chính, kind: DEPARTMENT, headId: H3}
            officials:
              - {id: H1, fullName: Trần Văn Bình, unitId: U1}
              - {id: H2, fullName: Lê Thị Cúc, unitId: D1}
              - {id: H3, fullName: Võ Minh Tâm, unitId: U2}
              - {id: O1, fullName: Nguyễn Văn An, unitId: D1, positionGroup: LICENSING, rotationBound: true, positionSince: 2021-06-01}
              - {id: O2, fullName: Phạm Văn Dũng, unitId: U2, positionGroup: FINANCE, rotationBound: true, positionSince: 2024-06-01}
            rotationPlans:
              - {id: RP2, unitId: U2, year: 2025, issuedOn: 2025-01-10, officialIds: [O2]}
            gifts:
              - {id: G1, officialId: O1, receivedOn: 2025-05-12, reportedOn: 2025-05-13}
            conflicts:
              - {id: C1, officialId: O2, knownOn: 2025-05-12}
            """;

    private static ComplianceReport english;
    private static ComplianceReport vietnamese;

    @BeforeAll
    static void evaluate() {
        ComplianceEngine engine = ComplianceEngine.builder().module(new Directive09Module())
                .parameter("evaluation.fromYear", 2025).build();
        Facts facts = FactsReader.strict().read(new ByteArrayInputStream(FACTS.getBytes(StandardCharsets.UTF_8)),
                "messages-test.yaml");
        english = engine.evaluate(facts, LocalDate.of(2025, 7, 31), Language.EN);
        vietnamese = engine.evaluate(facts, LocalDate.of(2025, 7, 31), Language.VI);
    }

    @Test
    void everyRuleAndActionFiresAndIsRenderedWithoutAnUnfilledPlaceholder() {
        for (ComplianceReport report : List.of(english, vietnamese)) {
            for (String rule : RULES) {
                assertThat(report.violationsOf(rule)).as(rule).isNotEmpty().allSatisfy(v -> {
                    assertThat(v.title()).as(rule + " title").isNotBlank().doesNotContain("{").isNotEqualTo(rule);
                    assertThat(v.message()).as(rule + " message").doesNotContain("{").doesNotStartWith(rule + ":");
                });
            }
            for (String code : ACTIONS) {
                assertThat(report.actions()).filteredOn(a -> a.code().equals(code)).as(code).isNotEmpty()
                        .allSatisfy(a -> assertThat(a.description()).as(code).doesNotContain("{")
                                .isNotEqualTo(code));
            }
        }
    }

    @Test
    void rotationMessageNamesTheOfficialThePeriodTheDeadlineAndThePlanningUnit() {
        Violation v = vietnamese.violationsOf("D09-ROT-03").get(0);
        assertThat(v.message()).contains("Nguyễn Văn An", "Phòng Xuất khẩu", "3 năm", "01/06/2024",
                "đã quá 425 ngày", "Cục Xuất nhập khẩu");
        Violation en = english.violationsOf("D09-ROT-03").get(0);
        assertThat(en.message()).contains("Nguyễn Văn An", "3 years", "2024-06-01", "425 days ago",
                "Cục Xuất nhập khẩu");
        RequiredAction action = vietnamese.actions().stream().filter(a -> a.code().equals("SCHEDULE_ROTATION"))
                .findFirst().orElseThrow();
        assertThat(action.description()).startsWith("Người đứng đầu Cục Xuất nhập khẩu (Trần Văn Bình)")
                .contains("Nguyễn Văn An").contains("15/08/2025");
    }

    @Test
    void giftAndConflictMessagesNameTheOfficialAndTheWorkingDayDeadline() {
        // Mon 12 May 2025: the 5th working day after it is Mon 19 May, 73 days before 31 July.
        assertThat(vietnamese.violationsOf("D09-GIFT-01").get(0).message())
                .contains("Nguyễn Văn An", "G1", "12/05/2025", "19/05/2025", "đã quá 73 ngày");
        assertThat(english.violationsOf("D09-COI-01").get(0).message())
                .contains("Phạm Văn Dũng", "C1", "2025-05-12", "2025-05-19", "73 days ago");
        assertThat(english.actions()).filteredOn(a -> a.code().equals("REPORT_GIFT")).singleElement()
                .satisfies(a -> assertThat(a.description()).startsWith("Nguyễn Văn An must report gift G1"));
    }
}
