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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * Splits a fact set by top-level unit subtree, for partitioned evaluation.
 *
 * <p>A <em>top-level unit</em> is a child of a root (a unit without a parent); its partition holds the facts
 * of the units in its subtree: the units, their officials and everything filed under those units or
 * officials. The roots (the ministry) are <em>shared</em>: their facts go to every partition, so the
 * ministry's own plan, reports and officials are judged alike everywhere. Verification plans (the asset
 * control agency's, whose selections span the whole tree) are shared too, each partition getting a copy whose
 * selections are only those of its own units and of the shared units it sees.
 *
 * <p>A top-level subtree with more officials than the partition size is split one level further: its child
 * subtrees are grouped, in the order of the units, into partitions of about that many officials, and the
 * top-level unit's own facts are shared by those partitions as the roots' are by all. Every unit thus has a
 * <em>span</em>: the one partition it belongs to, or the consecutive partitions that share it. A top-level
 * unit with a DIVISION child is not split (the division plans with it), nor one whose references would cross
 * its groups; it stays one partition.
 *
 * <p>Facts that tie two subtrees together other than through a shared unit (a plan task assigned to a unit
 * whose partitions do not all see the plan, a rotation plan listing another partition's official, a
 * verification selection naming officials outside the selected unit's partition, a top-level unit of kind
 * DIVISION, whose planning unit is the root) cannot be split safely: {@link #split} then says why, and the
 * caller evaluates in one session.
 */
final class FactsPartitioner {
    /** One partition: the top-level unit whose subtree (or part of it) it holds, and the facts lists to insert. */
    record Partition(int index, String topUnitId, List<List<?>> lists, int size) {
    }

    /**
     * The split: the partitions and every unit's span; or the reason there is none. Span {@code p} for
     * {@code p < partitions.size()} is partition {@code p} alone; a larger span is shared by the partitions
     * from {@code from(span)} to {@code to(span)} (exclusive), the first of them the roots'.
     */
    record Split(List<Partition> partitions, Map<String, Integer> spans, int[] firsts, int[] ends, String refusal) {
        /** The span of a unit; a unit id not in the facts is the roots'. */
        int span(String unitId) {
            // Not getOrDefault: its default would be boxed on every call, and there are millions.
            Integer span = spans.get(unitId);
            return span == null ? partitions.size() : span;
        }

        /** Whether the span is one partition's alone. */
        boolean single(int span) {
            return span < partitions.size();
        }

        /** The first partition of a span. */
        int from(int span) {
            return single(span) ? span : firsts[span - partitions.size()];
        }

        /** The partition after the last one of a span. */
        int to(int span) {
            return single(span) ? span + 1 : ends[span - partitions.size()];
        }

        boolean contains(int span, int partition) {
            return partition >= from(span) && partition < to(span);
        }
    }

    /** The default partition size, in officials: about 25,000 facts of a generated ministry. */
    static final int DEFAULT_PARTITION_OFFICIALS = 5_000;

    private FactsPartitioner() {
    }

    /** Splits {@code facts} into at least one partition per top-level unit, with the default partition size. */
    static Split split(Facts facts) {
        return split(facts, DEFAULT_PARTITION_OFFICIALS);
    }

    /**
     * Splits {@code facts} into at least one partition per top-level unit, splitting top-level subtrees of
     * more than {@code partitionOfficials} officials among their child subtrees.
     */
    static Split split(Facts facts, int partitionOfficials) {
        Map<String, Unit> units = new HashMap<>();
        facts.units().forEach(u -> units.put(u.id(), u));
        List<String> tops = new ArrayList<>();
        for (Unit unit : facts.units()) {
            if (unit.parentId() != null && units.get(unit.parentId()).parentId() == null) {
                if (unit.kind() == UnitKind.DIVISION) {
                    return refuse("top-level unit " + unit.id() + " is a DIVISION: its planning unit is the root");
                }
                tops.add(unit.id());
            }
        }
        if (tops.size() < 2) {
            return refuse("fewer than two top-level units");
        }
        Tree tree = new Tree(facts, units);
        Map<String, List<List<String>>> groups = new HashMap<>();
        for (String top : tops) {
            List<List<String>> grouped = tree.groups(top, partitionOfficials);
            if (grouped.size() > 1) {
                groups.put(top, grouped);
            }
        }
        while (true) {
            Split split = spans(tops, groups, tree);
            Crossing crossing = crossing(facts, split);
            if (crossing == null) {
                return distribute(facts, split);
            }
            String top = tree.top(crossing.unitId());
            if (top == null || groups.remove(top) == null) {
                return refuse(crossing.reason());
            }
            // That subtree is kept whole and the rest still split; a reference leaving it is refused next round.
        }
    }

    /** Units, their children in the order given, and the officials of each unit. */
    private static final class Tree {
        private final Map<String, Unit> units;
        private final Map<String, List<Unit>> children = new HashMap<>();
        private final Map<String, Integer> officials = new HashMap<>();

        Tree(Facts facts, Map<String, Unit> units) {
            this.units = units;
            for (Unit unit : facts.units()) {
                if (unit.parentId() != null) {
                    children.computeIfAbsent(unit.parentId(), id -> new ArrayList<>()).add(unit);
                }
            }
            // Officials usually come grouped by unit: count a run of the same unit once, not one merge each.
            String unit = null;
            int run = 0;
            for (Official official : facts.officials()) {
                if (official.unitId() != unit) {
                    if (run > 0) {
                        officials.merge(unit, run, Integer::sum);
                    }
                    unit = official.unitId();
                    run = 0;
                }
                run++;
            }
            if (run > 0) {
                officials.merge(unit, run, Integer::sum);
            }
        }

        List<Unit> children(String unitId) {
            return children.getOrDefault(unitId, List.of());
        }

        /** Hands the id of each unit of a unit's subtree, the unit included, to {@code visit}. */
        void forEachInSubtree(String unitId, Consumer<String> visit) {
            // Iterative: a deep tree must not exhaust the stack.
            Deque<String> pending = new ArrayDeque<>();
            pending.push(unitId);
            while (!pending.isEmpty()) {
                String id = pending.pop();
                visit.accept(id);
                children(id).forEach(child -> pending.push(child.id()));
            }
        }

        /** The officials of a unit's subtree. */
        int officials(String unitId) {
            int[] count = {0};
            forEachInSubtree(unitId, id -> count[0] += officials.getOrDefault(id, 0));
            return count[0];
        }

        /** The child subtrees of a top-level unit in groups of about {@code size} officials; one group: whole. */
        List<List<String>> groups(String top, int size) {
            List<Unit> below = children(top);
            if (below.size() < 2 || officials(top) <= size
                    || below.stream().anyMatch(u -> u.kind() == UnitKind.DIVISION)) {
                return List.of();
            }
            List<List<String>> groups = new ArrayList<>();
            List<String> group = new ArrayList<>();
            int inGroup = 0;
            for (Unit child : below) {
                int count = officials(child.id());
                if (!group.isEmpty() && inGroup + count > size) {
                    groups.add(group);
                    group = new ArrayList<>();
                    inGroup = 0;
                }
                group.add(child.id());
                inGroup += count;
            }
            groups.add(group);
            return groups;
        }

        /** The top-level unit above or at a unit, or null for a root or an unknown unit. */
        String top(String unitId) {
            Unit unit = units.get(unitId);
            if (unit == null || unit.parentId() == null) {
                return null;
            }
            // Validation has refused cycles, so this walk ends.
            while (units.get(unit.parentId()).parentId() != null) {
                unit = units.get(unit.parentId());
            }
            return unit.id();
        }
    }

    /** The partitions' spans: one partition per top-level unit, or one per group of a split one. */
    private static Split spans(List<String> tops, Map<String, List<List<String>>> groups, Tree tree) {
        int count = 0;
        for (String top : tops) {
            count += groups.containsKey(top) ? groups.get(top).size() : 1;
        }
        Map<String, Integer> spans = new HashMap<>();
        List<Partition> partitions = new ArrayList<>();
        List<int[]> shared = new ArrayList<>();
        shared.add(new int[] {0, count});
        for (String top : tops) {
            List<List<String>> grouped = groups.get(top);
            if (grouped == null) {
                int partition = partitions.size();
                partitions.add(new Partition(partition, top, List.of(), 0));
                tree.forEachInSubtree(top, id -> spans.put(id, partition));
                continue;
            }
            spans.put(top, count + shared.size());
            shared.add(new int[] {partitions.size(), partitions.size() + grouped.size()});
            for (List<String> group : grouped) {
                int partition = partitions.size();
                partitions.add(new Partition(partition, top, List.of(), 0));
                group.forEach(child -> tree.forEachInSubtree(child, id -> spans.put(id, partition)));
            }
        }
        int[] firsts = shared.stream().mapToInt(range -> range[0]).toArray();
        int[] ends = shared.stream().mapToInt(range -> range[1]).toArray();
        return new Split(partitions, spans, firsts, ends, null);
    }

    /** Fills the partitions of {@code split} with their facts. */
    private static Split distribute(Facts facts, Split split) {
        int count = split.partitions().size();
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
            ToIntFunction<Object> span = spanFunction(name, split, facts);
            for (Object fact : list.getValue()) {
                int s = span.applyAsInt(fact);
                if (split.single(s)) {
                    targets.get(s).add(fact);
                } else {
                    for (int p = split.from(s); p < split.to(s); p++) {
                        targets.get(p).add(fact);
                    }
                }
            }
        });
        for (VerificationPlan plan : facts.verificationPlans()) {
            int[] spans = plan.selections().stream().mapToInt(s -> split.span(s.unitId())).toArray();
            for (int p = 0; p < count; p++) {
                List<VerificationSelection> own = new ArrayList<>();
                for (int i = 0; i < spans.length; i++) {
                    if (split.contains(spans[i], p)) {
                        own.add(plan.selections().get(i));
                    }
                }
                lists.get(p).get("verificationPlans").add(own.size() == plan.selections().size() ? plan
                        : new VerificationPlan(plan.id(), plan.agencyId(), plan.year(), plan.issuedOn(), own));
            }
        }
        List<Partition> partitions = new ArrayList<>();
        for (Partition partition : split.partitions()) {
            List<List<?>> factLists = new ArrayList<>(lists.get(partition.index()).values());
            int size = factLists.stream().mapToInt(List::size).sum();
            partitions.add(new Partition(partition.index(), partition.topUnitId(), factLists, size));
        }
        return new Split(partitions, split.spans(), split.firsts(), split.ends(), null);
    }

    private static Split refuse(String reason) {
        return new Split(List.of(), Map.of(), new int[0], new int[0], reason);
    }

    private static ToIntFunction<Object> spanFunction(String list, Split split, Facts facts) {
        return switch (list) {
            case "units" -> fact -> split.span(((Unit) fact).id());
            case "officials" -> fact -> split.span(((Official) fact).unitId());
            case "declarations", "assetChanges", "rotations", "gifts", "conflicts" ->
                    new OwnerSpan(split, facts);
            default -> fact -> split.span(unitOf(fact));
        };
    }

    /**
     * The span of an official's record, without a look-up in the index of every official (a cache miss each at
     * national scale) for most records. Exports usually list records grouped by official, officials grouped by
     * unit and in the order of the officials list; and the reader gives each id one string instance. So: the
     * last official's span is reused for the same id instance; otherwise the next few officials of the list
     * after the last one found are tried (read in order, they are in the cache), then the index; and the span
     * of the last official's unit is reused for the same unit. Any order gives the same spans. One per list and
     * thread.
     */
    private static final class OwnerSpan implements ToIntFunction<Object> {
        /** How many officials of the list after the last one found are tried before the index. */
        private static final int LOOK_AHEAD = 4;
        /** How far the list is searched, after a look-up in the index, for the order to pick up again. */
        private static final int RESYNC = 64;
        /** After this many officials in a row not found ahead, the list is taken to be in another order. */
        private static final int GIVE_UP = 16;

        private final Split split;
        private final Facts facts;
        private final List<Official> officials;
        private int next;
        private String lastOfficial;
        private int lastSpan;
        private String lastUnit;
        private boolean inOrder = true;
        private int outOfOrder;

        OwnerSpan(Split split, Facts facts) {
            this.split = split;
            this.facts = facts;
            this.officials = facts.officials();
        }

        @Override
        public int applyAsInt(Object fact) {
            String officialId = FactKeys.ownerOfficial(fact);
            if (officialId == null) {
                return split.partitions().size();
            }
            if (officialId != lastOfficial) {
                Official official = find(officialId);
                if (official == null) {
                    lastSpan = split.partitions().size();
                    lastUnit = null;
                } else if (official.unitId() != lastUnit) {
                    lastSpan = split.span(official.unitId());
                    lastUnit = official.unitId();
                }
                lastOfficial = officialId;
            }
            return lastSpan;
        }

        private Official find(String officialId) {
            if (inOrder) {
                if (ahead(officialId, LOOK_AHEAD)) {
                    outOfOrder = 0;
                    return officials.get(next - 1);
                }
                // A list in another order would pay for the searches and gain nothing: give them up.
                inOrder = ++outOfOrder < GIVE_UP;
            }
            Official official = facts.official(officialId).orElse(null);
            // Officials without records of this list make gaps: look further once to pick up the order again.
            if (official != null && inOrder) {
                ahead(officialId, RESYNC);
            }
            return official;
        }

        /** Whether {@code officialId} is among the next {@code count} officials of the list; if so, moves past it. */
        private boolean ahead(String officialId, int count) {
            int end = Math.min(officials.size(), next + count);
            for (int i = next; i < end; i++) {
                Official candidate = officials.get(i);
                if (candidate != null && candidate.id().equals(officialId)) {
                    next = i + 1;
                    return true;
                }
            }
            return false;
        }
    }

    /** The span of an official's unit; an official not in the facts is the roots'. */
    private static int officialSpan(String officialId, Split split, Facts facts) {
        Official official = officialId == null ? null : facts.official(officialId).orElse(null);
        return official == null ? split.partitions().size() : split.span(official.unitId());
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

    /** A reference that ties partitions together: why, and the unit whose fact makes it. */
    private record Crossing(String reason, String unitId) {
    }

    /** The first reference that ties two partitions together other than through a shared unit, or null. */
    private static Crossing crossing(Facts facts, Split split) {
        for (Plan plan : facts.plans()) {
            int span = split.span(plan.unitId());
            for (PlanTask task : plan.tasks()) {
                // Every partition that decides on the assignee must see the plan.
                int assignee = split.span(task.assigneeUnitId());
                if (split.from(assignee) < split.from(span) || split.to(assignee) > split.to(span)) {
                    return new Crossing("plan " + plan.id() + " assigns a task to a unit of another subtree",
                            plan.unitId());
                }
            }
        }
        for (RotationPlan plan : facts.rotationPlans()) {
            int span = split.span(plan.unitId());
            for (String officialId : plan.officialIds()) {
                if (officialSpan(officialId, split, facts) != span) {
                    return new Crossing("rotation plan " + plan.id() + " lists an official of another subtree",
                            plan.unitId());
                }
            }
        }
        for (VerificationPlan plan : facts.verificationPlans()) {
            for (VerificationSelection selection : plan.selections()) {
                int span = split.span(selection.unitId());
                for (String officialId : selection.officialIds()) {
                    if (officialSpan(officialId, split, facts) != span) {
                        return new Crossing("verification plan " + plan.id() + " selects an official outside the"
                                + " selected unit's subtree", selection.unitId());
                    }
                }
            }
        }
        return null;
    }
}
