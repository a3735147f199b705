package io.directiverules.core;

import io.directiverules.core.model.Unit;
import io.directiverules.core.model.UnitKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rule that runs away is stopped with an error naming it; the engine then serves the next evaluation. */
class RunawayRulesTest {
    private static final String RUNAWAY = RuleFolder.HEADER + """
            declare Tick
                n : int
            end
            rule "Start ticking"
            when
                Unit(name == "Loop")
            then
                insert(new Tick(0));
            end
            rule "Tick forever"
            when
                // Drools is property-reactive: only a pattern that reads n wakes up when n changes.
                Unit(name == "Loop")
                $t : Tick(n >= 0)
            then
                modify($t) { setN($t.getN() + 1) };
            end
            rule "Grow forever"
            when
                Unit(name == "Grow")
                $t : Tick()
            then
                insert(new Tick($t.getN() + 1));
            end
            rule "Start growing"
            when
                Unit(name == "Grow")
            then
                insert(new Tick(0));
            end
            rule "Slow consequence"
            when
                Unit(name == "Slow")
            then
                long sum = 0;
                for (Integer one : java.util.Collections.nCopies(Integer.MAX_VALUE, 1)) {
                    sum += one.hashCode() ^ (sum >>> 3);
                }
                insert(new Tick((int) sum));
            end
            """;

    @TempDir
    Path temp;

    private RuleFolder folder;

    @BeforeEach
    void writeRules() {
        folder = new RuleFolder(temp).write("runaway.drl", RUNAWAY);
    }

    private static Facts factsWith(String unitName) {
        return TestModule.facts().toBuilder().unit(new Unit("U9", unitName, UnitKind.DEPARTMENT, null, null)).build();
    }

    @Test
    void aRuleThatModifiesForeverHitsTheFiringLimit() {
        ComplianceEngine engine = folder.builder().maxFirings(10_000).build();

        assertThatThrownBy(() -> engine.evaluate(factsWith("Loop"), TestModule.AS_OF))
                .isInstanceOf(EvaluationException.class)
                .hasMessageStartingWith("evaluation stopped after more than the limit of 10000 rule firings;"
                        + " the rules that fired most: \"Tick forever\" (");

        ComplianceReport next = engine.evaluate(TestModule.facts(), TestModule.AS_OF);
        assertThat(next.violationsOf("T-01")).hasSize(1);
    }

    @Test
    void aRuleThatInsertsForeverHitsTheFiringLimit() {
        ComplianceEngine engine = folder.builder().maxFirings(5_000).build();

        assertThatThrownBy(() -> engine.evaluate(factsWith("Grow"), TestModule.AS_OF))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("the rules that fired most: \"Grow forever\" (");
    }

    @Test
    void aLoopThatOutlastsTheTimeLimitEndsOnTimeAndTheEngineServesTheNextEvaluation() throws InterruptedException {
        ComplianceEngine engine = folder.builder().maxFirings(Long.MAX_VALUE / 2).timeLimit(Duration.ofMillis(300))
                .build();
        long started = System.nanoTime();

        assertThatThrownBy(() -> engine.evaluate(factsWith("Loop"), TestModule.AS_OF))
                .isInstanceOf(EvaluationException.class)
                .hasMessageStartingWith("evaluation stopped after the time limit of 300 ms; the rules that fired"
                        + " most: \"Tick forever\" (");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        // The worker halts its session too: it does not go on firing in the background.
        assertThat(workerStillFiring(Duration.ofSeconds(5))).as("a worker still firing the stopped rules").isFalse();
        ComplianceReport next = engine.evaluate(TestModule.facts(), TestModule.AS_OF);
        assertThat(next.violationsOf("T-01")).hasSize(1);
        assertThat(next.ruleSet()).isEqualTo(engine.ruleSet());
    }

    /**
     * Whether an evaluation worker is still firing rules after {@code patience}, other than one running the
     * slow consequence of another test (which ends by itself).
     */
    private static boolean workerStillFiring(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            boolean firing = Thread.getAllStackTraces().values().stream().anyMatch(stack -> {
                boolean inFiring = false;
                for (StackTraceElement frame : stack) {
                    if (frame.getClassName().contains("Slow_consequence")) {
                        return false;
                    }
                    inFiring |= frame.getClassName().endsWith("RuleSetRuntime$Firing");
                }
                return inFiring;
            });
            if (!firing) {
                return false;
            }
            if (System.nanoTime() > deadline) {
                return true;
            }
            Thread.sleep(20);
        }
    }

    @Test
    void theHostThreadIsHandedBackWhileALongConsequenceStillRuns() {
        ComplianceEngine engine = folder.builder().timeLimit(Duration.ofMillis(200)).build();
        long started = System.nanoTime();

        assertThatThrownBy(() -> engine.evaluate(factsWith("Slow"), TestModule.AS_OF))
                .isInstanceOf(EvaluationException.class)
                .hasMessageStartingWith("evaluation stopped after the time limit of 200 ms")
                .hasMessageEndingWith("still running: \"Slow consequence\"");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> folder.builder().timeLimit(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> folder.builder().maxFirings(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
