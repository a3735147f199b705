package io.directiverules.core.rule;

/**
 * A year whose obligations this evaluation judges: from {@code evaluation.fromYear} to the year of the
 * evaluation date. The engine inserts one per year, so rules can join on it.
 *
 * @param year the year
 */
public record JudgedYear(int year) {
}
