package io.directiverules.core;

import io.directiverules.core.io.ParametersReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParametersTest {

    private static final String DEFINITIONS = """
            declaration.supplementary.threshold:
              description: Yearly asset change that requires a supplementary declaration.
              unit: VND
              type: integer
              min: 0
              values:
                - {to: 2026-06-30, value: 300000000, reference: Law36 Art. 36(2)}
                - {from: 2026-07-01, value: 1000000000, reference: Law132}
            rotation.periodYears.*:
              description: Years in one position before rotation, per position group.
              unit: years
              type: integer
              min: 2
              max: 5
              values:
                - {value: 3, reference: policy default}
            plan.minCompletionRate:
              description: Share of tasks completed on time.
              type: decimal
              min: 0
              max: 1
              values:
                - {value: 0.80}
            verification.plan.deadline:
              description: Day of the year the verification plan is due.
              type: month_day
              values:
                - {value: "01-31"}
            """;

    private static Parameters.Builder builder() {
        return Parameters.builder(ParametersReader.readDefinitions(
                new ByteArrayInputStream(DEFINITIONS.getBytes(StandardCharsets.UTF_8)), "test-parameters.yaml"));
    }

    @Test
    void datedValueChangesOnItsFirstDay() {
        Parameters parameters = builder().build();
        assertThat(parameters.amount("declaration.supplementary.threshold", LocalDate.of(2026, 6, 30)))
                .isEqualTo(300_000_000L);
        assertThat(parameters.amount("declaration.supplementary.threshold", LocalDate.of(2026, 7, 1)))
                .isEqualTo(1_000_000_000L);
    }

    @Test
    void familyDefaultsApplyToEveryMemberAndOverridesToOne() {
        Parameters parameters = builder().set("rotation.periodYears.FINANCE", 4).build();
        LocalDate day = LocalDate.of(2025, 1, 1);
        assertThat(parameters.integer("rotation.periodYears.FINANCE", day)).isEqualTo(4);
        assertThat(parameters.integer("rotation.periodYears.PERSONNEL", day)).isEqualTo(3);
    }

    @Test
    void typedKeysReadTheirValueAndRefuseTheWrongType() {
        Parameters parameters = builder().build();
        LocalDate day = LocalDate.of(2026, 7, 1);
        assertThat(parameters.get(ParameterKey.amount("declaration.supplementary.threshold"), day))
                .isEqualTo(1_000_000_000L);
        assertThat(parameters.get(ParameterKey.amount("rotation.periodYears.*").member("FINANCE"), day)).isEqualTo(3L);
        assertThatThrownBy(() -> parameters.get(ParameterKey.decimal("declaration.supplementary.threshold"), day))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is INTEGER, not DECIMAL");
    }

    @Test
    void decimalsStayExactAndMonthDaysParse() {
        Parameters parameters = builder().build();
        assertThat(parameters.decimal("plan.minCompletionRate", LocalDate.of(2025, 1, 1)))
                .isEqualByComparingTo(new BigDecimal("0.80"));
        assertThat(parameters.monthDay("verification.plan.deadline", LocalDate.of(2025, 1, 1)))
                .isEqualTo(MonthDay.of(1, 31));
    }

    @Test
    void overridesFromAFileWithDatedValues() {
        Parameters.Builder builder = builder();
        ParametersReader.readOverrides(new ByteArrayInputStream("""
                declaration.supplementary.threshold:
                  - {to: 2025-12-31, value: 200000000}
                  - {from: 2026-01-01, value: 500000000}
                """.getBytes(StandardCharsets.UTF_8)), "host.yaml", builder);
        Parameters parameters = builder.build();
        assertThat(parameters.amount("declaration.supplementary.threshold", LocalDate.of(2025, 12, 31)))
                .isEqualTo(200_000_000L);
        assertThat(parameters.amount("declaration.supplementary.threshold", LocalDate.of(2026, 1, 1)))
                .isEqualTo(500_000_000L);
    }

    @Test
    void rotationPeriodOutsideTwoToFiveYearsIsRefused() {
        assertThatThrownBy(() -> builder().set("rotation.periodYears.FINANCE", 6).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rotation.periodYears.FINANCE: must be 2 to 5 (is 6)");
        assertThatThrownBy(() -> builder().set("rotation.periodYears.FINANCE", 1).build())
                .hasMessageContaining("must be 2 to 5 (is 1)");
        assertThat(builder().set("rotation.periodYears.FINANCE", 5).build()
                .integer("rotation.periodYears.FINANCE", LocalDate.of(2025, 1, 1))).isEqualTo(5);
    }

    @Test
    void unknownKeyIsRefusedWithTheKnownOnesOfItsArea() {
        assertThatThrownBy(() -> builder().set("plan.minCompletionRat", 0.5).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("plan.minCompletionRat: unknown parameter (known in plan.*: plan.minCompletionRate)");
    }

    @Test
    void wrongTypeIsRefused() {
        assertThatThrownBy(() -> builder().set("plan.minCompletionRate", "high").build())
                .hasMessageContaining("plan.minCompletionRate: must be a number (is \"high\")");
        assertThatThrownBy(() -> builder().set("verification.plan.deadline", "31-01").build())
                .hasMessageContaining("malformed month-day \"31-01\"");
    }

    @Test
    void everyErrorIsReportedAtOnceWithItsSource() {
        Parameters.Builder builder = builder();
        ParametersReader.readOverrides(new ByteArrayInputStream("""
                rotation.periodYears.X: 9
                nope: 1
                """.getBytes(StandardCharsets.UTF_8)), "host.yaml", builder);
        assertThatThrownBy(builder::build).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.errors()).extracting(InputError::toString).containsExactly(
                        "host.yaml: rotation.periodYears.X: must be 2 to 5 (is 9)",
                        "host.yaml: nope: unknown parameter"));
    }

    @Test
    void overlappingDatedValuesAreRefused() {
        assertThatThrownBy(() -> builder().set("plan.minCompletionRate", List.of(
                new DatedValue(null, LocalDate.of(2025, 6, 30), 0.5, null),
                new DatedValue(LocalDate.of(2025, 6, 1), null, 0.6, null))).build())
                .hasMessageContaining("overlap");
    }
}
