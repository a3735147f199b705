package io.directiverules.core.internal;

import io.directiverules.core.ComplianceReport;
import io.directiverules.core.EvaluationException;
import io.directiverules.core.Evidence;
import io.directiverules.core.Facts;
import io.directiverules.core.Language;
import io.directiverules.core.RequiredAction;
import io.directiverules.core.Violation;
import io.directiverules.core.rule.Evaluation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Evaluates a fact set partition by partition ({@link FactsPartitioner}), in parallel, and merges the results
 * into the report a single evaluation gives: the same violations, actions, ids and order.
 *
 * <p>How the merge stays exact:
 * <ol>
 *   <li>Every partition runs the three phases over its part of the tree and the units it shares (the roots, and
 *       the top-level unit of a split subtree), with the context (actors, calendar) of the whole fact set.
 *       Main-phase violations of all partitions are united by id.</li>
 *   <li>Escalation and action outputs of a unit are taken only from the partition that <em>decides</em> on it:
 *       its own partition, or for a shared unit one of the partitions sharing it. For that to be right, the
 *       deciding partition must have seen every main-phase violation of the unit. A shared unit's violation
 *       can be found in one partition only (the ministry's plan leaves a top-level unit without a task: that
 *       violation is filed under the ministry but found only in the unit's partition), so the decider is the
 *       partition that saw most of them, and one that has not seen them all is evaluated again with the
 *       missing violations inserted.</li>
 *   <li>An escalation or action output that answers violations of units outside its unit's span means a rule
 *       groups across partitions: the merge cannot be trusted, and the facts are evaluated in one session.</li>
 * </ol>
 * Facts the partitioner cannot split safely are evaluated in one session too.
 */
public final class PartitionedEvaluator {
    /** The default partition size, in officials (see {@code ComplianceEngine.Builder.partitionSize}). */
    public static final int DEFAULT_PARTITION_OFFICIALS = FactsPartitioner.DEFAULT_PARTITION_OFFICIALS;

    private static final Logger LOG = LoggerFactory.getLogger(PartitionedEvaluator.class);

    private final RuleSetRuntime runtime;
    private final int threads;
    private final int partitionOfficials;

    /** Evaluates with {@code runtime}, on up to {@code threads} threads, with the default partition size. */
    public PartitionedEvaluator(RuleSetRuntime runtime, int threads) {
        this(runtime, threads, FactsPartitioner.DEFAULT_PARTITION_OFFICIALS);
    }

    /**
     * Evaluates with {@code runtime}, on up to {@code threads} threads, splitting top-level subtrees of more
     * than {@code partitionOfficials} officials.
     */
    public PartitionedEvaluator(RuleSetRuntime runtime, int threads, int partitionOfficials) {
        this.runtime = runtime;
        this.threads = Math.max(1, threads);
        this.partitionOfficials = Math.max(1, partitionOfficials);
    }

    /**
     * How many partitions {@code facts} would be evaluated in with that partition size; 0 when they cannot be
     * split. For diagnostics and tests.
     */
    public static int partitionCount(Facts facts, int partitionOfficials) {
        return FactsPartitioner.split(facts, partitionOfficials).partitions().size();
    }

    /** Evaluates {@code facts}: partitioned when they can be split, in one session otherwise. */
    public ComplianceReport evaluate(Facts facts, LocalDate asOf, Language language) {
        Evaluation context = runtime.context(facts, asOf);
        long started = System.nanoTime();
        FactsPartitioner.Split split = FactsPartitioner.split(facts, partitionOfficials);
        long splitOff = System.nanoTime();
        Merged merged = split.refusal() == null ? evaluate(split, context) : null;
        long mergedAt = System.nanoTime();
        if (merged == null) {
            LOG.debug("evaluating in one session: {}", split.refusal() != null ? split.refusal()
                    : "an escalation or action answers violations of several subtrees");
            RuleSetRuntime.Outcome outcome = runtime.run(context, facts.lists().values(), null);
            return runtime.assemble(facts, context, language, outcome.violations(), outcome.actions());
        }
        ComplianceReport report = runtime.assemble(facts, context, language, merged.violations(), merged.actions(),
                threads > 1);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} partitions: split in {} ms, evaluated and merged in {} ms, report in {} ms",
                    split.partitions().size(), (splitOff - started) / 1_000_000, (mergedAt - splitOff) / 1_000_000,
                    (System.nanoTime() - mergedAt) / 1_000_000);
        }
        return report;
    }

    private record Merged(List<Violation> violations, List<RequiredAction> actions) {
    }

    /** The merged outcome, or null when the merge cannot be trusted. */
    private Merged evaluate(FactsPartitioner.Split split, Evaluation context) {
        List<FactsPartitioner.Partition> partitions = split.partitions();
        Map<Integer, List<Violation>> noInjection = new HashMap<>();
        partitions.forEach(p -> noInjection.put(p.index(), List.of()));
        long started = System.nanoTime();
        Map<Integer, RuleSetRuntime.Outcome> outcomes = runAll(partitions, noInjection, context);
        LOG.debug("partitions evaluated in {} ms", (System.nanoTime() - started) / 1_000_000);

        Map<String, Violation> main = new LinkedHashMap<>();
        for (FactsPartitioner.Partition p : partitions) {
            outcomes.get(p.index()).mainPhase().forEach(v -> main.putIfAbsent(v.id(), v));
        }
        Deciders deciders = new Deciders(split, outcomes);
        // The violations each partition decides on: those of the units it decides for.
        Map<Integer, List<Violation>> byDecider = new HashMap<>();
        for (Violation v : main.values()) {
            byDecider.computeIfAbsent(deciders.of(v.unitId()), p -> new ArrayList<>()).add(v);
        }
        Map<Integer, List<Violation>> missing = new HashMap<>();
        for (FactsPartitioner.Partition p : partitions) {
            Set<String> seen = ids(outcomes.get(p.index()).mainPhase());
            List<Violation> lacking = new ArrayList<>();
            for (Violation v : byDecider.getOrDefault(p.index(), List.of())) {
                if (!seen.contains(v.id())) {
                    lacking.add(v);
                }
            }
            if (!lacking.isEmpty()) {
                missing.put(p.index(), lacking);
            }
        }
        if (!missing.isEmpty()) {
            LOG.debug("evaluating {} partitions again with violations found elsewhere ({} violations)",
                    missing.size(), missing.values().stream().mapToInt(List::size).sum());
            List<FactsPartitioner.Partition> again = partitions.stream().filter(p -> missing.containsKey(p.index()))
                    .toList();
            outcomes.putAll(runAll(again, missing, context));
        }

        // Evaluated again, a partition may have found more (a main-phase rule over violations): unite again.
        Map<String, Violation> violations = new LinkedHashMap<>(main);
        missing.keySet().forEach(p -> outcomes.get(p).mainPhase().forEach(v -> violations.putIfAbsent(v.id(), v)));
        List<RequiredAction> actions = new ArrayList<>();
        for (FactsPartitioner.Partition p : partitions) {
            RuleSetRuntime.Outcome outcome = outcomes.get(p.index());
            Map<String, Violation> known = new HashMap<>();
            outcome.violations().forEach(v -> known.put(v.id(), v));
            for (Violation v : outcome.violations()) {
                if (outcome.mainPhase().contains(v) || deciders.of(v.unitId()) != p.index()) {
                    continue;
                }
                if (!sameSpan(split, v.unitId(), v.evidence().stream().filter(e -> e.type().equals("Violation"))
                        .map(Evidence::id).toList(), known)) {
                    return null;
                }
                violations.putIfAbsent(v.id(), v);
            }
            for (RequiredAction a : outcome.actions()) {
                if (deciders.of(a.unitId()) != p.index()) {
                    continue;
                }
                if (!sameSpan(split, a.unitId(), a.because(), known)) {
                    return null;
                }
                actions.add(a);
            }
        }
        return new Merged(new ArrayList<>(violations.values()), actions);
    }

    /**
     * The partition that decides on each unit's escalations and actions: its own, or for a unit that several
     * partitions share (a root, a split top-level unit), the one of them that saw most of its main-phase
     * violations (the fewest to insert again), then the smallest (the cheapest to run again).
     */
    private static final class Deciders {
        private final FactsPartitioner.Split split;
        private final Map<String, Integer> shared = new HashMap<>();
        private final Map<String, int[]> sightings = new HashMap<>();

        Deciders(FactsPartitioner.Split split, Map<Integer, RuleSetRuntime.Outcome> outcomes) {
            this.split = split;
            int count = split.partitions().size();
            outcomes.forEach((partition, outcome) -> outcome.mainPhase().forEach(v -> {
                if (!split.single(split.span(v.unitId()))) {
                    sightings.computeIfAbsent(v.unitId(), id -> new int[count])[partition]++;
                }
            }));
        }

        int of(String unitId) {
            int span = split.span(unitId);
            if (split.single(span)) {
                return span;
            }
            return shared.computeIfAbsent(unitId, id -> {
                int[] seen = sightings.getOrDefault(id, new int[split.partitions().size()]);
                int best = split.from(span);
                for (int p = best + 1; p < split.to(span); p++) {
                    int sizeP = split.partitions().get(p).size();
                    int sizeBest = split.partitions().get(best).size();
                    if (seen[p] > seen[best] || seen[p] == seen[best] && sizeP < sizeBest) {
                        best = p;
                    }
                }
                return best;
            });
        }
    }

    /**
     * Whether every violation answered belongs to the span of the output's unit (its partition, or the
     * partitions that share it). Otherwise a rule groups violations of several partitions, which the deciding
     * partition may not all have seen.
     */
    private static boolean sameSpan(FactsPartitioner.Split split, String unitId, List<String> answered,
                                    Map<String, Violation> known) {
        int span = split.span(unitId);
        for (String id : answered) {
            Violation v = known.get(id);
            if (v == null || split.span(v.unitId()) != span) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> ids(Set<Violation> violations) {
        Set<String> ids = new HashSet<>();
        violations.forEach(v -> ids.add(v.id()));
        return ids;
    }

    private Map<Integer, RuleSetRuntime.Outcome> runAll(List<FactsPartitioner.Partition> partitions,
                                                        Map<Integer, List<Violation>> injected, Evaluation context) {
        // Largest first, so that the last partitions to start are small and the threads finish together.
        List<FactsPartitioner.Partition> order = new ArrayList<>(partitions);
        order.sort(Comparator.comparingInt(FactsPartitioner.Partition::size).reversed());
        Map<Integer, RuleSetRuntime.Outcome> outcomes = new HashMap<>();
        if (threads == 1 || order.size() == 1) {
            for (FactsPartitioner.Partition p : order) {
                outcomes.put(p.index(), runtime.run(context, p.lists(), injected.get(p.index())));
            }
            return outcomes;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, order.size()), runnable -> {
            Thread thread = new Thread(runnable, "directive-rules-partition");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<Integer, Future<RuleSetRuntime.Outcome>> futures = new LinkedHashMap<>();
            for (FactsPartitioner.Partition p : order) {
                futures.put(p.index(), pool.submit(() -> runtime.run(context, p.lists(), injected.get(p.index()))));
            }
            for (Map.Entry<Integer, Future<RuleSetRuntime.Outcome>> entry : futures.entrySet()) {
                outcomes.put(entry.getKey(), entry.getValue().get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EvaluationException("interrupted during a partitioned evaluation", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new EvaluationException("a partition failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
