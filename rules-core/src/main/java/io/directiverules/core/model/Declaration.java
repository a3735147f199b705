package io.directiverules.core.model;

import java.time.LocalDate;

/**
 * An asset and income declaration.
 *
 * @param id unique id
 * @param officialId the declaring official
 * @param kind kind of declaration
 * @param year the year it belongs to
 * @param submittedOn submission date, or {@code null} when not submitted
 * @param totalAssets declared total assets in VND (personal data)
 * @param totalIncome declared income of the year in VND (personal data)
 * @param increaseExplained whether the origin of any increase is explained
 * @param complete whether it was complete
 * @param returnedOn date it was returned as incomplete
 * @param correctedOn date it was corrected
 * @param receivedOn date the unit received it
 * @param publicizedOn date it was publicized
 * @param postedDays number of days it stayed posted
 * @param appointmentPlannedOn for {@code PERSONNEL_WORK}: the planned appointment date
 */
public record Declaration(@Required String id, @Required String officialId, @Required DeclarationKind kind,
                          @Required Integer year, LocalDate submittedOn, Long totalAssets, Long totalIncome,
                          boolean increaseExplained, boolean complete, LocalDate returnedOn, LocalDate correctedOn,
                          LocalDate receivedOn, LocalDate publicizedOn, Integer postedDays,
                          LocalDate appointmentPlannedOn) implements Identified {

    /** Whether the declaration was submitted. */
    public boolean submitted() {
        return submittedOn != null;
    }
}
