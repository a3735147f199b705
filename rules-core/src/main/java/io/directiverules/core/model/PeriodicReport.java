package io.directiverules.core.model;

import java.time.LocalDate;

/**
 * A unit's periodic report to the Inspectorate.
 *
 * @param unitId the reporting unit
 * @param year the year
 * @param period the period of that year
 * @param submittedOn submission date, or {@code null}
 */
public record PeriodicReport(@Required String unitId, @Required Integer year, @Required ReportPeriod period,
                             LocalDate submittedOn) {
}
