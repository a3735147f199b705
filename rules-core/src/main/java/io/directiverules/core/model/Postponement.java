package io.directiverules.core.model;

import java.time.LocalDate;

/**
 * A period during which an official's rotation is postponed.
 *
 * @param reason the Dec59 Art. 39 reason
 * @param from first day of the period
 * @param to last day of the period
 */
public record Postponement(@Required PostponementReason reason, @Required LocalDate from, @Required LocalDate to) {

    /** Whether the period covers {@code day}, both ends included. */
    public boolean covers(LocalDate day) {
        return from != null && to != null && !day.isBefore(from) && !day.isAfter(to);
    }
}
