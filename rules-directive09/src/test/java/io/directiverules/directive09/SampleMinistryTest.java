package io.directiverules.directive09;

import io.directiverules.core.Actor;
import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.ComplianceReport;
import io.directiverules.core.Facts;
import io.directiverules.core.InputError;
import io.directiverules.core.Language;
import io.directiverules.core.RequiredAction;
import io.directiverules.core.RuleInfo;
import io.directiverules.core.RuleModule;
import io.directiverules.core.Violation;
import io.directiverules.core.io.FactsReader;
import io.directiverules.core.model.Official;
import io.directiverules.core.model.Unit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled sample ministry, loaded as a new user's first {@code directive-rules evaluate} loads it (through the
 * public API only), tells the story it should: it loads cleanly, every rule fires at least once, most units
 * comply, and every text of the report is complete in every language.
 */
class SampleMinistryTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z][A-Za-z0-9_.]*}");
    private static final String PERSONNEL_DEPARTMENT_KEY = "actors.personnelDepartmentId";
    private static final String RETIREMENT_MONTHS_KEY = "rotation.retirementExemptionMonths";

    private static ComplianceEngine engine;
    private static RuleModule.Sample sample;
    private static Facts facts;
    private static final List<InputError> INPUT_ERRORS = new ArrayList<>();
    private static final Map<Language, ComplianceReport> REPORTS = new EnumMap<>(Language.class);

    @BeforeAll
    static void evaluateTheSample() throws IOException {
        engine = ComplianceEngine.builder().discoverModules().build();
        sample = engine.sample().orElseThrow(() -> new AssertionError("no loaded module bundles a sample"));
        try (InputStream in = sample.open()) {
            // Collects every input error instead of stopping at the first, so a failure lists them all.
            facts = FactsReader.strict().skippingInvalidFacts(INPUT_ERRORS::add).read(in, sample.resource());
        }
        for (Language language : Language.values()) {
            REPORTS.put(language, engine.evaluate(facts, sample.asOf(), language));
        }
    }

    @Test
    void theSampleLoadsWithoutInputErrors() throws IOException {
        assertThat(INPUT_ERRORS).as("input errors of %s", sample.resource()).isEmpty();
        try (InputStream in = sample.open()) {
            assertThat(FactsReader.strict().read(in, sample.resource()).size())
                    .as("facts read strictly").isEqualTo(facts.size()).isPositive();
        }
        assertThat(sample.asOf()).isEqualTo(Directive09Module.SAMPLE_AS_OF);
    }

    @Test
    void everyRuleTheEngineKnowsFiresAtLeastOnce() {
        Set<String> known = engine.rules().stream().map(RuleInfo::ruleId).filter(id -> id != null)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> fired = REPORTS.get(Language.EN).violations().stream().map(Violation::rule)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> silent = new TreeSet<>(known);
        silent.removeAll(fired);

        assertThat(known).as("rule ids of the loaded engine").isNotEmpty();
        assertThat(silent).as("rules that never fire on the sample (fired: %s)", fired).isEmpty();
    }

    @Test
    void mostUnitsHaveNoViolation() {
        Set<String> units = facts.units().stream().map(Unit::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> withViolations = REPORTS.get(Language.EN).violations().stream().map(Violation::unitId)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> compliant = new TreeSet<>(units);
        compliant.removeAll(withViolations);

        assertThat(units).as("units of the sample").containsAll(withViolations);
        assertThat(compliant.size() * 2)
                .as("twice the number of units without a violation %s, against the %d units (with violations: %s)",
                        compliant, units.size(), withViolations)
                .isGreaterThan(units.size());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyTextIsCompleteInEveryLanguage(Language language) {
        ComplianceReport report = REPORTS.get(language);
        List<String> unfilled = new ArrayList<>();
        for (Violation v : report.violations()) {
            Stream.of(v.title(), v.message()).forEach(text -> unfilled.addAll(problems(v.rule() + " " + v.id(), text)));
        }
        for (RequiredAction a : report.actions()) {
            unfilled.addAll(problems(a.code() + " " + a.id(), a.description()));
        }

        assertThat(report.violations()).isNotEmpty();
        assertThat(report.actions()).isNotEmpty();
        assertThat(unfilled).as("texts in %s that are empty or keep a placeholder", language).isEmpty();
    }

    /**
     * The sample gives every unit a head, and its one ministry tree has a ministry at the root, an inspectorate
     * and an asset control agency, so the catalogue lets an action go without an actor only for the personnel
     * department, and only while {@code actors.personnelDepartmentId} is not set.
     */
    @Test
    void everyActionNamesAnActorWhereTheCatalogueResolvesOne() {
        boolean personnelDepartmentSet = engine.parameters().has(PERSONNEL_DEPARTMENT_KEY, sample.asOf());
        Set<String> known = new TreeSet<>();
        facts.units().forEach(u -> known.add(u.id()));
        facts.officials().forEach(o -> known.add(o.id()));

        List<String> unnamed = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (RequiredAction a : REPORTS.get(Language.EN).actions()) {
            boolean mayBeUnnamed = a.actor() == Actor.PERSONNEL_DEPARTMENT && !personnelDepartmentSet;
            if (a.actorId() == null && !mayBeUnnamed) {
                unnamed.add(a.code() + " (" + a.actor() + ") for " + a.unitId());
            } else if (a.actorId() != null && !known.contains(a.actorId())) {
                unknown.add(a.code() + " -> " + a.actorId());
            }
        }

        assertThat(unnamed).as("actions whose actor the catalogue resolves but that name none").isEmpty();
        assertThat(unknown).as("actions whose actorId is no unit or official of the sample").isEmpty();
    }

    @Test
    void oneUrgeUnitAnswersAMissingPlanAndAMissingReportOfTheSameUnitAndYear() {
        ComplianceReport report = REPORTS.get(Language.EN);
        List<String> grouped = report.actions().stream().filter(a -> a.code().equals("URGE_UNIT"))
                .filter(a -> rulesBehind(report, a).containsAll(Set.of("D09-PLAN-01", "D09-REP-01")))
                .map(a -> a.unitId() + " " + a.because()).toList();

        assertThat(grouped).as("URGE_UNIT actions answering both a D09-PLAN-01 and a D09-REP-01").isNotEmpty();
    }

    @Test
    void theOfficialsExemptFromRotationAreNotFlagged() {
        LocalDate asOf = sample.asOf();
        LocalDate retirementLimit = asOf.plusMonths(engine.parameters().integer(RETIREMENT_MONTHS_KEY, asOf));
        Set<String> exempt = facts.officials().stream().filter(Official::rotationBound)
                .filter(o -> (o.retirementDate() != null && o.retirementDate().isBefore(retirementLimit))
                        || o.postponements().stream().anyMatch(p -> p.covers(asOf)))
                .map(Official::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> flagged = REPORTS.get(Language.EN).violationsOf("D09-ROT-03").stream().map(Violation::subjectId)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(exempt).as("rotation-bound officials retiring soon or with a postponement on %s", asOf)
                .isNotEmpty();
        assertThat(flagged).as("officials flagged by D09-ROT-03").isNotEmpty().doesNotContainAnyElementsOf(exempt);
    }

    private static Set<String> rulesBehind(ComplianceReport report, RequiredAction action) {
        return action.because().stream().map(report::violation).flatMap(java.util.Optional::stream)
                .map(Violation::rule).collect(Collectors.toSet());
    }

    private static List<String> problems(String where, String text) {
        if (text == null || text.isBlank()) {
            return List.of(where + ": no text");
        }
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(where + ": " + m.group() + " in \"" + text + "\"");
        }
        return found;
    }
}
