package io.directiverules.bench;

import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.ComplianceReport;
import io.directiverules.core.EvaluationException;
import io.directiverules.core.Facts;
import io.directiverules.core.Language;
import io.directiverules.core.internal.PartitionedEvaluator;
import io.directiverules.core.io.FactsReader;
import io.directiverules.directive09.Directive09Module;
import io.directiverules.testkit.generate.MinistryGenerator;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Measures the engine at national scale and prints a table: for each size, reading the facts file, building
 * the engine, evaluating in one session and partitioned, and the hand-written baseline over the same facts,
 * with peak heap and throughput. The baseline's violations must equal the engine's (and the partitioned
 * report the single one) before any ratio is printed; a difference fails the run (exit status 1).
 *
 * <p>Each timed step (the engine in one session, partitioned, the baseline) first runs on the same facts
 * untimed, at least {@code --warmups} times and for at least {@code --warmup-seconds} (JMH's way: a number of
 * runs alone warms a 0.1 s step far less than a 10 s one), so that the JIT has compiled the code paths of
 * the engine and of the baseline alike; then {@code --runs} times timed, each after a full collection. The
 * table shows the median time and the largest peak heap of the timed runs, and the time of the first run at
 * that size (after only the short warm-up on 20,000 officials): nearer what a one-off command line run sees.
 *
 * <pre>
 * java -Xmx8g -cp rules-bench/target/benchmarks.jar io.directiverules.bench.BenchCommand \
 *     --officials 10000,100000,1000000 [--seed 1] [--dir target/bench-data] [--threads 2]
 *     [--partition-size 5000] [--modes single,partitioned,baseline] [--warmups 1] [--warmup-seconds 20]
 *     [--runs 3] [--incremental 2000] [--paired 9]
 * </pre>
 *
 * <p>{@code --paired N} adds, after the table's steps, N pairs of a partitioned evaluation and a baseline run
 * one right after the other (each after a full collection), and prints the median and the range of the N
 * ratios: a ratio taken within each pair is not moved by the machine getting slower or faster between the
 * table's blocks of runs.
 */
public final class BenchCommand {
    private static final java.time.Duration LIMIT = java.time.Duration.ofMinutes(30);
    private final List<Integer> sizes = new ArrayList<>();
    private long seed = 1;
    private Path dir = Path.of("target", "bench-data");
    private int threads = Runtime.getRuntime().availableProcessors();
    private int partitionSize = PartitionedEvaluator.DEFAULT_PARTITION_OFFICIALS;
    private final Set<String> modes = new LinkedHashSet<>(List.of("single", "partitioned", "baseline"));
    private int incrementalUpdates;
    private int pairs;
    private int warmups = 1;
    private double warmupSeconds = 20;
    private int runs = 3;
    private final PrintStream out;

    private BenchCommand(PrintStream out) {
        this.out = out;
    }

