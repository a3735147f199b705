package io.directiverules.core.model;

import java.time.LocalDate;

/**
 * A corruption or negative-practice case in a unit.
 *
 * @param id unique id
 * @param unitId the unit where it happened
 * @param detectedOn when it was detected
 * @param detectedBy who detected it
 * @param criminalSigns whether it shows signs of a crime
 * @param criminalSignsFoundOn when those signs were found
 * @param transferredOn when it was transferred to the investigation agency
 * @param concludedOn when it was concluded
 * @param severity severity of the penalty, required once concluded
 * @param headReviewedOn when the unit head's responsibility was reviewed
 */
public record CorruptionCase(@Required String id, @Required String unitId, @Required LocalDate detectedOn,
                             @Required DetectionSource detectedBy, boolean criminalSigns,
                             LocalDate criminalSignsFoundOn, LocalDate transferredOn, LocalDate concludedOn,
                             CaseSeverity severity, LocalDate headReviewedOn) implements Identified {
}
