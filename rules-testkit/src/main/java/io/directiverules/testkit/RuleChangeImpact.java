package io.directiverules.testkit;

import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.ComplianceReport;
import io.directiverules.core.Facts;
import io.directiverules.core.InputError;
import io.directiverules.core.InvalidInputException;
import io.directiverules.core.RuleModule;
import io.directiverules.core.io.FactsReader;
import io.directiverules.testkit.Impact.Change;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The impact of a rule change: evaluates the same facts under two rule sets, or two parameter sets, and lists
 * the violations and actions that appear, disappear or change.
 *
 * <pre>{@code
 * RuleChangeImpact impact = RuleChangeImpact.between(
 *         () -> ComplianceEngine.builder().discoverModules(),
 *         () -> ComplianceEngine.builder().discoverModules().ruleFolder(Path.of("my-rules")));
 * System.out.println(impact.ofSample().toText());
 * }</pre>
 *
 * <p>Each side's engine is built once (and once per scenario rule folders and parameters). Thread-safe.
 */
public final class RuleChangeImpact {
    private final ScenarioRunner base;
    private final ScenarioRunner changed;
    private final Supplier<ComplianceEngine.Builder> baseBuilder;
    private final Supplier<ComplianceEngine.Builder> changedBuilder;
    private volatile ComplianceEngine baseEngine;
    private volatile ComplianceEngine changedEngine;

    private RuleChangeImpact(Supplier<ComplianceEngine.Builder> base, Supplier<ComplianceEngine.Builder> changed) {
        this.baseBuilder = Objects.requireNonNull(base, "base");
        this.changedBuilder = Objects.requireNonNull(changed, "changed");
        this.base = ScenarioRunner.with(base);
        this.changed = ScenarioRunner.with(changed);
    }

    /** Compares the engines these builders make: the base rule set (or parameters) and the changed one. */
    public static RuleChangeImpact between(Supplier<ComplianceEngine.Builder> base,
                                           Supplier<ComplianceEngine.Builder> changed) {
        return new RuleChangeImpact(base, changed);
    }

    /** The base engine (built on first use). */
    public ComplianceEngine baseEngine() {
        if (baseEngine == null) {
            baseEngine = baseBuilder.get().build();
        }
        return baseEngine;
    }

    /** The changed engine (built on first use). */
    public ComplianceEngine changedEngine() {
        if (changedEngine == null) {
            changedEngine = changedBuilder.get().build();
        }
        return changedEngine;
    }

    /**
     * The impact on {@code facts} evaluated on {@code asOf}. When a side refuses the facts (a parameter naming
     * an unknown unit), nothing is compared and the notes say why.
     */
    public Impact of(Facts facts, LocalDate asOf) {
        return of("facts as of " + asOf, facts, asOf);
    }

    /** The impact on the bundled sample of the base rule set's modules, on the sample's date. */
    public Impact ofSample() {
        return ofSample(null);
    }

    /** The impact on the bundled sample of the base rule set's modules, on {@code asOf} (null: the sample's date). */
    public Impact ofSample(LocalDate asOf) {
        RuleModule.Sample sample = baseEngine().sample().orElseThrow(() -> new IllegalStateException(
                "no loaded module bundles a sample: give facts"));
        Facts facts = FactsReader.strict().read(sample.open(), sample.resource());
        LocalDate day = asOf == null ? sample.asOf() : asOf;
        return of("sample as of " + day, facts, day);
    }

    /**
     * The impact on the facts of every scenario under {@code paths} (files, or folders searched recursively),
     * each evaluated on its date with its own parameters and rule folders on both sides. Scenarios whose
     * facts are invalid (those that expect input errors) are left out and named in the notes.
     *
     * @throws InvalidInputException when a scenario file has errors
     */
    public Impact ofScenarios(List<Path> paths) {
        List<Change> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int[] totals = new int[5];
        for (Path file : ScenarioReader.files(paths)) {
            for (Scenario scenario : ScenarioReader.read(file)) {
                String name = file.getFileName() + ": " + scenario.name();
                Facts facts;
                try {
                    facts = FactsReader.strict().read(scenario.facts(), file.toString());
                } catch (InvalidInputException invalid) {
                    notes.add(name + ": left out, its facts are invalid");
                    continue;
                }
                compare(name, facts, scenario.asOf(), base.engineFor(scenario), changed.engineFor(scenario), changes,
                        notes, totals);
            }
        }
        return new Impact(changes, totals[0], totals[1], totals[2], totals[3], totals[4], notes);
    }

    private Impact of(String name, Facts facts, LocalDate asOf) {
        List<Change> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int[] totals = new int[5];
        compare(name, facts, asOf, baseEngine(), changedEngine(), changes, notes, totals);
        return new Impact(changes, totals[0], totals[1], totals[2], totals[3], totals[4], notes);
    }

    private static void compare(String name, Facts facts, LocalDate asOf, ComplianceEngine baseSide,
                                ComplianceEngine changedSide, List<Change> changes, List<String> notes, int[] totals) {
        ComplianceReport before = evaluate(baseSide, facts, asOf, name, "base", notes);
        ComplianceReport after = evaluate(changedSide, facts, asOf, name, "changed", notes);
        if (before == null || after == null) {
            return;
        }
        totals[0]++;
        totals[1] += before.violations().size();
        totals[2] += after.violations().size();
        totals[3] += before.actions().size();
        totals[4] += after.actions().size();
        changes.addAll(ReportDiff.between(name, before, after));
    }

    private static ComplianceReport evaluate(ComplianceEngine engine, Facts facts, LocalDate asOf, String name,
                                             String side, List<String> notes) {
        try {
            return engine.evaluate(facts, asOf);
        } catch (InvalidInputException refused) {
            notes.add(name + ": refused under the " + side + " rules: " + refused.errors().stream()
                    .map(InputError::toString).collect(Collectors.joining("; ")));
            return null;
        }
    }
}
