package io.directiverules.core.model;

import java.time.LocalDate;

/**
 * A rotation that took place or is scheduled.
 *
 * @param officialId the rotated official
 * @param effectiveOn when it takes effect
 * @param toPosition the new position
 */
public record Rotation(@Required String officialId, @Required LocalDate effectiveOn, String toPosition) {
}
