package io.directiverules.testkit;

import io.directiverules.core.ComplianceReport;

/**
 * The one entry point of the testkit's assertions, in AssertJ's style.
 *
 * <pre>{@code
 * import static io.directiverules.testkit.DirectiveAssertions.assertThat;
 *
 * assertThat(report).hasViolation("D09-PLAN-02").forUnit("U1").withSeverity(Severity.MEDIUM);
 * assertThat(report).hasNoViolation("D09-PLAN-01").hasAction("REVIEW_DELAY_RESPONSIBILITY").withActorId("O1");
 * assertThat(report).hasOnlyViolationsOf("D09-PLAN-02");
 * }</pre>
 *
 * <p>A failed assertion throws {@link org.opentest4j.AssertionFailedError} with the expectation and what came
 * out instead (an IDE shows the difference), and names the nearest miss.
 */
public final class DirectiveAssertions {
    private DirectiveAssertions() {
    }

    /** Assertions on a compliance report. */
    public static ReportAssert assertThat(ComplianceReport report) {
        return new ReportAssert(report);
    }
}