    /** Runs the benchmark; exits 1 when the baseline or the partitioned report disagrees, 2 on bad arguments. */
    public static void main(String[] args) throws Exception {
        BenchCommand command = new BenchCommand(System.out);
        try {
            command.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: BenchCommand --officials N[,N...] [--seed S] [--dir DIR] [--threads T]"
                    + " [--partition-size OFFICIALS]"
                    + " [--modes single,partitioned,baseline] [--warmups W] [--warmup-seconds S] [--runs R]"
                    + " [--incremental UPDATES] [--paired PAIRS]");
            System.exit(2);
        }
        System.exit(command.run() ? 0 : 1);
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--officials" -> Arrays.stream(required(value, args[i++]).split(","))
                        .map(s -> Integer.parseInt(s.strip().replace("_", ""))).forEach(sizes::add);
                case "--seed" -> seed = Long.parseLong(required(value, args[i++]));
                case "--dir" -> dir = Path.of(required(value, args[i++]));
                case "--threads" -> threads = Integer.parseInt(required(value, args[i++]));
                case "--partition-size" -> partitionSize = Integer.parseInt(required(value, args[i++]));
                case "--modes" -> {
                    modes.clear();
                    modes.addAll(List.of(required(value, args[i++]).split(",")));
                }
                case "--incremental" -> incrementalUpdates = Integer.parseInt(required(value, args[i++]));
                case "--paired" -> pairs = Integer.parseInt(required(value, args[i++]));
                case "--warmups" -> warmups = Integer.parseInt(required(value, args[i++]));
                case "--warmup-seconds" -> warmupSeconds = Double.parseDouble(required(value, args[i++]));
                case "--runs" -> runs = Integer.parseInt(required(value, args[i++]));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("--officials is required");
        }
        if (warmups < 0 || runs < 1 || warmupSeconds < 0 || pairs < 0) {
            throw new IllegalArgumentException("--warmups, --warmup-seconds and --paired must be 0 or more and --runs"
                    + " 1 or more");
        }
    }

    private static String required(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private boolean run() throws Exception {
        out.printf(Locale.ROOT, "directive-rules benchmark: %d cores, max heap %,d MB, Java %s, threads %d,"
                        + " partition size %,d; per step, untimed warm-up runs (at least %d, and for at least"
                        + " %.0f s), then %d timed runs (median)%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), threads, partitionSize, warmups, warmupSeconds, runs);
        warmUp();
        List<Row> rows = new ArrayList<>();
        boolean ok = true;
        for (int officials : sizes) {
            Row row = measure(officials);
            rows.add(row);
            ok &= row.agrees;
            printTable(rows);
        }
        return ok;
    }

    /** Runs each mode once on a small ministry, so that the first size measured is not the JIT's warm-up. */
    private void warmUp() {
        MinistryGenerator generator = MinistryGenerator.builder().officials(20_000).seed(seed + 1).build();
        Facts facts = generator.facts();
        ComplianceEngine engine = ComplianceEngine.builder().module(new Directive09Module()).build();
        engine.evaluate(facts, generator.asOf(), Language.EN);
        ComplianceEngine.builder().module(new Directive09Module()).parallelism(threads).partitionSize(partitionSize)
                .build()
                .evaluate(facts, generator.asOf(), Language.EN);
        new Baseline(engine.parameters()).evaluate(facts, generator.asOf());
        out.println("warmed up on 20,000 officials");
    }

    private Row measure(int officials) throws Exception {
        Row row = new Row();
        row.officials = officials;
        MinistryGenerator generator = MinistryGenerator.builder().officials(officials).seed(seed).build();
        LocalDate asOf = generator.asOf();
        Files.createDirectories(dir);
        Path file = dir.resolve("ministry-" + officials + "-seed" + seed + ".json");
        if (!Files.exists(file)) {
            long started = System.nanoTime();
            generator.writeJson(file);
            out.printf(Locale.ROOT, "generated %s in %.1f s%n", file, seconds(started));
        }
        row.megabytes = Files.size(file) / 1e6;

        Facts facts;
        try (HeapSampler heap = new HeapSampler()) {
            long started = System.nanoTime();
            facts = FactsReader.strict().read(file);
            row.read = seconds(started);
            row.readHeap = heap.peak();
        }
        row.facts = facts.size();

        long started = System.nanoTime();
        // A national set takes longer than the default run-away limit of one evaluation.
        ComplianceEngine single = ComplianceEngine.builder().module(new Directive09Module()).timeLimit(LIMIT).build();
        row.build = seconds(started);
        ComplianceEngine partitioned = ComplianceEngine.builder().module(new Directive09Module()).timeLimit(LIMIT)
                .parallelism(threads).partitionSize(partitionSize).build();

        ComplianceReport partitionedReport = null;
        if (modes.contains("partitioned")) {
            Timed<ComplianceReport> timed = timed(() -> partitioned.evaluate(facts, asOf, Language.EN));
            partitionedReport = timed.result();
            row.partitioned = timed.seconds();
            row.partitionedFirst = timed.firstSeconds();
            row.partitionedHeap = timed.peakHeap();
            row.violations = partitionedReport.violations().size();
            row.actions = partitionedReport.actions().size();
        }
        ComplianceReport reference = partitionedReport;
        if (modes.contains("baseline")) {
            Baseline baseline = new Baseline(single.parameters());
            Timed<List<Finding>> timed = timed(() -> baseline.evaluate(facts, asOf));
            List<Finding> found = timed.result();
            row.baseline = timed.seconds();
            row.baselineFirst = timed.firstSeconds();
            row.baselineHeap = timed.peakHeap();
            if (reference == null) {
                reference = single.evaluate(facts, asOf, Language.EN);
            }
            Agreement agreement = Agreement.of(found, reference.violations());
            row.compared = agreement.compared();
            if (!agreement.agrees()) {
                out.println("MISMATCH between the baseline and the engine for " + Baseline.RULES + ":");
                out.print(agreement.describe(20));
                row.agrees = false;
            }
        }
        ComplianceReport singleReport = null;
        if (modes.contains("single")) {
            // Last, and guarded: one session over a national set may not fit the heap the partitions fit in.
            try {
                Timed<ComplianceReport> timed = timed(() -> single.evaluate(facts, asOf, Language.EN));
                singleReport = timed.result();
                row.single = timed.seconds();
                row.singleHeap = timed.peakHeap();
            } catch (OutOfMemoryError | EvaluationException e) {
                if (!outOfMemory(e)) {
                    throw e;
                }
                singleReport = null;
                row.singleOutOfMemory = true;
                System.gc();
                out.println("single session: out of memory with a heap of " + (Runtime.getRuntime().maxMemory() >> 20)
                        + " MB");
            }
            if (singleReport != null) {
                row.violations = singleReport.violations().size();
                row.actions = singleReport.actions().size();
                if (partitionedReport != null && !partitionedReport.equals(singleReport)) {
                    out.println("MISMATCH: the partitioned report differs from the single evaluation's");
                    row.agrees = false;
                }
            }
        }
        if (pairs > 0 && modes.contains("partitioned") && modes.contains("baseline")) {
            row.paired = pairedRatios(partitioned, new Baseline(single.parameters()), facts, asOf);
        }
        if (incrementalUpdates > 0) {
            row.incremental = IncrementalBench.measure(single, facts, asOf, incrementalUpdates, seed, out);
        }
        return row;
    }

    /** {@link #pairs} ratios of a partitioned evaluation to the baseline run right after it, sorted. */
    private double[] pairedRatios(ComplianceEngine partitioned, Baseline baseline, Facts facts, LocalDate asOf) {
        double[] ratios = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            System.gc();
            long engineStarted = System.nanoTime();
            partitioned.evaluate(facts, asOf, Language.EN);
            double engine = seconds(engineStarted);
            System.gc();
            long baselineStarted = System.nanoTime();
            baseline.evaluate(facts, asOf);
            ratios[i] = engine / seconds(baselineStarted);
        }
        Arrays.sort(ratios);
        return ratios;
    }

    /**
     * What {@link #timed} measured: the median time of the timed runs, their largest peak heap, a result; and
     * the time of the first run (cold, or 0 when there was no warm-up run).
     */
    private record Timed<T>(double seconds, long peakHeap, T result, double firstSeconds) {
    }

    /** Runs {@code step} untimed ({@link #warmups} times and {@link #warmupSeconds}), then {@link #runs} timed. */
    private <T> Timed<T> timed(java.util.function.Supplier<T> step) {
        double first = 0;
        long warmupStarted = System.nanoTime();
        for (int i = 0; i < warmups || i > 0 && seconds(warmupStarted) < warmupSeconds; i++) {
            long started = System.nanoTime();
            step.get();
            if (i == 0) {
                first = seconds(started);
            }
        }
        double[] times = new double[runs];
        long peak = 0;
        T result = null;
        for (int i = 0; i < runs; i++) {
            try (HeapSampler heap = new HeapSampler()) {
                long started = System.nanoTime();
                result = step.get();
                times[i] = seconds(started);
                peak = Math.max(peak, heap.peak());
            }
        }
        Arrays.sort(times);
        double median = runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
        return new Timed<>(median, peak, result, first);
    }

    private static boolean outOfMemory(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private void printTable(List<Row> rows) {
        out.println();
        out.println("| officials | facts | file MB | read s | build s | single s | partitioned s | facts/s"
                + " (partitioned) | peak heap MB (read / single / partitioned / baseline) | baseline s"
                + " | single / baseline | partitioned / baseline | first run s: partitioned / baseline"
                + " | violations | actions | baseline check |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|---:|---:|---|");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "| %,d | %,d | %.0f | %.1f | %.1f | %s | %s | %s | %s / %s / %s / %s | %s | %s | %s"
                            + " | %s / %s (%s) | %,d | %,d | %s |%n",
                    r.officials, r.facts, r.megabytes, r.read, r.build,
                    r.singleOutOfMemory ? "out of memory" : time(r.single), time(r.partitioned),
                    r.partitioned > 0 ? String.format(Locale.ROOT, "%,.0f", r.facts / r.partitioned) : "-",
                    mb(r.readHeap), mb(r.singleHeap), mb(r.partitionedHeap), mb(r.baselineHeap), time(r.baseline),
                    ratio(r.single, r.baseline), ratio(r.partitioned, r.baseline), time(r.partitionedFirst),
                    time(r.baselineFirst), ratio(r.partitionedFirst, r.baselineFirst), r.violations, r.actions,
                    !r.agrees ? "MISMATCH" : r.compared > 0 ? "equal (" + r.compared + ")" : "-");
        }
        rows.stream().filter(r -> r.paired != null).forEach(r -> out.printf(Locale.ROOT,
                "paired, %,d officials: partitioned / baseline within each of %d pairs: median %.1fx (%.1fx to %.1fx)%n",
                r.officials, r.paired.length, r.paired[r.paired.length / 2], r.paired[0],
                r.paired[r.paired.length - 1]));
        rows.stream().filter(r -> r.incremental != null).forEach(r -> out.printf(Locale.ROOT,
                "incremental, %,d officials: open %.1f s; one update %s%n", r.officials, r.incremental.openSeconds(),
                r.incremental.describe()));
        out.println();
    }

    private static String time(double seconds) {
        return seconds > 0 ? String.format(Locale.ROOT, "%.2f", seconds) : "-";
    }

    private static String mb(long bytes) {
        return bytes > 0 ? String.format(Locale.ROOT, "%,d", bytes >> 20) : "-";
    }

    private static String ratio(double engine, double baseline) {
        return engine > 0 && baseline > 0 ? String.format(Locale.ROOT, "%.1fx", engine / baseline) : "-";
    }

    /** One size's measurements. */
    private static final class Row {
        int officials;
        int facts;
        double megabytes;
        double read;
        double build;
        double single;
        double partitioned;
        double baseline;
        double partitionedFirst;
        double baselineFirst;
        long readHeap;
        long singleHeap;
        long partitionedHeap;
        long baselineHeap;
        int violations;
        int actions;
        int compared;
        boolean agrees = true;
        boolean singleOutOfMemory;
        IncrementalBench.Latency incremental;
        double[] paired;
    }
}
