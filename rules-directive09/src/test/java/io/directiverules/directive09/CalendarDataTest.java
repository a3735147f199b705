package io.directiverules.directive09;

import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.ComplianceReport;
import io.directiverules.core.DatedValue;
import io.directiverules.core.Facts;
import io.directiverules.core.Language;
import io.directiverules.core.ParameterDefinition;
import io.directiverules.core.ParameterType;
import io.directiverules.core.model.Gift;
import io.directiverules.core.model.Official;
import io.directiverules.core.model.Unit;
import io.directiverules.core.model.UnitKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in working-day calendar ({@code parameters/calendar.yaml}) and the note on years without data. */
class CalendarDataTest {
    private static final List<MonthDay> FIXED_HOLIDAYS = List.of(MonthDay.of(1, 1), MonthDay.of(4, 30),
            MonthDay.of(5, 1), MonthDay.of(9, 2));

    private static Map<Integer, List<LocalDate>> daysOff;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readCalendar() {
        daysOff = new TreeMap<>();
        for (ParameterDefinition definition : new Directive09Module().parameters()) {
            if (definition.key().matches("holidays\\.\\d{4}")) {
                assertThat(definition.type()).as(definition.key()).isEqualTo(ParameterType.DATE_LIST);
                assertThat(definition.values()).as(definition.key()).hasSize(1);
                DatedValue value = definition.values().get(0);
                assertThat(value.reference()).as(definition.key() + " reference").isNotBlank();
                List<Object> raw = (List<Object>) value.value();
                daysOff.put(Integer.parseInt(definition.key().substring(9)),
                        raw.stream().map(d -> d instanceof LocalDate date ? date : LocalDate.parse(d.toString()))
                                .toList());
            }
        }
    }

    @Test
    void coversTheYears2023To2027() {
        assertThat(daysOff.keySet()).containsExactly(2023, 2024, 2025, 2026, 2027);
    }

    @Test
    void everyListedDateIsAWeekdayOfItsOwnYear() {
        daysOff.forEach((year, dates) -> assertThat(dates).as("holidays.%d", year).allSatisfy(date -> {
            assertThat(date.getYear()).as("%s in holidays.%d", date, year).isEqualTo(year);
            assertThat(date.getDayOfWeek()).as("%s in holidays.%d", date, year)
                    .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        }));
    }

    @Test
    void noDateIsListedTwice() {
        daysOff.forEach((year, dates) -> assertThat(dates).as("holidays.%d", year).doesNotHaveDuplicates()
                .hasSameSizeAs(new HashSet<>(dates)));
    }

    @Test
    void tetOf2024And2025IsPresent() {
        assertThat(daysOff.get(2024)).contains(LocalDate.of(2024, 2, 8), LocalDate.of(2024, 2, 9),
                LocalDate.of(2024, 2, 12), LocalDate.of(2024, 2, 13), LocalDate.of(2024, 2, 14));
        assertThat(daysOff.get(2025)).contains(LocalDate.of(2025, 1, 27), LocalDate.of(2025, 1, 28),
                LocalDate.of(2025, 1, 29), LocalDate.of(2025, 1, 30), LocalDate.of(2025, 1, 31));
    }

    @Test
    void everyFixedDateHolidayOnAWeekdayIsListed() {
        // Labour Code 2019 Art. 112: New Year's Day, 30 April, 1 May and National Day (2 September).
        daysOff.forEach((year, dates) -> FIXED_HOLIDAYS.stream().map(md -> md.atYear(year))
                .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)
                .forEach(d -> assertThat(dates).as("holidays.%d", year).contains(d)));
    }

    @Test
    void everyYearHasTheElevenStatutoryDaysOffAtLeast() {
        // 11 days a year under Art. 112 (1 + 5 Tet + 1 + 1 + 1 + 2), each on a weekday or compensated.
        daysOff.forEach((year, dates) -> assertThat(dates).as("holidays.%d", year).hasSizeGreaterThanOrEqualTo(11));
    }

    @Test
    void aYearWithoutDataCountsWeekendsOnlyAndTheReportSaysSo() {
        ComplianceEngine engine = ComplianceEngine.builder().module(new Directive09Module())
                .parameter("evaluation.fromYear", 2028).build();
        Facts facts = Facts.builder()
                .unit(new Unit("U1", "Vụ Kế hoạch", UnitKind.DEPARTMENT, null, null))
                .official(new Official("O1", "Nguyễn Văn An", "U1", null, null, false, null, false, false, false,
                        null, null))
                // Fri 1 Sep 2028: with weekends only, the 5th working day after it is Fri 8 Sep.
                .gift(new Gift("G1", "O1", LocalDate.of(2028, 9, 1), null, null, null, null))
                .build();

        ComplianceReport report = engine.evaluate(facts, LocalDate.of(2028, 9, 9), Language.EN);
        ComplianceReport vietnamese = engine.evaluate(facts, LocalDate.of(2028, 9, 9), Language.VI);

        assertThat(report.violationsOf("D09-GIFT-01")).singleElement()
                .satisfies(v -> assertThat(v.dueOn()).isEqualTo(LocalDate.of(2028, 9, 8)));
        assertThat(report.notes()).contains("No holiday data for 2028: working days there count weekends only.");
        assertThat(vietnamese.notes()).anySatisfy(note -> assertThat(note).contains("2028").contains("thứ Bảy"));
    }

    @Test
    void aYearWithDataHasNoNote() {
        ComplianceEngine engine = ComplianceEngine.builder().module(new Directive09Module())
                .parameter("evaluation.fromYear", 2025).build();
        Facts facts = Facts.builder()
                .unit(new Unit("U1", "Vụ Kế hoạch", UnitKind.DEPARTMENT, null, null))
                .official(new Official("O1", "Nguyễn Văn An", "U1", null, null, false, null, false, false, false,
                        null, null))
                .gift(new Gift("G1", "O1", LocalDate.of(2025, 8, 29), null, null, null, null))
                .build();

        ComplianceReport report = engine.evaluate(facts, LocalDate.of(2025, 9, 10), Language.EN);

        assertThat(report.violationsOf("D09-GIFT-01")).singleElement()
                .satisfies(v -> assertThat(v.dueOn()).isEqualTo(LocalDate.of(2025, 9, 9)));
        assertThat(report.notes()).noneMatch(note -> note.contains("holiday"));
    }
}
