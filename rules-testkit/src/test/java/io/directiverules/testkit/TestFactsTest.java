package io.directiverules.testkit;

import io.directiverules.core.Facts;
import io.directiverules.core.InvalidInputException;
import io.directiverules.core.model.Area;
import io.directiverules.core.model.CaseSeverity;
import io.directiverules.core.model.DeclarationKind;
import io.directiverules.core.model.DetectionSource;
import io.directiverules.core.model.LegalDocument;
import io.directiverules.core.model.PostponementReason;
import io.directiverules.core.model.ReportPeriod;
import io.directiverules.core.model.UnitKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestFactsTest {

    @Test
    void buildsEveryFactTypeWithDefaultsForWhatIsNotSaid() {
        Facts facts = TestFacts.create()
                .unit("M", UnitKind.MINISTRY, u -> u.head("O1").name("Bộ"))
                .unit("TT", UnitKind.INSPECTORATE, u -> u.parent("M"))
                .unit("KS", UnitKind.ASSET_CONTROL_AGENCY, u -> u.parent("TT"))
                .official("O1", "M", o -> o.leader().annualDeclarant().declarablePosition().positionSince("2020-01-01"))
                .official("O2", "M", o -> o.rotationBound("FINANCE").positionSince("2019-05-01").retiresOn("2030-01-01")
                        .postponed(PostponementReason.MATERNITY, "2024-01-01", "2025-12-31"))
                .assessment("M", 2023, Area.ROTATION)
                .plan("P1", "M", 2024, p -> p.issuedOn("2024-01-20").focus(Area.ROTATION)
                        .task("T1", "TT", "2024-06-30", "2024-06-01").task("T2", "M", "2024-09-30"))
                .dissemination("DS1", "M", "2024-03-01", LegalDocument.LAW_36_2018)
                .declaration("D1", "O1", DeclarationKind.ANNUAL, 2024, d -> d.submittedOn("2024-12-01")
                        .totalAssets(1_000_000_000L).totalIncome(100_000_000L).increaseExplained()
                        .returnedOn("2024-12-03").correctedOn("2024-12-05").receivedOn("2024-12-06")
                        .publicizedOn("2024-12-08", 15))
                .assetChange("O1", "2024-05-01", 350_000_000L)
                .verificationPlan("VP", "KS", 2024, v -> v.issuedOn("2024-01-15").select("M", "O1"))
                .rotationPlan("RP", "M", 2024, r -> r.issuedOn("2024-01-15").publishedOn("2024-01-20").officials("O2"))
                .rotation("O2", "2024-07-01")
                .gift("G1", "O1", "2024-02-01", g -> g.reportedOn("2024-02-02").handedInOn("2024-02-02").from("X", 1))
                .conflict("C1", "O1", "2024-02-01", c -> c.reportedOn("2024-02-03").description("y"))
                .inspectionPlan("IP", "TT", 2024, i -> i.issuedOn("2024-01-10").areas(Area.PERSONNEL))
                .corruptionCase("K1", "M", "2024-04-01", DetectionSource.PRESS, k -> k.criminalSignsFoundOn("2024-04-05")
                        .transferredOn("2024-04-10").concludedOn("2024-08-01", CaseSeverity.SERIOUS)
                        .headReviewedOn("2024-08-10"))
                .report("M", 2024, ReportPeriod.Q1, "2024-04-10")
                .holidays("2024-01-01")
                .build();
        assertThat(facts.size()).isEqualTo(18);
        assertThat(facts.unit("M").orElseThrow().name()).isEqualTo("Bộ");
        assertThat(facts.unit("TT").orElseThrow().name()).isEqualTo("Unit TT");
        assertThat(facts.official("O2").orElseThrow().rotationBound()).isTrue();
        assertThat(facts.plans().get(0).tasks().get(1).completedOn()).isNull();
        assertThat(facts.declarations().get(0).complete()).isFalse();
        assertThat(facts.cases().get(0).criminalSigns()).isTrue();
        assertThat(facts.holidays()).containsExactly(LocalDate.of(2024, 1, 1));
    }

    @Test
    void validatesTheFactsAsAWhole() {
        assertThatThrownBy(() -> TestFacts.create().official("O1", "U9").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("officials[0].unitId");
        assertThatThrownBy(() -> TestFacts.create().unit("U1", UnitKind.DEPARTMENT, u -> u.parent("U1")).build())
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> TestFacts.create().rotation("O1", "1 July 2024"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed date \"1 July 2024\"");
    }
}
