package io.directiverules.testkit.generate;

import io.directiverules.core.Facts;
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

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Generates the facts of a fictional ministry of any size, the same for the same seed and knobs on any
 * machine: for benchmarks, load tests and demonstrations.
 *
 * <pre>{@code
 * MinistryGenerator generator = MinistryGenerator.builder().officials(100_000).seed(7).build();
 * generator.writeJson(Path.of("ministry.json"));   // streamed: memory stays flat at any size
 * Facts small = MinistryGenerator.builder().officials(2_000).build().facts();
 * }</pre>
 *
 * <p>Proportions (for the defaults; see docs/performance.md): about twenty officials a unit in a tree of
 * three to four levels; seven in ten officials declare annually; a third of the others hold rotation-bound
 * posts; each unit that plans has two years of plans with tasks, disseminations, reports and rotation plans.
 * Fifteen percent of the units are lax, and in those a quarter of the obligations are missed or late, in
 * every area of the catalogue; the other units comply. Deadlines follow the module's default parameters.
 * The facts are made to be evaluated on {@link #asOf()} (default 2025-07-31, the sample's date).
 */
public final class MinistryGenerator {
    /** The fact lists in facts-document order. */
    public static final List<String> LISTS = List.of("units", "officials", "assessments", "plans", "disseminations",
            "declarations", "assetChanges", "verificationPlans", "rotationPlans", "rotations", "gifts", "conflicts",
            "inspectionPlans", "cases", "reports");

    private final World world;

    private MinistryGenerator(World world) {
        this.world = world;
    }

    /** A builder with the defaults: 10,000 officials, seed 1, as of 2025-07-31. */
    public static Builder builder() {
        return new Builder();
    }

    /** The evaluation date the facts are made for. */
    public LocalDate asOf() {
        return world.asOf;
    }

    /** The number of officials. */
    public int officials() {
        return world.layout.officials;
    }

    /** The number of units. */
    public int units() {
        return world.layout.size();
    }

    /** Hands every fact to {@code sink}, list by list; returns the number of facts of each list. */
    public Map<String, Integer> generate(FactSink sink) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        UnitLayout layout = world.layout;
        for (String list : LISTS) {
            int[] count = {0};
            sink.begin(list);
            Consumer<Object> out = fact -> {
                sink.fact(fact);
                count[0]++;
            };
            switch (list) {
                case "units" -> layout.units.forEach(out);
                case "officials" -> {
                    for (int i = 0; i < layout.officials; i++) {
                        out.accept(OfficialStory.official(world, i));
                    }
                }
                case "declarations", "assetChanges", "rotations", "gifts", "conflicts" -> {
                    for (int i = 0; i < layout.officials; i++) {
                        officialFacts(OfficialStory.of(world, i), list).forEach(out);
                    }
                }
                case "verificationPlans" -> UnitStory.verificationPlans(world, out);
                case "inspectionPlans" -> UnitStory.inspectionPlans(world, out);
                default -> {
                    for (int u = 0; u < layout.size(); u++) {
                        if (layout.mustPlan(u)) {
                            unitFacts(u, list, out);
                        }
                    }
                }
            }
            sink.end(list);
            counts.put(list, count[0]);
        }
        return Collections.unmodifiableMap(counts);
    }

    private static List<?> officialFacts(OfficialStory story, String list) {
        return switch (list) {
            case "declarations" -> story.declarations;
            case "assetChanges" -> story.assetChanges;
            case "rotations" -> story.rotations;
            case "gifts" -> story.gifts;
            default -> story.conflicts;
        };
    }

    private void unitFacts(int u, String list, Consumer<Object> out) {
        switch (list) {
            case "assessments" -> UnitStory.assessments(world, u, out);
            case "plans" -> UnitStory.plans(world, u, out);
            case "disseminations" -> UnitStory.disseminations(world, u, out);
            case "rotationPlans" -> UnitStory.rotationPlans(world, u, out);
            case "cases" -> UnitStory.cases(world, u, out);
            case "reports" -> UnitStory.reports(world, u, out);
            default -> throw new IllegalStateException("no unit facts of " + list);
        }
    }

    /** Writes the facts as a JSON facts document to {@code out} (left open); returns the counts per list. */
    public Map<String, Integer> writeJson(OutputStream out) {
        try (JsonFactWriter writer = new JsonFactWriter(out)) {
            return generate(writer);
        }
    }

    /** Writes the facts as a JSON facts document to {@code file}; returns the counts per list. */
    public Map<String, Integer> writeJson(Path file) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            return writeJson(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The facts in memory, validated as a facts file would be. */
    public Facts facts() {
        Map<String, List<Object>> lists = new LinkedHashMap<>();
        generate(new FactSink() {
            private List<Object> current;

            @Override
            public void begin(String list) {
                current = new ArrayList<>();
                lists.put(list, current);
            }

            @Override
            public void fact(Object fact) {
                current.add(fact);
            }
        });
        return Facts.builder()
                .units(cast(lists.get("units"), Unit.class))
                .officials(cast(lists.get("officials"), Official.class))
                .assessments(cast(lists.get("assessments"), Assessment.class))
                .plans(cast(lists.get("plans"), Plan.class))
                .disseminations(cast(lists.get("disseminations"), Dissemination.class))
                .declarations(cast(lists.get("declarations"), Declaration.class))
                .assetChanges(cast(lists.get("assetChanges"), AssetChange.class))
                .verificationPlans(cast(lists.get("verificationPlans"), VerificationPlan.class))
                .rotationPlans(cast(lists.get("rotationPlans"), RotationPlan.class))
                .rotations(cast(lists.get("rotations"), Rotation.class))
                .gifts(cast(lists.get("gifts"), Gift.class))
                .conflicts(cast(lists.get("conflicts"), Conflict.class))
                .inspectionPlans(cast(lists.get("inspectionPlans"), InspectionPlan.class))
                .cases(cast(lists.get("cases"), CorruptionCase.class))
                .reports(cast(lists.get("reports"), PeriodicReport.class))
                .build();
    }

    private static <T> List<T> cast(List<Object> facts, Class<T> type) {
        return facts.stream().map(type::cast).toList();
    }

    /** Size and seed of a generated ministry. */
    public static final class Builder {
        private int officials = 10_000;
        private long seed = 1;
        private LocalDate asOf = LocalDate.of(2025, 7, 31);
        private int officialsPerUnit = 20;
        private double laxUnitShare = 0.15;
        private double failureRate = 0.25;

        private Builder() {
        }

        /** The number of officials (at least 50); every other count follows from it. */
        public Builder officials(int count) {
            if (count < 50) {
                throw new IllegalArgumentException("at least 50 officials: " + count);
            }
            this.officials = count;
            return this;
        }

        /** The seed: the same seed and knobs give the same facts. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** The evaluation date the facts are made for; the two years up to it are generated. */
        public Builder asOf(LocalDate day) {
            this.asOf = java.util.Objects.requireNonNull(day, "asOf");
            return this;
        }

        /** The average number of officials a unit (default 20). */
        public Builder officialsPerUnit(int count) {
            if (count < 2) {
                throw new IllegalArgumentException("at least 2 officials a unit: " + count);
            }
            this.officialsPerUnit = count;
            return this;
        }

        /** The share of units that miss obligations (default 0.15); 0 makes a fully compliant ministry. */
        public Builder laxUnitShare(double share) {
            this.laxUnitShare = checkShare(share);
            return this;
        }

        /** The share of a lax unit's obligations that are missed or late (default 0.25). */
        public Builder failureRate(double share) {
            this.failureRate = checkShare(share);
            return this;
        }

        private static double checkShare(double share) {
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException("a share is between 0 and 1: " + share);
            }
            return share;
        }

        /** The generator; the unit tree is laid out now (small), the rest on demand. */
        public MinistryGenerator build() {
            return new MinistryGenerator(new World(seed, asOf,
                    new UnitLayout(seed, officials, officialsPerUnit, laxUnitShare), failureRate));
        }
    }
}
