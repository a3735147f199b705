package io.directiverules.core.model;

import java.time.LocalDate;

/**
 * A gift an official received and could not refuse.
 *
 * @param id unique id
 * @param officialId the receiving official
 * @param receivedOn when it was received
 * @param reportedOn when it was reported
 * @param handedInOn when it was handed in
 * @param giver who gave it
 * @param valueVnd its value in VND
 */
public record Gift(@Required String id, @Required String officialId, @Required LocalDate receivedOn,
                   LocalDate reportedOn, LocalDate handedInOn, String giver, Long valueVnd) implements Identified {
}
