package io.directiverules.core.model;

import java.time.LocalDate;

/**
 * A change in an official's assets or income known to the unit.
 *
 * @param officialId the official
 * @param changedOn when the change happened
 * @param amountVnd the amount in VND (personal data)
 * @param description what changed
 */
public record AssetChange(@Required String officialId, @Required LocalDate changedOn, @Required Long amountVnd,
                          String description) {
}
