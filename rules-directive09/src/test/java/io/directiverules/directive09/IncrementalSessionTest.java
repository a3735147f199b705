package io.directiverules.directive09;

import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.ComplianceReport;
import io.directiverules.core.Facts;
import io.directiverules.core.IncrementalSession;
import io.directiverules.core.InvalidInputException;
import io.directiverules.core.Language;
import io.directiverules.core.RequiredAction;
import io.directiverules.core.Violation;
import io.directiverules.core.model.Declaration;
import io.directiverules.core.model.DeclarationKind;
import io.directiverules.core.model.Gift;
import io.directiverules.core.model.Official;
import io.directiverules.core.model.PeriodicReport;
import io.directiverules.core.model.Plan;
import io.directiverules.core.model.PlanTask;
import io.directiverules.core.model.ReportPeriod;
import io.directiverules.core.model.Rotation;
import io.directiverules.core.model.Unit;
import io.directiverules.testkit.generate.MinistryGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A long-lived session stays equal to a full evaluation of its current facts through random changes. */
class IncrementalSessionTest {
    private static ComplianceEngine engine;

    @BeforeAll
    static void engine() {
        engine = ComplianceEngine.builder().module(new Directive09Module()).build();
    }

    private static void assertEqualsFullEvaluation(IncrementalSession session, LocalDate asOf, String after) {
        ComplianceReport expected = engine.evaluate(session.facts(), asOf, Language.EN);
        ComplianceReport actual = session.report();
        assertThat(actual.violations()).as("violations after " + after)
                .containsExactlyElementsOf(expected.violations());
        assertThat(actual.actions()).as("actions after " + after).containsExactlyElementsOf(expected.actions());
        assertThat(actual).as("report after " + after).isEqualTo(expected);
    }

    @Test
    void randomChangesKeepTheSessionEqualToAFullEvaluation() {
        MinistryGenerator generator = MinistryGenerator.builder().officials(800).seed(21).laxUnitShare(0.4).build();
        Facts facts = generator.facts();
        LocalDate asOf = generator.asOf();
        Random random = new Random(5);
        try (IncrementalSession session = engine.openSession(facts, asOf, Language.EN)) {
            assertEqualsFullEvaluation(session, asOf, "opening");
            Set<String> seenViolations = new HashSet<>(session.report().violations().stream().map(Violation::id)
                    .toList());
            Set<String> seenActions = session.report().actions().stream().map(RequiredAction::id)
                    .collect(Collectors.toCollection(HashSet::new));
            List<String> done = new ArrayList<>();
            for (int step = 1; step <= 60; step++) {
                done.add(change(session, random, asOf, step));
                IncrementalSession.Changes changes = session.changesSinceLastRead();
                changes.addedViolations().forEach(v -> assertThat(seenViolations.add(v.id())).isTrue());
                changes.removedViolations().forEach(id -> assertThat(seenViolations.remove(id)).isTrue());
                changes.addedActions().forEach(a -> seenActions.add(a.id()));
                changes.removedActions().forEach(seenActions::remove);
                if (step % 12 == 0) {
                    ComplianceReport now = engine.evaluate(session.facts(), asOf, Language.EN);
                    assertThat(seenViolations).as("violations told by the changes, after " + done)
                            .containsExactlyInAnyOrderElementsOf(now.violations().stream().map(Violation::id).toList());
                    assertThat(seenActions).containsExactlyInAnyOrderElementsOf(
                            now.actions().stream().map(RequiredAction::id).toList());
                    assertEqualsFullEvaluation(session, asOf, String.join(", ", done));
                }
            }
        }
    }

