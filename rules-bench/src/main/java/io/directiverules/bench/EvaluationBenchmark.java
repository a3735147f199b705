package io.directiverules.bench;

import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.ComplianceReport;
import io.directiverules.core.Facts;
import io.directiverules.core.Language;
import io.directiverules.core.io.FactsReader;
import io.directiverules.directive09.Directive09Module;
import io.directiverules.testkit.generate.MinistryGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JMH benchmarks of one evaluation of a generated ministry: reading the facts file, the engine in one
 * session and partitioned, the hand-written baseline, and building the engine. Each invocation is one whole
 * run (single-shot), as a ministry runs it.
 *
 * <pre>
 * java -Xmx8g -jar rules-bench/target/benchmarks.jar EvaluationBenchmark -p officials=10000,100000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class EvaluationBenchmark {

    /** Officials in the generated ministry; every other list follows in proportion. */
    @Param({"10000"})
    public int officials;

    private Path file;
    private Facts facts;
    private LocalDate asOf;
    private ComplianceEngine single;
    private ComplianceEngine partitioned;
    private Baseline baseline;

    /** Generates the facts file and reads it, builds the engines, and checks that the baseline agrees. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        MinistryGenerator generator = MinistryGenerator.builder().officials(officials).seed(1).build();
        file = Files.createTempFile("ministry-" + officials + "-", ".json");
        generator.writeJson(file);
        facts = FactsReader.strict().read(file);
        asOf = generator.asOf();
        single = ComplianceEngine.builder().module(new Directive09Module()).build();
        partitioned = ComplianceEngine.builder().module(new Directive09Module())
                .parallelism(Runtime.getRuntime().availableProcessors()).build();
        baseline = new Baseline(single.parameters());
        Agreement agreement = Agreement.of(baseline.evaluate(facts, asOf),
                single.evaluate(facts, asOf, Language.EN).violations());
        if (!agreement.agrees()) {
            throw new IllegalStateException("the baseline and the engine disagree:\n" + agreement.describe(20));
        }
    }

    /** Removes the facts file. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Reading and validating the facts file. */
    @Benchmark
    public Facts read() {
        return FactsReader.strict().read(file);
    }

    /** The engine, one session. */
    @Benchmark
    public ComplianceReport engineSingleSession() {
        return single.evaluate(facts, asOf, Language.EN);
    }

    /** The engine, partitioned on every core. */
    @Benchmark
    public ComplianceReport enginePartitioned() {
        return partitioned.evaluate(facts, asOf, Language.EN);
    }

    /** The hand-written baseline of DECL-01..04, ROT-03, TASK-01, REP-01. */
    @Benchmark
    public List<Finding> baseline() {
        return baseline.evaluate(facts, asOf);
    }

    /** Compiling the rule set. */
    @Benchmark
    public ComplianceEngine buildEngine() {
        return ComplianceEngine.builder().module(new Directive09Module()).build();
    }
}
