package io.directiverules.directive09;

import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.ComplianceReport;
import io.directiverules.core.Facts;
import io.directiverules.core.Language;
import io.directiverules.core.RequiredAction;
import io.directiverules.core.RuleInfo;
import io.directiverules.core.Violation;
import io.directiverules.core.model.Plan;
import io.directiverules.testkit.generators.FactArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Laws of the whole Directive 09 rule set, checked on generated ministries (rules-testkit's generators): they
 * hold for every rule, so they keep holding as areas are added. Tries are modest: each property runs in a few
 * seconds.
 */
class Directive09Properties {
    /** The year the generated ministries are evaluated in; their facts belong to it and the year before. */
    private static final int YEAR = 2025;
    private static final ComplianceEngine ENGINE = ComplianceEngine.builder().discoverModules().build();
    /** Judges only the first year of the facts, so that no earlier year's deadline is in play. */
    private static final ComplianceEngine FROM_FIRST_YEAR = ComplianceEngine.builder().discoverModules()
            .parameter("evaluation.fromYear", YEAR - 1).build();
    /** The loaded rules by id; one id may be written as several DRL rules (one per way to break it). */
    private static final Map<String, List<RuleInfo>> RULES = ENGINE.rules().stream().filter(r -> r.ruleId() != null)
            .collect(Collectors.groupingBy(RuleInfo::ruleId));

    @Provide
    Arbitrary<Facts> ministries() {
        return FactArbitraries.factSets().year(YEAR).compliantShare(0.5);
    }

    @Provide
    Arbitrary<Facts> mostlyLateMinistries() {
        return FactArbitraries.factSets().year(YEAR).size(2, 8).compliantShare(0.2);
    }

    @Provide
    Arbitrary<Facts> compliantMinistries() {
        return FactArbitraries.compliantFactSets().year(YEAR);
    }

    @Provide
    Arbitrary<LocalDate> daysOfTheYear() {
        return FactArbitraries.daysOf(YEAR);
    }

    @Provide
    Arbitrary<LocalDate> anyDay() {
        return FactArbitraries.dates(LocalDate.of(YEAR - 3, 1, 1), LocalDate.of(YEAR + 2, 12, 31));
    }

    @Property(tries = 60)
    void theReportDoesNotDependOnTheOrderOfFacts(@ForAll("ministries") Facts facts,
                                                 @ForAll("daysOfTheYear") LocalDate asOf, @ForAll Random random) {
        ComplianceReport inOrder = ENGINE.evaluate(facts, asOf);
        ComplianceReport shuffled = ENGINE.evaluate(shuffle(facts, random), asOf);
        assertThat(shuffled.violations()).isEqualTo(inOrder.violations());
        assertThat(shuffled.actions()).isEqualTo(inOrder.actions());
        assertThat(shuffled.summary()).isEqualTo(inOrder.summary());
        assertThat(shuffled.notes()).isEqualTo(inOrder.notes());
    }

    @Property(tries = 80)
    void everyViolationNamesARuleOfTheRuleSetAnExistingUnitAndALegalBasis(@ForAll("ministries") Facts facts,
                                                                          @ForAll("daysOfTheYear") LocalDate asOf) {
        ComplianceReport report = ENGINE.evaluate(facts, asOf);
        Set<String> ids = report.violations().stream().map(Violation::id).collect(Collectors.toSet());
        for (Violation v : report.violations()) {
            assertThat(RULES).as("rule of %s", v).containsKey(v.rule());
            assertThat(facts.unit(v.unitId())).as("unit of %s", v).isPresent();
            assertThat(v.legalBasis()).as("legal basis of %s", v).isNotEmpty();
            assertThat(RULES.get(v.rule())).as("metadata of %s", v)
                    .anyMatch(rule -> rule.legalBasis().equals(v.legalBasis()) && rule.severity() == v.severity());
        }
        for (RequiredAction a : report.actions()) {
            assertThat(facts.unit(a.unitId())).as("unit of %s", a).isPresent();
            assertThat(a.because()).as("violations answered by %s", a).isNotEmpty().allMatch(ids::contains);
        }
        Statistics.label("violations").collect(report.violations().isEmpty() ? "none" : "some");
    }

    @Property(tries = 80)
    void aFactSetCompliantByConstructionProducesNoViolation(@ForAll("compliantMinistries") Facts facts,
                                                           @ForAll("daysOfTheYear") LocalDate asOf) {
        ComplianceReport report = ENGINE.evaluate(facts, asOf);
        assertThat(report.violations()).isEmpty();
        assertThat(report.actions()).isEmpty();
    }

    @Property(tries = 80)
    void beforeEveryDeadlineNoViolationIsLate(@ForAll("mostlyLateMinistries") Facts facts) {
        // Every obligation of a generated set falls due on or after January 1 of its first year; judging from
        // that year, on that day nothing can be late yet.
        LocalDate beforeEveryDeadline = LocalDate.of(YEAR - 1, 1, 1);
        ComplianceReport early = FROM_FIRST_YEAR.evaluate(facts, beforeEveryDeadline);
        assertThat(early.violations()).filteredOn(v -> v.dueOn() != null).isEmpty();
        // The same facts later on are late somewhere, or the law above would say nothing.
        ComplianceReport late = FROM_FIRST_YEAR.evaluate(facts, LocalDate.of(YEAR, 12, 31));
        Statistics.label("late on Dec 31").collect(late.violations().stream().anyMatch(v -> v.dueOn() != null));
        Statistics.label("late on Dec 31").coverage(c -> c.check(true).percentage(p -> p > 50));
    }

    @Property(tries = 80)
    void evaluationNeverThrowsOnAValidFactSet(@ForAll("anyShare") Facts facts, @ForAll("anyDay") LocalDate asOf,
                                              @ForAll Language language) {
        ComplianceReport report = ENGINE.evaluate(facts, asOf, language);
        assertThat(report.summary().violations()).isEqualTo(report.violations().size());
        assertThat(report.violations()).allSatisfy(v -> assertThat(v.title()).isNotBlank());
    }

    @Provide
    Arbitrary<Facts> anyShare() {
        return Arbitraries.doubles().between(0, 1)
                .flatMap(share -> FactArbitraries.factSets().year(YEAR).compliantShare(share));
    }

    /** The same facts with every list, and every plan's tasks, in another order. */
    private static Facts shuffle(Facts facts, Random random) {
        Facts.Builder builder = Facts.builder();
        builder.units(shuffled(facts.units(), random)).officials(shuffled(facts.officials(), random))
                .assessments(shuffled(facts.assessments(), random))
                .plans(shuffled(facts.plans().stream().map(p -> new Plan(p.id(), p.unitId(), p.year(), p.issuedOn(),
                        shuffled(p.focusAreas(), random), shuffled(p.tasks(), random))).toList(), random))
                .disseminations(shuffled(facts.disseminations(), random))
                .declarations(shuffled(facts.declarations(), random))
                .assetChanges(shuffled(facts.assetChanges(), random))
                .verificationPlans(shuffled(facts.verificationPlans(), random))
                .rotationPlans(shuffled(facts.rotationPlans(), random))
                .rotations(shuffled(facts.rotations(), random)).gifts(shuffled(facts.gifts(), random))
                .conflicts(shuffled(facts.conflicts(), random))
                .inspectionPlans(shuffled(facts.inspectionPlans(), random)).cases(shuffled(facts.cases(), random))
                .reports(shuffled(facts.reports(), random)).holidays(shuffled(facts.holidays(), random));
        return builder.build();
    }

    private static <T> List<T> shuffled(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }
}
