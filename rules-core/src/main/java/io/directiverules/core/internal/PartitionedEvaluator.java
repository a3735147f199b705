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
 *   <li>Every partition runs the three phases over its subtree and the shared (root) facts, with the context
 *       (actors, calendar) of the whole fact set. Main-phase violations of all partitions are united by id.</li>
 *   <li>Escalation and action outputs of a unit are taken only from the unit's home partition, and those of a
 *       root from one partition chosen as the authority. For that to be right, the home partition must have
 *       seen every main-phase violation of its units, and the authority every violation of the roots; a
 *       partition that has not (the ministry's plan leaves a top-level unit without a task: that violation is
 *       filed under the ministry but found only in the unit's partition) is evaluated again with the missing
 *       violations inserted.</li>
 *   <li>An escalation or action output that answers violations of units of another partition means a rule
 *       groups across subtrees: the merge cannot be trusted, and the facts are evaluated in one session.</li>
 * </ol>
 * Facts the partitioner cannot split safely are evaluated in one session too.
 */
public final class PartitionedEvaluator {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionedEvaluator.class);

    private final RuleSetRuntime runtime;
    private final int threads;

    /** Evaluates with {@code runtime}, on up to {@code threads} threads. */
    public PartitionedEvaluator(RuleSetRuntime runtime, int threads) {
        this.runtime = runtime;
        this.threads = Math.max(1, threads);
    }

    /** Evaluates {@code facts}: partitioned when they can be split, in one session otherwise. */
    public ComplianceReport evaluate(Facts facts, LocalDate asOf, Language language) {
        Evaluation context = runtime.context(facts, asOf);
        FactsPartitioner.Split split = FactsPartitioner.split(facts);
        Merged merged = split.refusal() == null ? evaluate(split, context) : null;
        if (merged == null) {
            LOG.debug("evaluating in one session: {}", split.refusal() != null ? split.refusal()
                    : "an escalation or action answers violations of several subtrees");
            RuleSetRuntime.Outcome outcome = runtime.run(context, facts.lists().values(), null);
            return runtime.assemble(facts, context, language, outcome.violations(), outcome.actions());
        }
        return runtime.assemble(facts, context, language, merged.violations(), merged.actions(), threads > 1);
    }

    private record Merged(List<Violation> violations, List<RequiredAction> actions) {
    }

    /** The merged outcome, or null when the merge cannot be trusted. */
    private Merged evaluate(FactsPartitioner.Split split, Evaluation context) {
        List<FactsPartitioner.Partition> partitions = split.partitions();
        Map<Integer, List<Violation>> noInjection = new HashMap<>();
        partitions.forEach(p -> noInjection.put(p.index(), List.of()));
        Map<Integer, RuleSetRuntime.Outcome> outcomes = runAll(partitions, noInjection, context);

        Map<String, Violation> main = new LinkedHashMap<>();
        for (FactsPartitioner.Partition p : partitions) {
            outcomes.get(p.index()).mainPhase().forEach(v -> main.putIfAbsent(v.id(), v));
        }
        // The authority for the roots' escalations and actions: the smallest partition, cheapest to run again.
        int authority = partitions.stream().min(Comparator.comparingInt(FactsPartitioner.Partition::size)
                .thenComparingInt(FactsPartitioner.Partition::index)).orElseThrow().index();
        // The violations each partition decides on: those of its units, and the roots' for the authority.
        Map<Integer, List<Violation>> byHome = new HashMap<>();
        for (Violation v : main.values()) {
            int home = split.home(v.unitId());
            byHome.computeIfAbsent(home == FactsPartitioner.SHARED ? authority : home, h -> new ArrayList<>()).add(v);
        }
        Map<Integer, List<Violation>> missing = new HashMap<>();
        for (FactsPartitioner.Partition p : partitions) {
            Set<String> seen = ids(outcomes.get(p.index()).mainPhase());
            List<Violation> lacking = new ArrayList<>();
            for (Violation v : byHome.getOrDefault(p.index(), List.of())) {
                if (!seen.contains(v.id())) {
                    lacking.add(v);
                }
            }
            if (!lacking.isEmpty()) {
                missing.put(p.index(), lacking);
            }
        }
        if (!missing.isEmpty()) {
            LOG.debug("evaluating {} partitions again with violations found elsewhere", missing.size());
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
                if (outcome.mainPhase().contains(v) || !decidedHere(split, v.unitId(), p.index(), authority)) {
                    continue;
                }
                if (!sameHome(split, v.unitId(), v.evidence().stream().filter(e -> e.type().equals("Violation"))
                        .map(Evidence::id).toList(), known)) {
                    return null;
                }
                violations.putIfAbsent(v.id(), v);
            }
            for (RequiredAction a : outcome.actions()) {
                if (!decidedHere(split, a.unitId(), p.index(), authority)) {
                    continue;
                }
                if (!sameHome(split, a.unitId(), a.because(), known)) {
                    return null;
                }
                actions.add(a);
            }
        }
        return new Merged(new ArrayList<>(violations.values()), actions);
    }

    private static boolean decidedHere(FactsPartitioner.Split split, String unitId, int partition, int authority) {
        int home = split.home(unitId);
        return home == partition || home == FactsPartitioner.SHARED && partition == authority;
    }

    /** Whether every violation answered lies in the same partition as the output's unit. */
    private static boolean sameHome(FactsPartitioner.Split split, String unitId, List<String> answered,
                                    Map<String, Violation> known) {
        int home = split.home(unitId);
        for (String id : answered) {
            Violation v = known.get(id);
            if (v == null || split.home(v.unitId()) != home) {
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
