package io.directiverules.core.internal;

import io.directiverules.core.Facts;
import io.directiverules.core.model.Assessment;
import io.directiverules.core.model.CorruptionCase;
import io.directiverules.core.model.Dissemination;
import io.directiverules.core.model.InspectionPlan;
import io.directiverules.core.model.Official;
import io.directiverules.core.model.PeriodicReport;
import io.directiverules.core.model.Plan;
import io.directiverules.core.model.PlanTask;
import io.directiverules.core.model.RotationPlan;
import io.directiverules.core.model.Unit;
import io.directiverules.core.model.UnitKind;
import io.directiverules.core.model.VerificationPlan;
import io.directiverules.core.model.VerificationSelection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Splits a fact set by top-level unit subtree, for partitioned evaluation.
 *
 * <p>A <em>top-level unit</em> is a child of a root (a unit without a parent); its partition holds the facts
 * of the units in its subtree: the units, their officials and everything filed under those units or
 * officials. The roots (the ministry) are <em>shared</em>: their facts go to every partition, so the
 * ministry's own plan, reports and officials are judged alike everywhere. Verification plans (the asset
 * control agency's, whose selections span the whole tree) are shared too, each partition getting a copy whose
 * selections are only those of its own units and the roots'.
 *
 * <p>Facts that tie two subtrees together other than through a root (a plan task assigned to a unit of
 * another subtree, a rotation plan listing another subtree's official, a verification selection naming
 * officials of another subtree, a top-level unit of kind DIVISION, whose planning unit is the root) cannot be
 * split safely: {@link #split} then says why, and the caller evaluates in one session.
 */
final class FactsPartitioner {
    /** The home of a shared unit (a root), and of a unit id not in the facts. */
    static final int SHARED = -1;

    /** One partition: the top-level unit and the facts lists to insert. */
    record Partition(int index, String topUnitId, List<List<?>> lists, int size) {
    }

    /** The split: partitions and the home partition of every unit; or the reason there is none. */
    record Split(List<Partition> partitions, Map<String, Integer> homes, String refusal) {
        /** The partition a unit's violations are decided in, or {@link #SHARED}. */
        int home(String unitId) {
            return homes.getOrDefault(unitId, SHARED);
        }
    }

    private FactsPartitioner() {
    }

    /** Splits {@code facts} into at most one partition per top-level unit. */
    static Split split(Facts facts) {
        Map<String, Unit> units = new HashMap<>();
        facts.units().forEach(u -> units.put(u.id(), u));
        Map<String, Integer> homes = new HashMap<>();
        List<String> tops = new ArrayList<>();
        for (Unit unit : facts.units()) {
            if (unit.parentId() != null && units.get(unit.parentId()).parentId() == null) {
                if (unit.kind() == UnitKind.DIVISION) {
                    return refuse("top-level unit " + unit.id() + " is a DIVISION: its planning unit is the root");
                }
                homes.put(unit.id(), tops.size());
                tops.add(unit.id());
            }
        }
        if (tops.size() < 2) {
            return refuse("fewer than two top-level units");
        }
        for (Unit unit : facts.units()) {
            homes.computeIfAbsent(unit.id(), id -> homeOf(unit, units, homes));
        }
        Map<String, Integer> officialHomes = new HashMap<>();
        for (Official official : facts.officials()) {
            officialHomes.put(official.id(), homes.getOrDefault(official.unitId(), SHARED));
        }
        String crossing = crossing(facts, homes, officialHomes);
        if (crossing != null) {
            return refuse(crossing);
        }

        int count = tops.size();
        List<Map<String, List<Object>>> lists = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            Map<String, List<Object>> byName = new LinkedHashMap<>();
            facts.lists().keySet().forEach(name -> byName.put(name, new ArrayList<>()));
            lists.add(byName);
        }
        // Each list is distributed on its own (in parallel: the split is the serial step before the partitions
        // run), into that list's per-partition targets. (A copy in a list splits evenly; a map's entries do not.)
        List<Map.Entry<String, List<?>>> named = new ArrayList<>(facts.lists().entrySet());
        named.parallelStream().filter(list -> !list.getKey().equals("verificationPlans")).forEach(list -> {
            String name = list.getKey();
            List<List<Object>> targets = new ArrayList<>(count);
            lists.forEach(byName -> targets.add(byName.get(name)));
            ToIntFunction<Object> home = homeFunction(name, homes, officialHomes);
            for (Object fact : list.getValue()) {
                int p = home.applyAsInt(fact);
                if (p == SHARED) {
                    targets.forEach(target -> target.add(fact));
                } else {
                    targets.get(p).add(fact);
                }
            }
        });
        for (VerificationPlan plan : facts.verificationPlans()) {
            for (int p = 0; p < count; p++) {
                int partition = p;
                List<VerificationSelection> own = plan.selections().stream()
                        .filter(s -> {
                            int h = homes.getOrDefault(s.unitId(), SHARED);
                            return h == partition || h == SHARED;
                        }).toList();
                lists.get(p).get("verificationPlans").add(own.size() == plan.selections().size() ? plan
                        : new VerificationPlan(plan.id(), plan.agencyId(), plan.year(), plan.issuedOn(), own));
            }
        }
        List<Partition> partitions = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            List<List<?>> factLists = new ArrayList<>(lists.get(p).values());
            int size = factLists.stream().mapToInt(List::size).sum();
            partitions.add(new Partition(p, tops.get(p), factLists, size));
        }
        return new Split(partitions, homes, null);
    }

    private static Split refuse(String reason) {
        return new Split(List.of(), Map.of(), reason);
    }

    private static int homeOf(Unit unit, Map<String, Unit> units, Map<String, Integer> homes) {
        Unit current = unit;
        // Validation has refused cycles, so this walk ends.
        while (current.parentId() != null) {
            Integer known = homes.get(current.id());
            if (known != null) {
                return known;
            }
            current = units.get(current.parentId());
        }
        return SHARED;
    }

    private static ToIntFunction<Object> homeFunction(String list, Map<String, Integer> homes,
                                                          Map<String, Integer> officialHomes) {
        return switch (list) {
            case "units" -> fact -> homes.getOrDefault(((Unit) fact).id(), SHARED);
            case "officials" -> fact -> homes.getOrDefault(((Official) fact).unitId(), SHARED);
            case "declarations", "assetChanges", "rotations", "gifts", "conflicts" -> new OwnerHome(officialHomes);
            default -> fact -> homes.getOrDefault(unitOf(fact), SHARED);
        };
    }

    /**
     * The home of an official's record. Records usually come grouped by official, and the reader gives each id
     * one string instance: the last official's home is reused for the same instance, sparing most look-ups
     * in a map of every official (a cache miss each at national scale). One per list and thread.
     */
    private static final class OwnerHome implements ToIntFunction<Object> {
        private final Map<String, Integer> officialHomes;
        private String lastOfficial;
        private int lastHome;

        OwnerHome(Map<String, Integer> officialHomes) {
            this.officialHomes = officialHomes;
        }

        @Override
        public int applyAsInt(Object fact) {
            String official = FactKeys.ownerOfficial(fact);
            if (official != lastOfficial || official == null) {
                lastHome = officialHomes.getOrDefault(official, SHARED);
                lastOfficial = official;
            }
            return lastHome;
        }
    }

    private static String unitOf(Object fact) {
        if (fact instanceof Assessment a) {
            return a.unitId();
        }
        if (fact instanceof Plan p) {
            return p.unitId();
        }
        if (fact instanceof Dissemination d) {
            return d.unitId();
        }
        if (fact instanceof RotationPlan r) {
            return r.unitId();
        }
        if (fact instanceof InspectionPlan i) {
            return i.unitId();
        }
        if (fact instanceof CorruptionCase c) {
            return c.unitId();
        }
        if (fact instanceof PeriodicReport r) {
            return r.unitId();
        }
        throw new IllegalArgumentException("no unit known for " + fact.getClass().getName());
    }

    /** The first reference that ties two subtrees together other than through a root, or null. */
    private static String crossing(Facts facts, Map<String, Integer> homes, Map<String, Integer> officialHomes) {
        for (Plan plan : facts.plans()) {
            int home = homes.getOrDefault(plan.unitId(), SHARED);
            if (home == SHARED) {
                continue;
            }
            for (PlanTask task : plan.tasks()) {
                int assignee = homes.getOrDefault(task.assigneeUnitId(), SHARED);
                if (assignee != home) {
                    return "plan " + plan.id() + " assigns a task to a unit of another subtree";
                }
            }
        }
        for (RotationPlan plan : facts.rotationPlans()) {
            int home = homes.getOrDefault(plan.unitId(), SHARED);
            for (String officialId : plan.officialIds()) {
                if (officialHomes.getOrDefault(officialId, SHARED) != home) {
                    return "rotation plan " + plan.id() + " lists an official of another subtree";
                }
            }
        }
        for (VerificationPlan plan : facts.verificationPlans()) {
            for (VerificationSelection selection : plan.selections()) {
                int home = homes.getOrDefault(selection.unitId(), SHARED);
                for (String officialId : selection.officialIds()) {
                    if (officialHomes.getOrDefault(officialId, SHARED) != home) {
                        return "verification plan " + plan.id() + " selects an official outside the selected unit's"
                                + " subtree";
                    }
                }
            }
        }
        return null;
    }
}
