package io.directiverules.bench;

import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.Facts;
import io.directiverules.core.IncrementalSession;
import io.directiverules.core.Language;
import io.directiverules.core.model.Declaration;
import io.directiverules.core.model.Gift;
import io.directiverules.core.model.Official;
import io.directiverules.core.model.PeriodicReport;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The latency of one change on a long-lived session holding a whole fact set: the change (an update of a
 * report, a declaration or an official, or a gift inserted) and the read of what changed, timed together.
 */
final class IncrementalBench {
    private static final int WARM_UP = 200;

    private IncrementalBench() {
    }

    /** Latencies of one change, in milliseconds. */
    record Latency(double openSeconds, long liveHeap, int changes, double median, double p99, double max) {
        String describe() {
            return String.format(Locale.ROOT, "median %.3f ms, 99th percentile %.3f ms, max %.1f ms over %,d changes;"
                    + " heap in use after a collection with the session open: %,d MB", median, p99, max, changes,
                    liveHeap >> 20);
        }
    }

    static Latency measure(ComplianceEngine engine, Facts facts, LocalDate asOf, int changes, long seed,
                           PrintStream out) {
        long started = System.nanoTime();
        try (IncrementalSession session = engine.openSession(facts, asOf, Language.EN)) {
            double open = (System.nanoTime() - started) / 1e9;
            session.changesSinceLastRead();
            System.gc();
            long live = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            Random random = new Random(seed);
            double[] millis = new double[changes];
            for (int i = -WARM_UP; i < changes; i++) {
                long t0 = System.nanoTime();
                change(session, facts, asOf, random, i);
                session.changesSinceLastRead();
                double took = (System.nanoTime() - t0) / 1e6;
                if (i >= 0) {
                    millis[i] = took;
                }
            }
            Arrays.sort(millis);
            Latency latency = new Latency(open, live, changes, percentile(millis, 0.5), percentile(millis, 0.99),
                    millis[millis.length - 1]);
            out.printf(Locale.ROOT, "incremental: opened in %.1f s; one change: %s%n", open, latency.describe());
            return latency;
        }
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void change(IncrementalSession session, Facts facts, LocalDate asOf, Random random, int step) {
        int y = asOf.getYear() - 1;
        switch (Math.floorMod(step, 4)) {
            case 0 -> {
                PeriodicReport r = pick(facts.reports(), random);
                session.update("reports", new PeriodicReport(r.unitId(), r.year(), r.period(),
                        random.nextBoolean() ? r.submittedOn() : r.period().endIn(r.year()).plusDays(40)));
            }
            case 1 -> {
                Declaration d = pick(facts.declarations(), random);
                session.update("declarations", new Declaration(d.id(), d.officialId(), d.kind(), d.year(),
                        random.nextBoolean() ? d.submittedOn() : null, d.totalAssets(), d.totalIncome(),
                        d.increaseExplained(), d.complete(), d.returnedOn(), d.correctedOn(), d.receivedOn(),
                        d.publicizedOn(), d.postedDays(), d.appointmentPlannedOn()));
            }
            case 2 -> {
                Official o = pick(facts.officials(), random);
                session.update("officials", new Official(o.id(), o.fullName(), o.unitId(), o.position(),
                        o.positionGroup(), o.rotationBound(), o.positionSince(), random.nextBoolean(),
                        o.declarablePosition(), o.leader(), o.retirementDate(), o.postponements()));
            }
            default -> {
                Official o = pick(facts.officials(), random);
                LocalDate received = LocalDate.of(y, 3, 1).plusDays(random.nextInt(250));
                session.insert("gifts", new Gift("G-BENCH-" + step, o.id(), received,
                        random.nextBoolean() ? received.plusDays(1) : null, null, "bench", 1_000_000L));
            }
        }
    }

    private static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }
}
