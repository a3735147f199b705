package io.directiverules.core.rule;

import io.directiverules.core.Actor;
import io.directiverules.core.Facts;
import io.directiverules.core.Parameters;
import io.directiverules.core.model.Official;
import io.directiverules.core.model.UnitKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The context of one evaluation, inserted as a fact so rules can match it ({@code $ctx : Evaluation()}):
 * the evaluation date, the years judged, the parameters, the working-day calendar and who the actors are.
 * Rules read dates from here, never from the system clock.
 */
public final class Evaluation {
    private final LocalDate asOf;
    private final int fromYear;
    private final Parameters parameters;
    private final WorkingDayCalendar calendar;
    private final ActorDirectory actors;
    private final Function<String, Optional<Official>> officials;

    /**
     * Creates the context; the engine does this once per evaluation.
     *
     * @param asOf the evaluation date
     * @param fromYear the first judged year
     * @param parameters resolved parameters
     * @param calendar the working-day calendar
     * @param facts the facts evaluated, to resolve actors
     */
    public Evaluation(LocalDate asOf, int fromYear, Parameters parameters, WorkingDayCalendar calendar, Facts facts) {
        this.asOf = asOf;
        this.fromYear = fromYear;
        this.parameters = parameters;
        this.calendar = calendar;
        this.actors = new ActorDirectory(facts, parameters.text("actors.personnelDepartmentId", asOf).orElse(null));
        this.officials = facts::official;
    }

    /**
     * Creates the context of a long-lived session whose facts change: actors are resolved over {@code units}
     * (the current units, copied) and {@code officials} (a live view of the officials by id).
     *
     * @param asOf the evaluation date
     * @param fromYear the first judged year
     * @param parameters resolved parameters
     * @param calendar the working-day calendar
     * @param units the units, to resolve unit heads and the units of a kind
     * @param officials the official with an id, if any (read when a rule looks an official up)
     */
    public Evaluation(LocalDate asOf, int fromYear, Parameters parameters, WorkingDayCalendar calendar,
                      java.util.Collection<io.directiverules.core.model.Unit> units,
                      Function<String, Optional<Official>> officials) {
        this.asOf = asOf;
        this.fromYear = fromYear;
        this.parameters = parameters;
        this.calendar = calendar;
        this.officials = officials;
        this.actors = new ActorDirectory(units, id -> officials.apply(id).isPresent(),
                parameters.text("actors.personnelDepartmentId", asOf).orElse(null));
    }

    /**
     * The official with this id, looked up rather than matched: for a verdict that only needs the official's
     * unit, as evidence, of a fact that names the official (a declaration, a gift). A join with
     * {@code Official(id == $officialId)} keeps every official in the join's memory, once per rule; at
     * national scale seven such joins cost a sixth of the evaluation. The engine keeps the lookup current for
     * the official's own records (declarations, asset changes, rotations, gifts, conflicts): in an
     * incremental session a change of an official re-judges them. Join {@code Official} instead in a rule
     * over a fact that only lists officials (a rotation or verification plan).
     *
     * @throws IllegalStateException when there is none (the facts' references are checked when read)
     */
    public Official official(String id) {
        return officials.apply(id).orElseThrow(() -> new IllegalStateException("no official with id " + id));
    }

    /** The evaluation date. */
    public LocalDate asOf() {
        return asOf;
    }

    /** The first judged year. */
    public int fromYear() {
        return fromYear;
    }

    /** The last judged year, the year of {@link #asOf()}. */
    public int toYear() {
        return asOf.getYear();
    }

    /** The judged years in order. */
    public List<Integer> judgedYears() {
        return IntStream.rangeClosed(fromYear, toYear()).boxed().toList();
    }

    /** January 1 of {@code year}, the day a yearly obligation starts. */
    public LocalDate firstDayOf(int year) {
        return LocalDate.of(year, 1, 1);
    }

    /** December 31 of {@code year}. */
    public LocalDate lastDayOf(int year) {
        return LocalDate.of(year, 12, 31);
    }

    /** Whether obligations of {@code year} are judged. */
    public boolean judges(int year) {
        return year >= fromYear && year <= toYear();
    }

    /** The parameters. */
    public Parameters parameters() {
        return parameters;
    }

    /** The working-day calendar. */
    public WorkingDayCalendar calendar() {
        return calendar;
    }

    /** Whether the evaluation date is after {@code deadline}: only then can the deadline be missed. */
    public boolean after(LocalDate deadline) {
        return asOf.isAfter(deadline);
    }

    /**
     * Whether a deadline was missed: the evaluation date is after it, and the thing was not done
     * ({@code doneOn} is {@code null}) or was done after it.
     */
    public boolean missed(LocalDate doneOn, LocalDate deadline) {
        return asOf.isAfter(deadline) && (doneOn == null || doneOn.isAfter(deadline));
    }

    /** Whether {@code day} has happened by the evaluation date. */
    public boolean happened(LocalDate day) {
        return day != null && !day.isAfter(asOf);
    }

    /** {@code start} plus the days of parameter {@code key} in force on {@code start}. */
    public LocalDate daysAfter(LocalDate start, String key) {
        return start.plusDays(parameters.integer(key, start));
    }

    /** The {@code n}-th working day after {@code start}, {@code n} being parameter {@code key} on {@code start}. */
    public LocalDate workingDaysAfter(LocalDate start, String key) {
        return calendar.workingDaysAfter(start, parameters.integer(key, start));
    }

    /** The day of {@code year} that month-day parameter {@code key} names (its value in force on Jan 1). */
    public LocalDate dayOfYear(String key, int year) {
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        MonthDay monthDay = parameters.monthDay(key, jan1);
        return monthDay.atYear(year);
    }

    /** Integer parameter {@code key} in force on {@code on}. */
    public int integer(String key, LocalDate on) {
        return parameters.integer(key, on);
    }

    /** Amount parameter {@code key} (VND) in force on {@code on}. */
    public long amount(String key, LocalDate on) {
        return parameters.amount(key, on);
    }

    /** Decimal parameter {@code key} in force on {@code on}. */
    public BigDecimal decimal(String key, LocalDate on) {
        return parameters.decimal(key, on);
    }

    /** Date parameter {@code key} in force on {@code on}, if set. */
    public Optional<LocalDate> date(String key, LocalDate on) {
        return parameters.find(key, on).map(LocalDate.class::cast);
    }

    /** Text-list parameter {@code key} in force on {@code on}. */
    public List<String> textList(String key, LocalDate on) {
        return parameters.textList(key, on);
    }

    /** The date the required actions of this evaluation are due: the evaluation date plus {@code action.dueDays}. */
    public LocalDate actionDueOn() {
        return asOf.plusDays(parameters.integer("action.dueDays", asOf));
    }

    /** The id of whoever {@code actor} is for a violation of {@code unitId} about {@code subjectId}, if known. */
    public Optional<String> resolveActor(Actor actor, String unitId, String subjectId) {
        return actors.resolve(actor, unitId, subjectId);
    }

    /** The unit of {@code kind} in {@code unitId}'s ministry tree (or the only one in the facts), if any. */
    public Optional<String> unitOfKind(UnitKind kind, String unitId) {
        return actors.unitOfKind(kind, unitId);
    }

    /** Whether {@code unitId} is the unit of {@code kind} that acts for its tree. */
    public boolean isActingUnit(UnitKind kind, String unitId) {
        return actors.unitOfKind(kind, unitId).filter(unitId::equals).isPresent();
    }
}