    /** One random change of a kind drawn at random; returns what it did. */
    private static String change(IncrementalSession session, Random random, LocalDate asOf, int step) {
        Facts facts = session.facts();
        int y = asOf.getYear() - 1;
        switch (random.nextInt(9)) {
            case 0 -> {
                PeriodicReport r = pick(facts.reports(), random);
                session.delete("reports", IncrementalSession.keyOf(r));
                return "delete report " + IncrementalSession.keyOf(r);
            }
            case 1 -> {
                Unit unit = pick(facts.units().stream().filter(Unit::mustPlan).toList(), random);
                PeriodicReport r = new PeriodicReport(unit.id(), y, ReportPeriod.H1, LocalDate.of(y, 7, 1 + random.nextInt(30)));
                boolean exists = facts.reports().stream().anyMatch(x -> IncrementalSession.keyOf(x)
                        .equals(IncrementalSession.keyOf(r)));
                if (exists) {
                    session.update("reports", r);
                } else {
                    session.insert("reports", r);
                }
                return (exists ? "update" : "insert") + " report " + IncrementalSession.keyOf(r);
            }
            case 2 -> {
                Official o = pick(facts.officials(), random);
                Official changed = new Official(o.id(), o.fullName(), o.unitId(), o.position(),
                        o.positionGroup() == null ? "PERSONNEL" : o.positionGroup(), !o.rotationBound(),
                        o.positionSince(), !o.annualDeclarant(), o.declarablePosition(), o.leader(),
                        o.retirementDate(), o.postponements());
                session.update("officials", changed);
                return "flip official " + o.id();
            }
            case 3 -> {
                Declaration d = pick(facts.declarations(), random);
                session.delete("declarations", d.id());
                return "delete declaration " + d.id();
            }
            case 4 -> {
                Official o = pick(facts.officials(), random);
                String id = o.id() + "-X" + step;
                session.insert("declarations", new Declaration(id, o.id(), DeclarationKind.ANNUAL, y,
                        LocalDate.of(y, 12, 1 + random.nextInt(31)).plusDays(random.nextInt(20)), 9_000_000_000L,
                        500_000_000L, random.nextBoolean(), true, null, null, null, null, null, null));
                return "insert declaration " + id;
            }
            case 5 -> {
                Plan p = pick(facts.plans(), random);
                List<PlanTask> tasks = p.tasks().stream().map(t -> random.nextBoolean() ? t
                        : new PlanTask(t.id(), t.assigneeUnitId(), t.title(), t.dueOn(), null)).toList();
                List<PlanTask> fewer = tasks.size() > 1 && random.nextBoolean() ? tasks.subList(1, tasks.size()) : tasks;
                session.update("plans", new Plan(p.id(), p.unitId(), p.year(),
                        random.nextInt(4) == 0 ? null : p.issuedOn(), p.focusAreas(), fewer));
                return "update plan " + p.id();
            }
            case 6 -> {
                Official o = pick(facts.officials().stream().filter(Official::rotationBound).toList(), random);
                Rotation r = new Rotation(o.id(), asOf.plusDays(10 + step), "Chuyên viên");
                session.insert("rotations", r);
                return "insert rotation " + IncrementalSession.keyOf(r);
            }
            case 7 -> {
                Official o = pick(facts.officials(), random);
                String id = "G-X" + step;
                LocalDate received = LocalDate.of(y, 3, 1).plusDays(random.nextInt(200));
                session.insert("gifts", new Gift(id, o.id(), received, random.nextBoolean() ? null
                        : received.plusDays(2), null, "Công ty Y", 1_000_000L));
                return "insert gift " + id;
            }
            default -> {
                // A unit change re-resolves the actors: a new head, or none.
                Unit unit = pick(facts.units(), random);
                List<Official> own = facts.officials().stream().filter(o -> o.unitId().equals(unit.id())).toList();
                String head = random.nextInt(3) == 0 || own.isEmpty() ? null : pick(own, random).id();
                session.update("units", new Unit(unit.id(), unit.name(), unit.kind(), unit.parentId(), head));
                return "head of " + unit.id() + " := " + head;
            }
        }
    }

    private static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    @Test
    void theReadmeExampleRunsOnTheSampleAndIsShownVerbatim() throws Exception {
        Facts facts;
        try (java.io.InputStream in = Directive09Module.class.getClassLoader()
                .getResourceAsStream(Directive09Module.BASE + "sample/ministry.yaml")) {
            facts = io.directiverules.core.io.FactsReader.strict().read(in, "ministry.yaml");
        }
        List<String> lines = new ArrayList<>();
        // README-SESSION-BEGIN
        try (IncrementalSession session = engine.openSession(facts, LocalDate.of(2025, 7, 31), Language.VI)) {
            ComplianceReport now = session.report();                              // what engine.evaluate(...) gives
            session.update("reports", new PeriodicReport("U-TCCB", 2025, ReportPeriod.H1, LocalDate.of(2025, 7, 20)));
            IncrementalSession.Changes changes = session.changesSinceLastRead();  // violations and actions added, removed
            lines.add(changes.addedViolations().get(0).rule());                   // D09-REP-01: the H1 report is late
        }
        // README-SESSION-END
        assertThat(lines).containsExactly("D09-REP-01");
        String source = java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/test/java/io/directiverules/directive09/IncrementalSessionTest.java"));
        String example = source.substring(source.indexOf("// README-SESSION-BEGIN\n") + 24,
                        source.indexOf("        // README-SESSION-END"))
                .lines().map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"))).contains(example);
    }

