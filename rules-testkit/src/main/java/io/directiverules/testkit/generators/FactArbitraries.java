package io.directiverules.testkit.generators;

import io.directiverules.core.model.Area;
import io.directiverules.core.model.Assessment;
import io.directiverules.core.model.AssetChange;
import io.directiverules.core.model.CaseSeverity;
import io.directiverules.core.model.Conflict;
import io.directiverules.core.model.CorruptionCase;
import io.directiverules.core.model.Declaration;
import io.directiverules.core.model.DeclarationKind;
import io.directiverules.core.model.DetectionSource;
import io.directiverules.core.model.Dissemination;
import io.directiverules.core.model.Gift;
import io.directiverules.core.model.InspectionPlan;
import io.directiverules.core.model.LegalDocument;
import io.directiverules.core.model.Official;
import io.directiverules.core.model.PeriodicReport;
import io.directiverules.core.model.Plan;
import io.directiverules.core.model.PlanTask;
import io.directiverules.core.model.Postponement;
import io.directiverules.core.model.PostponementReason;
import io.directiverules.core.model.ReportPeriod;
import io.directiverules.core.model.Rotation;
import io.directiverules.core.model.RotationPlan;
import io.directiverules.core.model.Unit;
import io.directiverules.core.model.UnitKind;
import io.directiverules.core.model.VerificationPlan;
import io.directiverules.core.model.VerificationSelection;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/**
 * jqwik arbitraries for every fact type of the facts format, and for whole consistent fact sets
 * ({@link #factSets()}). A single fact is valid on its own (required fields set, dates in order, amounts not
 * negative); the ids it refers to come from small pools ({@code U-1}..{@code U-9}, {@code O-1}..{@code O-30})
 * and exist only in a fact set that holds them. Dates fall between 2020 and 2026.
 *
 * <pre>{@code
 * @Property
 * void anyOfficialIsAccepted(@ForAll("officials") Official official) { ... }
 *
 * @Provide
 * Arbitrary<Official> officials() {
 *     return FactArbitraries.officials();
 * }
 * }</pre>
 *
 * <p>With {@code @Domain(DirectiveDomain.class)} the same arbitraries serve plain {@code @ForAll} parameters.
 */
public final class FactArbitraries {
    private static final LocalDate FIRST = LocalDate.of(2020, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 12, 31);

    private FactArbitraries() {
    }

    /** Whole consistent fact sets; see {@link FactSetArbitrary} for the knobs. */
    public static FactSetArbitrary factSets() {
        return new FactSetArbitrary();
    }

    /** Whole fact sets in which every unit meets every obligation. */
    public static FactSetArbitrary compliantFactSets() {
        return factSets().compliant();
    }

    /** Days from {@code from} to {@code to}, both included. */
    public static Arbitrary<LocalDate> dates(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        if (days < 0) {
            throw new IllegalArgumentException("no day from " + from + " to " + to);
        }
        return Arbitraries.longs().between(0, days).map(from::plusDays);
    }

