package io.directiverules.directive09;

import io.directiverules.core.model.AssetChange;

import java.time.LocalDate;
import java.util.List;

/**
 * The day an official's asset changes of a year reached the supplementary threshold (D09-DECL-03), as
 * {@link DeclarationMath#supplementaryThresholdReached} finds it. Amounts are personal data: nothing logs them.
 *
 * @param year the year of the changes
 * @param reachedOn the first day their running total reached the threshold in force that day
 * @param changes the changes dated on or before that day, which made up the total
 */
public record ThresholdReached(int year, LocalDate reachedOn, List<AssetChange> changes) {
    /** Copies the changes: the record is handed to rules and must not change under them. */
    public ThresholdReached {
        changes = List.copyOf(changes);
    }
}
