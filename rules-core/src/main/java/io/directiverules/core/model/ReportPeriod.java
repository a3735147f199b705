package io.directiverules.core.model;

import java.time.LocalDate;
import java.time.MonthDay;

/** Reporting periods of Circ02 Art. 3, each ending on a fixed day of the year. */
public enum ReportPeriod {
    Q1(MonthDay.of(3, 31)), H1(MonthDay.of(6, 30)), Q3(MonthDay.of(9, 30)), YEAR(MonthDay.of(12, 31));

    private final MonthDay end;

    ReportPeriod(MonthDay end) {
        this.end = end;
    }

    /** The last day of this period in {@code year}. */
    public LocalDate endIn(int year) {
        return end.atYear(year);
    }
}
