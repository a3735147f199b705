package io.directiverules.core;

import java.time.LocalDate;

/**
 * A parameter value in force from {@code from} to {@code to}, both included; an open end is {@code null}.
 *
 * @param from first day in force, or {@code null} for always before
 * @param to last day in force, or {@code null} for always after
 * @param value the value, of the Java type its {@link ParameterType} names
 * @param reference the legal basis or policy source of this value, or {@code null}
 */
public record DatedValue(LocalDate from, LocalDate to, Object value, String reference) {

    /** Whether this value is in force on {@code day}. */
    public boolean inForceOn(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }
}