    @Test
    void anOfficialMovedToAnotherUnitTakesTheViolationsOfTheirDeclarationsAndGiftsAlong() {
        // D09-DECL-04..07, GIFT-01 and COI-01 look the official up instead of joining it: the session must
        // re-judge the official's facts when the official changes, or the violations stay in the old unit.
        MinistryGenerator generator = MinistryGenerator.builder().officials(800).seed(21).laxUnitShare(0.4).build();
        Facts facts = generator.facts();
        LocalDate asOf = generator.asOf();
        ComplianceReport before = engine.evaluate(facts, asOf, Language.EN);
        Set<String> lookedUp = Set.of("D09-DECL-04", "D09-DECL-05", "D09-DECL-06", "D09-DECL-07", "D09-GIFT-01",
                "D09-COI-01");
        List<String> movedIds = before.violations().stream().filter(v -> lookedUp.contains(v.rule()))
                .map(Violation::subjectId).distinct().limit(8).toList();
        assertThat(movedIds).hasSizeGreaterThan(3);
        try (IncrementalSession session = engine.openSession(facts, asOf, Language.EN)) {
            for (String id : movedIds) {
                Official o = facts.official(id).orElseThrow();
                String elsewhere = facts.units().stream().map(Unit::id).filter(u -> !u.equals(o.unitId()))
                        .skip(Math.floorMod(id.hashCode(), 20)).findFirst().orElseThrow();
                session.update("officials", new Official(o.id(), o.fullName(), elsewhere, o.position(),
                        o.positionGroup(), o.rotationBound(), o.positionSince(), o.annualDeclarant(),
                        o.declarablePosition(), o.leader(), o.retirementDate(), o.postponements()));
            }
            assertEqualsFullEvaluation(session, asOf, "moving " + movedIds);
            Map<String, String> unitOf = new HashMap<>();
            session.facts().officials().forEach(o -> unitOf.put(o.id(), o.unitId()));
            assertThat(session.report().violations()).filteredOn(v -> movedIds.contains(v.subjectId()))
                    .filteredOn(v -> lookedUp.contains(v.rule())).isNotEmpty()
                    .allSatisfy(v -> assertThat(v.unitId()).isEqualTo(unitOf.get(v.subjectId())));
        }
    }

    @Test
    void changesAreCheckedForKeysAndReferences() {
        MinistryGenerator generator = MinistryGenerator.builder().officials(200).seed(2).build();
        Facts facts = generator.facts();
        try (IncrementalSession session = engine.openSession(facts, generator.asOf(), Language.EN)) {
            Official someone = facts.officials().get(5);
            assertThatThrownBy(() -> session.insert("officials", someone))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("already holds");
            assertThatThrownBy(() -> session.insert("gifts", new Gift("G-NEW", "O-NOBODY",
                    generator.asOf(), null, null, null, null)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("no official with id \"O-NOBODY\"");
            assertThatThrownBy(() -> session.delete("units", facts.units().get(0).id()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("still named");
            assertThatThrownBy(() -> session.delete("reports", "U-NONE/2024/Q1"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("holds no fact");
            assertThatThrownBy(() -> session.update("plans", someone))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("holds Plan facts");
        }
    }

    @Test
    void aSubmittedReportRemovesItsViolationAndItsActions() {
        MinistryGenerator generator = MinistryGenerator.builder().officials(300).seed(3).build();
        Facts facts = generator.facts();
        LocalDate asOf = generator.asOf();
        try (IncrementalSession session = engine.openSession(facts, asOf, Language.EN)) {
            session.report();
            Unit unit = facts.units().stream().filter(Unit::mustPlan).findFirst().orElseThrow();
            PeriodicReport q1 = new PeriodicReport(unit.id(), asOf.getYear(), ReportPeriod.Q1, null);
            String key = IncrementalSession.keyOf(q1);
            if (facts.reports().stream().anyMatch(r -> IncrementalSession.keyOf(r).equals(key))) {
                session.delete("reports", key);
            }
            IncrementalSession.Changes missing = session.changesSinceLastRead();
            assertThat(missing.addedViolations()).anySatisfy(v -> {
                assertThat(v.rule()).isEqualTo("D09-REP-01");
                assertThat(v.unitId()).isEqualTo(unit.id());
                assertThat(v.message()).isNotBlank();
            });
            assertThat(missing.addedActions()).extracting(RequiredAction::code).contains("SUBMIT_REPORT");

            session.insert("reports", new PeriodicReport(unit.id(), asOf.getYear(), ReportPeriod.Q1,
                    LocalDate.of(asOf.getYear(), 4, 2)));
            IncrementalSession.Changes submitted = session.changesSinceLastRead();
            assertThat(submitted.removedViolations()).containsExactlyInAnyOrderElementsOf(
                    missing.addedViolations().stream().map(Violation::id).toList());
            assertThat(submitted.addedViolations()).isEmpty();
            assertThat(session.changesSinceLastRead().isEmpty()).isTrue();
        }
    }
}
