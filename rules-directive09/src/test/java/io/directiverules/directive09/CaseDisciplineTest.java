package io.directiverules.directive09;

import io.directiverules.core.model.CaseSeverity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.directiverules.core.model.CaseSeverity.ESPECIALLY_SERIOUS;
import static io.directiverules.core.model.CaseSeverity.LESS_SERIOUS;
import static io.directiverules.core.model.CaseSeverity.SERIOUS;
import static io.directiverules.core.model.CaseSeverity.VERY_SERIOUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every line of Dec59 Art. 78 as the catalogue states it, and how the lines combine. */
class CaseDisciplineTest {

    private static Optional<CaseDiscipline> formFor(CaseSeverity... severities) {
        return CaseDiscipline.forCases(List.of(severities));
    }

    @Test
    void noCaseCallsForNoForm() {
        assertThat(formFor()).isEmpty();
    }

    @Test
    void oneLessSeriousCaseCallsForAReprimand() {
        assertThat(formFor(LESS_SERIOUS)).contains(CaseDiscipline.REPRIMAND);
    }

    @Test
    void severalLessSeriousCasesCallForAWarning() {
        assertThat(formFor(LESS_SERIOUS, LESS_SERIOUS)).contains(CaseDiscipline.WARNING);
        assertThat(formFor(LESS_SERIOUS, LESS_SERIOUS, LESS_SERIOUS, LESS_SERIOUS)).contains(CaseDiscipline.WARNING);
    }

    @Test
    void oneSeriousCaseCallsForAWarning() {
        assertThat(formFor(SERIOUS)).contains(CaseDiscipline.WARNING);
    }

    @Test
    void severalSeriousCasesCallForDismissal() {
        assertThat(formFor(SERIOUS, SERIOUS)).contains(CaseDiscipline.DISMISSAL);
    }

    @Test
    void oneVerySeriousCaseCallsForDismissal() {
        assertThat(formFor(VERY_SERIOUS)).contains(CaseDiscipline.DISMISSAL);
    }

    @Test
    void oneEspeciallySeriousCaseCallsForDismissal() {
        assertThat(formFor(ESPECIALLY_SERIOUS)).contains(CaseDiscipline.DISMISSAL);
    }

    @Test
    void theMostSevereLineWinsAndClassesAreNotAddedUp() {
        // One SERIOUS (WARNING) with one LESS_SERIOUS (REPRIMAND): WARNING, not the DISMISSAL of "several SERIOUS".
        assertThat(formFor(LESS_SERIOUS, SERIOUS)).contains(CaseDiscipline.WARNING);
        assertThat(formFor(LESS_SERIOUS, LESS_SERIOUS, SERIOUS)).contains(CaseDiscipline.WARNING);
        assertThat(formFor(LESS_SERIOUS, LESS_SERIOUS, VERY_SERIOUS)).contains(CaseDiscipline.DISMISSAL);
        assertThat(formFor(SERIOUS, LESS_SERIOUS, SERIOUS)).contains(CaseDiscipline.DISMISSAL);
    }

    @Test
    void theOrderOfTheCasesDoesNotMatter() {
        assertThat(formFor(ESPECIALLY_SERIOUS, LESS_SERIOUS)).isEqualTo(formFor(LESS_SERIOUS, ESPECIALLY_SERIOUS));
    }

    @Test
    void aConcludedCaseWithoutSeverityIsARuleBug() {
        assertThatThrownBy(() -> CaseDiscipline.forCases(java.util.Arrays.asList(LESS_SERIOUS, null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("severity");
    }
}
