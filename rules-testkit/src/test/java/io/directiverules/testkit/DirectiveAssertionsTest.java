package io.directiverules.testkit;

import io.directiverules.core.Actor;
import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.ComplianceReport;
import io.directiverules.core.Severity;
import io.directiverules.core.model.UnitKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.time.LocalDate;

import static io.directiverules.testkit.DirectiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DirectiveAssertionsTest {
    private static ComplianceReport report;

    @BeforeAll
    static void evaluate() {
        ComplianceEngine engine = ComplianceEngine.builder().discoverModules().parameter("evaluation.fromYear", 2024)
                .build();
        report = engine.evaluate(TestFacts.create()
                .unit("M", UnitKind.MINISTRY, u -> u.head("O1"))
                .unit("U1", UnitKind.DEPARTMENT, u -> u.parent("M").head("O2"))
                .official("O1", "M")
                .official("O2", "U1")
                .plan("P2", "U1", 2024, p -> p.issuedOn("2024-02-10"))
                .gift("G1", "O2", "2024-02-01", g -> { })
                .build(), LocalDate.of(2024, 3, 1));
    }

    @Test
    void passesWhenTheReportHasWhatIsExpected() {
        org.assertj.core.api.Assertions.assertThat(
                assertThat(report).hasViolation("TK-PLAN-02").forUnit("U1").withSeverity(Severity.MEDIUM)
                        .dueOn("2024-01-31").forYear(2024).withDetail("planId", "P2").citing("Test Act §2")
                        .withEvidence("Plan P2").times(1).violation().id()).startsWith("V-");
        assertThat(report).hasViolation("TK-PLAN-01").forUnit("M").and()
                .hasViolation("TK-GIFT-01").forSubject("O2").and()
                .hasNoViolation("TK-PLAN-01", "U1")
                .hasViolationCount("TK-PLAN-01", 1)
                .hasOnlyViolationsOf("TK-PLAN-01", "TK-PLAN-02", "TK-GIFT-01")
                .hasAction("ISSUE_PLAN").forUnit("M").withActor(Actor.UNIT_HEAD).withActorId("O1").and()
                .hasNoAction("URGE_UNIT");
    }

    @Test
    void aMissingFieldFailsWithTheNearestMissAndAnIdeDiff() {
        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class, () ->
                assertThat(report).hasViolation("TK-PLAN-02").forUnit("U1").withSeverity(Severity.HIGH));
        org.assertj.core.api.Assertions.assertThat(failure.getMessage())
                .startsWith("Expected a violation {rule: TK-PLAN-02, unitId: U1, severity: HIGH}, but none matched.")
                .contains("Nearest miss: TK-PLAN-02 for U1: severity expected HIGH but was MEDIUM")
                .contains("Violations that came out:\n    TK-PLAN-01 HIGH M due 2024-01-31 {year=2024}\n    TK-GIFT-01 LOW U1/O2");
        org.assertj.core.api.Assertions.assertThat(failure.getExpected().getStringRepresentation())
                .isEqualTo("{rule: TK-PLAN-02, unitId: U1, severity: HIGH}");
        org.assertj.core.api.Assertions.assertThat(failure.getActual().getStringRepresentation())
                .isEqualTo("{rule: TK-PLAN-02, unitId: U1, severity: MEDIUM}");
    }

    @Test
    void eachOtherAssertionFailsWithWhatCameOut() {
        assertThatThrownBy(() -> assertThat(report).hasViolation("TK-NONE-01"))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("No violation of rule TK-NONE-01 came out");
        assertThatThrownBy(() -> assertThat(report).hasNoViolation("TK-PLAN-01"))
                .hasMessageStartingWith("Expected no violation {rule: TK-PLAN-01}, but found:\n    TK-PLAN-01 HIGH M");
        assertThatThrownBy(() -> assertThat(report).hasNoViolations()).hasMessageContaining("TK-GIFT-01");
        assertThatThrownBy(() -> assertThat(report).hasOnlyViolationsOf("TK-PLAN-01"))
                .hasMessageStartingWith("Expected only violations of [TK-PLAN-01], but also found:")
                .hasMessageContaining("TK-PLAN-02 MEDIUM U1");
        assertThatThrownBy(() -> assertThat(report).hasViolationCount("TK-PLAN-01", 2))
                .hasMessageStartingWith("Expected 2 violation(s) of TK-PLAN-01, but found 1:");
        assertThatThrownBy(() -> assertThat(report).hasViolation("TK-PLAN-01").times(3))
                .hasMessageStartingWith("Expected 3 violation(s) {rule: TK-PLAN-01}, but found 1:");
        assertThatThrownBy(() -> assertThat(report).hasAction("ISSUE_PLAN").withActorId("O2"))
                .hasMessageContaining("Nearest miss: ISSUE_PLAN for M: actorId expected O2 but was O1");
        assertThatThrownBy(() -> assertThat(report).hasNoAction("ISSUE_PLAN"))
                .hasMessageStartingWith("Expected no action ISSUE_PLAN, but found:");
        assertThatThrownBy(() -> assertThat(report).as("plan of %s", "U1").hasViolation("TK-PLAN-02").forUnit("M"))
                .hasMessageStartingWith("[plan of U1] Expected a violation");
    }
}
