package io.directiverules.core.model;

import java.time.LocalDate;

/**
 * A conflict of interest an official became aware of.
 *
 * @param id unique id
 * @param officialId the official
 * @param knownOn when the official knew of it
 * @param reportedOn when it was reported
 * @param description what it is
 */
public record Conflict(@Required String id, @Required String officialId, @Required LocalDate knownOn,
                       LocalDate reportedOn, String description) implements Identified {
}