    /** Every day of {@code year}, such as evaluation dates for {@link FactSetArbitrary#year(int)}. */
    public static Arbitrary<LocalDate> daysOf(int year) {
        return dates(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** Units: any kind, with or without a parent and a head. */
    public static Arbitrary<Unit> units() {
        return Combinators.combine(unitIds(), Arbitraries.of(UnitKind.class), unitIds().injectNull(0.3),
                officialIds().injectNull(0.3)).as((id, kind, parent, head) -> new Unit(id, kind + " " + id, kind,
                        id.equals(parent) ? null : parent, head));
    }

    /** Officials: leaders, declarants, rotation-bound holders, some retiring or with postponements. */
    public static Arbitrary<Official> officials() {
        return Combinators.combine(officialIds(), unitIds(), Arbitraries.integers().between(0, 31),
                Arbitraries.of("FINANCE", "PERSONNEL", "INSPECTION", "PROCUREMENT"), dates(FIRST, LAST),
                dates(FIRST, LAST.plusYears(10)).injectNull(0.8), postponements().list().ofMaxSize(2),
                Arbitraries.longs())
                .as((id, unitId, flags, group, since, retirement, postponements, seed) -> {
                    boolean rotationBound = (flags & 1) != 0;
                    return new Official(id, OfficialFacts.personName(new Random(seed)), unitId, "Chuyên viên",
                            rotationBound ? group : null, rotationBound, since, (flags & 2) != 0, (flags & 4) != 0,
                            (flags & 8) != 0, retirement, postponements);
                });
    }

    /** Rotation postponements, {@code from} on or before {@code to}. */
    public static Arbitrary<Postponement> postponements() {
        return Combinators.combine(Arbitraries.of(PostponementReason.class), dates(FIRST, LAST),
                Arbitraries.integers().between(0, 900))
                .as((reason, from, days) -> new Postponement(reason, from, from.plusDays(days)));
    }

    /** Assessments of a year with up to four weak areas. */
    public static Arbitrary<Assessment> assessments() {
        return Combinators.combine(unitIds(), years(), areas(4)).as(Assessment::new);
    }

    /** Plan tasks, completed or not. */
    public static Arbitrary<PlanTask> planTasks() {
        return Combinators.combine(Arbitraries.integers().between(1, 20), unitIds(), dates(FIRST, LAST),
                Arbitraries.integers().between(-60, 60).injectNull(0.3))
                .as((n, assignee, due, offset) -> new PlanTask("T" + n, assignee, "Nhiệm vụ " + n, due,
                        offset == null ? null : due.plusDays(offset)));
    }

    /** Annual plans, issued or drafts, with tasks of distinct ids. */
    public static Arbitrary<Plan> plans() {
        return Combinators.combine(planIds("P-"), unitIds(), years(), Arbitraries.integers().between(0, 120)
                        .injectNull(0.2), areas(4), planTasks().list().ofMaxSize(5).uniqueElements(PlanTask::id))
                .as((id, unitId, year, day, focus, tasks) -> new Plan(id, unitId, year,
                        day == null ? null : LocalDate.of(year, 1, 1).plusDays(day), focus, tasks));
    }

    /** Dissemination sessions covering one or more documents. */
    public static Arbitrary<Dissemination> disseminations() {
        return Combinators.combine(planIds("DS-"), unitIds(), dates(FIRST, LAST),
                Arbitraries.of(LegalDocument.class).set().ofMinSize(1).ofMaxSize(6).map(s -> s.stream().sorted().toList()),
                Arbitraries.integers().between(0, 500).injectNull(0.2)).as(Dissemination::new);
    }

    /** Declarations of any kind, submitted or not, returned, corrected, received and publicized or not. */
    public static Arbitrary<Declaration> declarations() {
        return Combinators.combine(planIds("D-"), officialIds(), Arbitraries.of(DeclarationKind.class), years(),
                        dates(FIRST, LAST).injectNull(0.2), Arbitraries.longs().between(0, 50_000_000_000L),
                        Arbitraries.integers().between(0, 63), Arbitraries.integers().between(0, 40))
                .as((id, officialId, kind, year, submitted, assets, flags, days) -> {
                    boolean returned = submitted != null && (flags & 1) != 0;
                    LocalDate returnedOn = returned ? submitted.plusDays(1 + days % 5) : null;
                    LocalDate received = submitted != null && (flags & 2) != 0 ? submitted.plusDays(days % 3) : null;
                    LocalDate publicized = received != null && (flags & 4) != 0 ? received.plusDays(days % 10) : null;
                    return new Declaration(id, officialId, kind, year, submitted, assets, assets / 20,
                            (flags & 8) != 0, !returned, returnedOn,
                            returned && (flags & 16) != 0 ? returnedOn.plusDays(days) : null, received, publicized,
                            publicized == null ? null : days, kind == DeclarationKind.PERSONNEL_WORK
                            ? (submitted == null ? LocalDate.of(year, 6, 1) : submitted.plusDays(days - 20)) : null);
                });
    }

    /** Changes in an official's assets, small and large. */
    public static Arbitrary<AssetChange> assetChanges() {
        return Combinators.combine(officialIds(), dates(FIRST, LAST), Arbitraries.longs().between(0, 3_000_000_000L))
                .as((officialId, day, amount) -> new AssetChange(officialId, day, amount, "Biến động tài sản"));
    }

    /** A unit's selection for verification. */
    public static Arbitrary<VerificationSelection> verificationSelections() {
        return Combinators.combine(unitIds(), officialIds().list().ofMaxSize(4).uniqueElements())
                .as(VerificationSelection::new);
    }

    /** Verification plans of an asset control agency. */
    public static Arbitrary<VerificationPlan> verificationPlans() {
        return Combinators.combine(planIds("VP-"), unitIds(), years(), Arbitraries.integers().between(0, 90)
                        .injectNull(0.2), verificationSelections().list().ofMaxSize(3))
                .as((id, agency, year, day, selections) -> new VerificationPlan(id, agency, year,
                        day == null ? null : LocalDate.of(year, 1, 1).plusDays(day), selections));
    }

    /** Rotation plans, issued or drafts, published or not. */
    public static Arbitrary<RotationPlan> rotationPlans() {
        return Combinators.combine(planIds("RP-"), unitIds(), years(), Arbitraries.integers().between(0, 90)
                        .injectNull(0.2), Arbitraries.integers().between(0, 30).injectNull(0.3),
                        officialIds().list().ofMaxSize(4).uniqueElements())
                .as((id, unitId, year, day, published, officials) -> {
                    LocalDate issued = day == null ? null : LocalDate.of(year, 1, 1).plusDays(day);
                    return new RotationPlan(id, unitId, year, issued,
                            issued == null || published == null ? null : issued.plusDays(published), officials);
                });
    }

    /** Rotations done or scheduled. */
    public static Arbitrary<Rotation> rotations() {
        return Combinators.combine(officialIds(), dates(FIRST, LAST))
                .as((officialId, day) -> new Rotation(officialId, day, "Vị trí mới"));
    }

    /** Gifts, reported and handed in on time, late or never. */
    public static Arbitrary<Gift> gifts() {
        return Combinators.combine(planIds("G-"), officialIds(), dates(FIRST, LAST),
                        Arbitraries.integers().between(0, 20).injectNull(0.2),
                        Arbitraries.integers().between(0, 20).injectNull(0.2),
                        Arbitraries.longs().between(0, 50_000_000L))
                .as((id, officialId, received, reported, handedIn, value) -> new Gift(id, officialId, received,
                        reported == null ? null : received.plusDays(reported),
                        handedIn == null ? null : received.plusDays(handedIn), "Doanh nghiệp", value));
    }

    /** Conflicts of interest, reported or not. */
    public static Arbitrary<Conflict> conflicts() {
        return Combinators.combine(planIds("C-"), officialIds(), dates(FIRST, LAST),
                        Arbitraries.integers().between(0, 20).injectNull(0.3))
                .as((id, officialId, known, reported) -> new Conflict(id, officialId, known,
                        reported == null ? null : known.plusDays(reported), "Xung đột lợi ích"));
    }

    /** Inspection plans, covering some of the areas. */
    public static Arbitrary<InspectionPlan> inspectionPlans() {
        return Combinators.combine(planIds("IP-"), unitIds(), years(), Arbitraries.integers().between(0, 90)
                        .injectNull(0.2), areas(6))
                .as((id, unitId, year, day, areas) -> new InspectionPlan(id, unitId, year,
                        day == null ? null : LocalDate.of(year, 1, 1).plusDays(day), areas));
    }

    /** Corruption cases: any source, with or without criminal signs, concluded (with a severity) or not. */
    public static Arbitrary<CorruptionCase> cases() {
        return Combinators.combine(planIds("K-"), unitIds(), dates(FIRST, LAST), Arbitraries.of(DetectionSource.class),
                        Arbitraries.integers().between(0, 15), Arbitraries.integers().between(0, 60),
                        Arbitraries.of(CaseSeverity.class))
                .as((id, unitId, detected, source, flags, days, severity) -> {
                    boolean criminal = (flags & 1) != 0;
                    LocalDate signs = criminal ? detected.plusDays(days / 3) : null;
                    LocalDate concluded = (flags & 2) != 0 ? detected.plusDays(30 + days) : null;
                    return new CorruptionCase(id, unitId, detected, source, criminal, signs,
                            criminal && (flags & 4) != 0 ? signs.plusDays(days) : null, concluded,
                            concluded == null ? null : severity,
                            concluded != null && (flags & 8) != 0 ? concluded.plusDays(days) : null);
                });
    }

    /** Periodic reports, submitted or not. */
    public static Arbitrary<PeriodicReport> reports() {
        return Combinators.combine(unitIds(), years(), Arbitraries.of(ReportPeriod.class),
                        Arbitraries.integers().between(-10, 60).injectNull(0.2))
                .as((unitId, year, period, days) -> new PeriodicReport(unitId, year, period,
                        days == null ? null : period.endIn(year).plusDays(days)));
    }

    private static Arbitrary<String> unitIds() {
        return Arbitraries.integers().between(1, 9).map(i -> "U-" + i);
    }

    private static Arbitrary<String> officialIds() {
        return Arbitraries.integers().between(1, 30).map(i -> "O-" + i);
    }

    private static Arbitrary<String> planIds(String prefix) {
        return Arbitraries.integers().between(1, 99).map(i -> prefix + i);
    }

    private static Arbitrary<Integer> years() {
        return Arbitraries.integers().between(FIRST.getYear(), LAST.getYear());
    }

    private static Arbitrary<List<Area>> areas(int most) {
        // Sorted, so that a seed replays the same list: a set of enums iterates in hash order.
        return Arbitraries.of(Area.class).set().ofMaxSize(most).map(s -> s.stream().sorted().toList());
    }
}
