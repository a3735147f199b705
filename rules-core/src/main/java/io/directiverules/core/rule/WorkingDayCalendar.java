package io.directiverules.core.rule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Working days: Monday to Friday and not a day off. Days off are known per year; a year with no data
 * counts weekends only, and the calendar remembers having been asked about it so the report can say so.
 */
public final class WorkingDayCalendar {
    private final Map<Integer, Set<LocalDate>> daysOffByYear;
    private final SortedSet<Integer> yearsWithoutData = new ConcurrentSkipListSet<>();

    /** A calendar with these days off per year; years absent from the map have no data. */
    public WorkingDayCalendar(Map<Integer, Set<LocalDate>> daysOffByYear) {
        this.daysOffByYear = Map.copyOf(daysOffByYear);
    }

    /** Whether {@code day} is a working day. */
    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
            return false;
        }
        Set<LocalDate> daysOff = daysOffByYear.get(day.getYear());
        if (daysOff == null) {
            yearsWithoutData.add(day.getYear());
            return true;
        }
        return !daysOff.contains(day);
    }

    /** The {@code n}-th working day after {@code start} ({@code start} itself when {@code n} is 0). */
    public LocalDate workingDaysAfter(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The years asked about for which the calendar had no days off. */
    public SortedSet<Integer> yearsWithoutData() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(yearsWithoutData));
    }
}
