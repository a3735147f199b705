package io.directiverules.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reloads swap whole rule sets in; failed reloads keep the previous one serving. */
class ReloadingComplianceEngineTest {
    @TempDir
    Path temp;

    /** A rule set whose A-01 violation carries its version, so a report shows which rule set made it. */
    private static String version(int version) {
        return RuleFolder.HEADER + """
                rule "A-01 Versioned"
                    @ruleId("A-01") @severity("LOW") @legalBasis("Analyst §1")
                when
                    $unit : Unit(id == "U1")
                then
                    insert(Verdict.violation(drools).unit($unit.id()).detail("version", %d).build());
                end
                """.formatted(version);
    }

    private static String broken(int attempt) {
        return attempt % 2 == 0
                ? version(attempt).replace("$unit : Unit(id == \"U1\")", "$unit : Unit(id == )")
                : version(attempt).replace("insert(", "int bad = \"x\"; insert(");
    }

    private static long versionOf(ComplianceReport report) {
        List<Violation> versioned = report.violationsOf("A-01");
        assertThat(versioned).as("one versioned violation").hasSize(1);
        return ((Number) versioned.get(0).details().get("version")).longValue();
    }

    @Test
    void concurrentEvaluationsDuringGoodAndBadReloadsEachSeeOneWholeRuleSet() throws Exception {
        RuleFolder folder = new RuleFolder(temp).write("analyst.drl", version(0));
        Map<String, Long> versionByFingerprint = new ConcurrentHashMap<>();
        ReloadingComplianceEngine engine = ReloadingComplianceEngine.builder(folder.builder()).build();
        versionByFingerprint.put(engine.current().ruleSet().fingerprint(), 0L);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<ComplianceReport> reports = new CopyOnWriteArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(3);
        List<Thread> evaluators = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread evaluator = new Thread(() -> {
                started.countDown();
                while (!done.get()) {
                    try {
                        reports.add(engine.evaluate(TestModule.facts(), TestModule.AS_OF));
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            });
            evaluator.start();
            evaluators.add(evaluator);
        }
        started.await();
        List<ReloadingComplianceEngine.Outcome> rejected = new ArrayList<>();
        for (int attempt = 1; attempt <= 8; attempt++) {
            folder.write("analyst.drl", version(attempt));
            ReloadingComplianceEngine.Outcome loaded = engine.reload();
            assertThat(loaded.loaded()).as("attempt %d loads", attempt).isTrue();
            versionByFingerprint.put(loaded.serving().fingerprint(), (long) attempt);

            folder.write("analyst.drl", broken(attempt));
            ReloadingComplianceEngine.Outcome failed = engine.reload();
            rejected.add(failed);
            assertThat(failed.serving()).isEqualTo(loaded.serving());
        }
        done.set(true);
        for (Thread evaluator : evaluators) {
            evaluator.join(TimeUnit.MINUTES.toMillis(2));
        }

        assertThat(failures).isEmpty();
        assertThat(rejected).allSatisfy(r -> assertThat(r.loaded()).isFalse());
        assertThat(reports).hasSizeGreaterThan(8);
        assertThat(reports).allSatisfy(report -> {
            Long expected = versionByFingerprint.get(report.ruleSet().fingerprint());
            assertThat(expected).as("a fingerprint of a rule set that was loaded").isNotNull();
            assertThat(versionOf(report)).isEqualTo(expected);
        });
        assertThat(reports.stream().map(r -> r.ruleSet().fingerprint()).distinct().count()).isGreaterThan(1);
    }

    @Test
    void aBrokenEditKeepsThePreviousRuleSetServingUntilItIsFixed() {
        RuleFolder folder = new RuleFolder(temp).write("analyst.drl", version(1));
        List<ReloadingComplianceEngine.Outcome> heard = new ArrayList<>();
        ReloadingComplianceEngine engine = ReloadingComplianceEngine.builder(folder.builder())
                .listener(heard::add).build();
        RuleSetInfo first = engine.current().ruleSet();

        String brokenDrl = version(2).replace("detail(\"version\", 2)", "detail(\"version\", 2).nosuch()");
        folder.write("analyst.drl", brokenDrl);
        ReloadingComplianceEngine.Outcome failed = engine.reload();

        assertThat(failed.loaded()).isFalse();
        assertThat(failed.serving()).isEqualTo(first);
        int line = (int) brokenDrl.substring(0, brokenDrl.indexOf("nosuch")).chars().filter(c -> c == '\n').count() + 1;
        assertThat(failed.diagnostics()).anySatisfy(d -> assertThat(d.toString())
                .startsWith(folder.file("analyst.drl") + ":" + line + ":").contains("nosuch()"));
        assertThat(versionOf(engine.evaluate(TestModule.facts(), TestModule.AS_OF))).isEqualTo(1);

        folder.write("analyst.drl", version(2));
        ReloadingComplianceEngine.Outcome fixed = engine.reload();

        assertThat(fixed.loaded()).isTrue();
        assertThat(fixed.serving()).isNotEqualTo(first).isEqualTo(engine.current().ruleSet());
        ComplianceReport report = engine.evaluate(TestModule.facts(), TestModule.AS_OF);
        assertThat(versionOf(report)).isEqualTo(2);
        assertThat(report.ruleSet()).isEqualTo(fixed.serving());
        assertThat(heard).containsExactly(failed, fixed);
    }

    @Test
    void theWatcherReloadsAChangedFolder() throws Exception {
        RuleFolder folder = new RuleFolder(temp).write("analyst.drl", version(1));
        BlockingQueue<ReloadingComplianceEngine.Outcome> heard = new LinkedBlockingQueue<>();
        try (ReloadingComplianceEngine engine = ReloadingComplianceEngine.builder(folder.builder())
                .listener(heard::add).quietPeriod(Duration.ofMillis(100)).watch().build()) {
            folder.write("analyst.drl", version(3));
            ReloadingComplianceEngine.Outcome loaded = heard.poll(30, TimeUnit.SECONDS);

            assertThat(loaded).as("a reload within 30 s").isNotNull();
            assertThat(loaded.loaded()).isTrue();
            assertThat(versionOf(engine.evaluate(TestModule.facts(), TestModule.AS_OF))).isEqualTo(3);

            folder.write("analyst.drl", broken(3));
            ReloadingComplianceEngine.Outcome failed = heard.poll(30, TimeUnit.SECONDS);

            assertThat(failed).as("a reload within 30 s").isNotNull();
            assertThat(failed.loaded()).isFalse();
            assertThat(versionOf(engine.evaluate(TestModule.facts(), TestModule.AS_OF))).isEqualTo(3);
        }
    }

    @Test
    void aFirstRuleSetThatDoesNotLoadLeavesNothingToServe() {
        RuleFolder folder = new RuleFolder(temp).write("analyst.drl", broken(2));

        assertThatThrownBy(() -> ReloadingComplianceEngine.builder(folder.builder()).build())
                .isInstanceOf(RuleLoadException.class);
    }
}
