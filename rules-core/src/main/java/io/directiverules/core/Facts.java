package io.directiverules.core;

import io.directiverules.core.internal.FactsValidator;
import io.directiverules.core.model.Assessment;
import io.directiverules.core.model.AssetChange;
import io.directiverules.core.model.Conflict;
import io.directiverules.core.model.CorruptionCase;
import io.directiverules.core.model.Declaration;
import io.directiverules.core.model.Dissemination;
import io.directiverules.core.model.Gift;
import io.directiverules.core.model.InspectionPlan;
import io.directiverules.core.model.Official;
import io.directiverules.core.model.PeriodicReport;
import io.directiverules.core.model.Plan;
import io.directiverules.core.model.Rotation;
import io.directiverules.core.model.RotationPlan;
import io.directiverules.core.model.Unit;
import io.directiverules.core.model.VerificationPlan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An immutable, validated set of facts about a ministry: one list per fact type of facts-format.md.
 *
 * <p>Build it with {@link #builder()}; {@link Builder#build()} runs the same validation as reading a
 * facts file and throws {@link InvalidInputException} listing every error.
 */
public final class Facts {
    private final List<Unit> units;
    private final List<Official> officials;
    private final List<Assessment> assessments;
    private final List<Plan> plans;
    private final List<Dissemination> disseminations;
    private final List<Declaration> declarations;
    private final List<AssetChange> assetChanges;
    private final List<VerificationPlan> verificationPlans;
    private final List<RotationPlan> rotationPlans;
    private final List<Rotation> rotations;
    private final List<Gift> gifts;
    private final List<Conflict> conflicts;
    private final List<InspectionPlan> inspectionPlans;
    private final List<CorruptionCase> cases;
    private final List<PeriodicReport> reports;
    private final List<LocalDate> holidays;
    private final Map<String, Unit> unitsById;
    private final Map<String, Official> officialsById;

    private Facts(Builder b) {
        units = copy(b.units);
        officials = copy(b.officials);
        assessments = copy(b.assessments);
        plans = copy(b.plans);
        disseminations = copy(b.disseminations);
        declarations = copy(b.declarations);
        assetChanges = copy(b.assetChanges);
        verificationPlans = copy(b.verificationPlans);
        rotationPlans = copy(b.rotationPlans);
        rotations = copy(b.rotations);
        gifts = copy(b.gifts);
        conflicts = copy(b.conflicts);
        inspectionPlans = copy(b.inspectionPlans);
        cases = copy(b.cases);
        reports = copy(b.reports);
        holidays = copy(b.holidays);
        unitsById = index(units, Unit::id);
        officialsById = index(officials, Official::id);
    }

    /** An unmodifiable copy that keeps null entries, so validation can report them by index. */
    private static <T> List<T> copy(List<T> list) {
        return Collections.unmodifiableList(new ArrayList<>(list));
    }

    private static <T> Map<String, T> index(List<T> list, Function<T, String> id) {
        return Collections.unmodifiableMap(list.stream().filter(t -> t != null && id.apply(t) != null)
                .collect(Collectors.toMap(id, Function.identity(), (first, later) -> first, LinkedHashMap::new)));
    }

    /** A builder for a new fact set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A fact set with no facts. */
    public static Facts empty() {
        return builder().build();
    }

    /** A builder holding a copy of this fact set, to add to or change. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.units.addAll(units);
        b.officials.addAll(officials);
        b.assessments.addAll(assessments);
        b.plans.addAll(plans);
        b.disseminations.addAll(disseminations);
        b.declarations.addAll(declarations);
        b.assetChanges.addAll(assetChanges);
        b.verificationPlans.addAll(verificationPlans);
        b.rotationPlans.addAll(rotationPlans);
        b.rotations.addAll(rotations);
        b.gifts.addAll(gifts);
        b.conflicts.addAll(conflicts);
        b.inspectionPlans.addAll(inspectionPlans);
        b.cases.addAll(cases);
        b.reports.addAll(reports);
        b.holidays.addAll(holidays);
        return b;
    }

    /** The unit with this id, if any. */
    public Optional<Unit> unit(String id) {
        return Optional.ofNullable(unitsById.get(id));
    }

    /** The official with this id, if any. */
    public Optional<Official> official(String id) {
        return Optional.ofNullable(officialsById.get(id));
    }

    /** Units of the ministry tree. */
    public List<Unit> units() {
        return units;
    }

    /** Officials. */
    public List<Official> officials() {
        return officials;
    }

    /** Units' assessments of their anti-corruption work. */
    public List<Assessment> assessments() {
        return assessments;
    }

    /** Annual anti-corruption plans. */
    public List<Plan> plans() {
        return plans;
    }

    /** Dissemination sessions. */
    public List<Dissemination> disseminations() {
        return disseminations;
    }

    /** Asset and income declarations. */
    public List<Declaration> declarations() {
        return declarations;
    }

    /** Changes in officials' assets or income. */
    public List<AssetChange> assetChanges() {
        return assetChanges;
    }

    /** Verification plans of the asset control agency. */
    public List<VerificationPlan> verificationPlans() {
        return verificationPlans;
    }

    /** Job-rotation plans. */
    public List<RotationPlan> rotationPlans() {
        return rotationPlans;
    }

    /** Rotations that took place or are scheduled. */
    public List<Rotation> rotations() {
        return rotations;
    }

    /** Gifts that could not be refused. */
    public List<Gift> gifts() {
        return gifts;
    }

    /** Conflicts of interest. */
    public List<Conflict> conflicts() {
        return conflicts;
    }

    /** Inspection plans. */
    public List<InspectionPlan> inspectionPlans() {
        return inspectionPlans;
    }

    /** Corruption or negative-practice cases. */
    public List<CorruptionCase> cases() {
        return cases;
    }

    /** Periodic reports to the Inspectorate. */
    public List<PeriodicReport> reports() {
        return reports;
    }

    /** Days off given with the facts; they replace the built-in calendar for the years they fall in. */
    public List<LocalDate> holidays() {
        return holidays;
    }

    /** Every fact list by its name in the facts document, in document order ({@code holidays} excluded). */
    public Map<String, List<?>> lists() {
        Map<String, List<?>> lists = new LinkedHashMap<>();
        lists.put("units", units);
        lists.put("officials", officials);
        lists.put("assessments", assessments);
        lists.put("plans", plans);
        lists.put("disseminations", disseminations);
        lists.put("declarations", declarations);
        lists.put("assetChanges", assetChanges);
        lists.put("verificationPlans", verificationPlans);
        lists.put("rotationPlans", rotationPlans);
        lists.put("rotations", rotations);
        lists.put("gifts", gifts);
        lists.put("conflicts", conflicts);
        lists.put("inspectionPlans", inspectionPlans);
        lists.put("cases", cases);
        lists.put("reports", reports);
        return Collections.unmodifiableMap(lists);
    }

    /** The total number of facts (list elements, tasks and holidays excluded). */
    public int size() {
        return lists().values().stream().mapToInt(List::size).sum();
    }

    /** Collects facts and validates them as a whole on {@link #build()}. */
    public static final class Builder {
        private final List<Unit> units = new ArrayList<>();
        private final List<Official> officials = new ArrayList<>();
        private final List<Assessment> assessments = new ArrayList<>();
        private final List<Plan> plans = new ArrayList<>();
        private final List<Dissemination> disseminations = new ArrayList<>();
        private final List<Declaration> declarations = new ArrayList<>();
        private final List<AssetChange> assetChanges = new ArrayList<>();
        private final List<VerificationPlan> verificationPlans = new ArrayList<>();
        private final List<RotationPlan> rotationPlans = new ArrayList<>();
        private final List<Rotation> rotations = new ArrayList<>();
        private final List<Gift> gifts = new ArrayList<>();
        private final List<Conflict> conflicts = new ArrayList<>();
        private final List<InspectionPlan> inspectionPlans = new ArrayList<>();
        private final List<CorruptionCase> cases = new ArrayList<>();
        private final List<PeriodicReport> reports = new ArrayList<>();
        private final List<LocalDate> holidays = new ArrayList<>();
        private String source;

        private Builder() {
        }

        /** Names the file these facts came from, so errors can name it. */
        public Builder source(String file) {
            this.source = file;
            return this;
        }

        /** Adds units. */
        public Builder units(List<Unit> more) {
            units.addAll(more);
            return this;
        }

        /** Adds units. */
        public Builder unit(Unit... more) {
            return units(List.of(more));
        }

        /** Adds officials. */
        public Builder officials(List<Official> more) {
            officials.addAll(more);
            return this;
        }

        /** Adds officials. */
        public Builder official(Official... more) {
            return officials(List.of(more));
        }

        /** Adds assessments. */
        public Builder assessments(List<Assessment> more) {
            assessments.addAll(more);
            return this;
        }

        /** Adds assessments. */
        public Builder assessment(Assessment... more) {
            return assessments(List.of(more));
        }

        /** Adds plans. */
        public Builder plans(List<Plan> more) {
            plans.addAll(more);
            return this;
        }

        /** Adds plans. */
        public Builder plan(Plan... more) {
            return plans(List.of(more));
        }

        /** Adds disseminations. */
        public Builder disseminations(List<Dissemination> more) {
            disseminations.addAll(more);
            return this;
        }

        /** Adds disseminations. */
        public Builder dissemination(Dissemination... more) {
            return disseminations(List.of(more));
        }

        /** Adds declarations. */
        public Builder declarations(List<Declaration> more) {
            declarations.addAll(more);
            return this;
        }

        /** Adds declarations. */
        public Builder declaration(Declaration... more) {
            return declarations(List.of(more));
        }

        /** Adds asset changes. */
        public Builder assetChanges(List<AssetChange> more) {
            assetChanges.addAll(more);
            return this;
        }

        /** Adds asset changes. */
        public Builder assetChange(AssetChange... more) {
            return assetChanges(List.of(more));
        }

        /** Adds verification plans. */
        public Builder verificationPlans(List<VerificationPlan> more) {
            verificationPlans.addAll(more);
            return this;
        }

        /** Adds verification plans. */
        public Builder verificationPlan(VerificationPlan... more) {
            return verificationPlans(List.of(more));
        }

        /** Adds rotation plans. */
        public Builder rotationPlans(List<RotationPlan> more) {
            rotationPlans.addAll(more);
            return this;
        }

        /** Adds rotation plans. */
        public Builder rotationPlan(RotationPlan... more) {
            return rotationPlans(List.of(more));
        }

        /** Adds rotations. */
        public Builder rotations(List<Rotation> more) {
            rotations.addAll(more);
            return this;
        }

        /** Adds rotations. */
        public Builder rotation(Rotation... more) {
            return rotations(List.of(more));
        }

        /** Adds gifts. */
        public Builder gifts(List<Gift> more) {
            gifts.addAll(more);
            return this;
        }

        /** Adds gifts. */
        public Builder gift(Gift... more) {
            return gifts(List.of(more));
        }

        /** Adds conflicts of interest. */
        public Builder conflicts(List<Conflict> more) {
            conflicts.addAll(more);
            return this;
        }

        /** Adds conflicts of interest. */
        public Builder conflict(Conflict... more) {
            return conflicts(List.of(more));
        }

        /** Adds inspection plans. */
        public Builder inspectionPlans(List<InspectionPlan> more) {
            inspectionPlans.addAll(more);
            return this;
        }

        /** Adds inspection plans. */
        public Builder inspectionPlan(InspectionPlan... more) {
            return inspectionPlans(List.of(more));
        }

        /** Adds cases. */
        public Builder cases(List<CorruptionCase> more) {
            cases.addAll(more);
            return this;
        }

        /** Adds cases. */
        public Builder addCase(CorruptionCase... more) {
            return cases(List.of(more));
        }

        /** Adds periodic reports. */
        public Builder reports(List<PeriodicReport> more) {
            reports.addAll(more);
            return this;
        }

        /** Adds periodic reports. */
        public Builder report(PeriodicReport... more) {
            return reports(List.of(more));
        }

        /** Adds days off; once any are given they replace the built-in calendar for their years. */
        public Builder holidays(List<LocalDate> more) {
            holidays.addAll(more);
            return this;
        }

        /**
         * Validates the facts as a whole and builds them.
         *
         * @throws InvalidInputException listing every error when any is found
         */
        public Facts build() {
            Facts facts = new Facts(this);
            List<InputError> errors = FactsValidator.problems(facts, java.util.Set.of()).stream()
                    .map(FactsValidator.Problem::error).toList();
            if (!errors.isEmpty()) {
                throw new InvalidInputException(source == null ? errors
                        : errors.stream().map(e -> e.inSource(source)).toList());
            }
            return facts;
        }

        /**
         * Builds the facts, leaving out every record that has an error and, in turn, every record that
         * refers to one left out. Each error is handed to {@code skipped}; indexes in the errors are those
         * of the input.
         */
        public Facts buildSkippingInvalid(java.util.function.Consumer<InputError> skipped) {
            Facts all = new Facts(this);
            java.util.Set<Object> excluded = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            while (true) {
                List<FactsValidator.Problem> problems = FactsValidator.problems(all, excluded);
                if (problems.isEmpty()) {
                    break;
                }
                for (FactsValidator.Problem problem : problems) {
                    skipped.accept(source == null ? problem.error() : problem.error().inSource(source));
                    excluded.add(problem.record());
                }
            }
            return all.without(excluded);
        }
    }

    private Facts without(java.util.Set<Object> excluded) {
        if (excluded.isEmpty()) {
            return this;
        }
        Builder kept = new Builder();
        java.util.function.Predicate<Object> keep = record -> !excluded.contains(record);
        units.stream().filter(keep).forEach(kept.units::add);
        officials.stream().filter(keep).forEach(kept.officials::add);
        assessments.stream().filter(keep).forEach(kept.assessments::add);
        plans.stream().filter(keep).forEach(kept.plans::add);
        disseminations.stream().filter(keep).forEach(kept.disseminations::add);
        declarations.stream().filter(keep).forEach(kept.declarations::add);
        assetChanges.stream().filter(keep).forEach(kept.assetChanges::add);
        verificationPlans.stream().filter(keep).forEach(kept.verificationPlans::add);
        rotationPlans.stream().filter(keep).forEach(kept.rotationPlans::add);
        rotations.stream().filter(keep).forEach(kept.rotations::add);
        gifts.stream().filter(keep).forEach(kept.gifts::add);
        conflicts.stream().filter(keep).forEach(kept.conflicts::add);
        inspectionPlans.stream().filter(keep).forEach(kept.inspectionPlans::add);
        cases.stream().filter(keep).forEach(kept.cases::add);
        reports.stream().filter(keep).forEach(kept.reports::add);
        holidays.stream().filter(java.util.Objects::nonNull).forEach(kept.holidays::add);
        return new Facts(kept);
    }
}
