package io.directiverules.core;

import io.directiverules.core.internal.FactKeys;
import io.directiverules.core.internal.RuleSetRuntime;
import io.directiverules.core.model.Official;
import io.directiverules.core.model.Unit;
import io.directiverules.core.rule.Evaluation;
import io.directiverules.core.rule.JudgedYear;
import org.kie.api.KieBase;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A long-lived evaluation for hosts that change facts one at a time: insert, update or delete a fact by list
 * name and key, then read the current violations and actions, or only what changed since the last read. The
 * result is always that of a full {@link ComplianceEngine#evaluate} of the current facts on the same date.
 *
 * <pre>{@code
 * try (IncrementalSession session = engine.openSession(facts, LocalDate.of(2025, 7, 31), Language.EN)) {
 *     session.update("reports", new PeriodicReport("U-TCCB", 2025, ReportPeriod.H1, LocalDate.of(2025, 7, 10)));
 *     IncrementalSession.Changes changes = session.changesSinceLastRead();
 * }
 * }</pre>
 *
 * <p>How it stays equal to a full evaluation: the session runs the rule set with every consequence's
 * {@code insert} made logical, so what a rule inserted (a derived fact, a violation, an escalation, an
 * action) is withdrawn by the engine as soon as the facts that justified it change; after each change the
 * three phases run again to a fixpoint (main, then {@code escalation}, then {@code actions}), and only the
 * rules whose facts changed fire. A change of a unit re-resolves the actors and re-judges every rule that
 * reads the evaluation context: it costs about a full evaluation. A change of an official also re-judges the
 * official's own records (declarations, asset changes, rotations, gifts, conflicts), for the rules that look
 * the official up ({@code Evaluation.official}).
 *
 * <p>Keys: a fact's {@code id}; for lists without ids, assessments {@code unitId/year}, reports
 * {@code unitId/year/period}, asset changes {@code officialId/changedOn/amountVnd}, rotations
 * {@code officialId/effectiveOn} ({@link #keyOf}). Each change is checked for its key and its references (a
 * unit or official it names must exist; a unit or official still named by a fact cannot be deleted); the rest
 * of the validation of a facts file (date order, enums) is the host's. Not thread-safe: one host thread at a
 * time.
 */
public final class IncrementalSession implements AutoCloseable {
    private final RuleSetRuntime runtime;
    private final KieSession session;
    private final Language language;
    private final long maxFirings;
    private final Map<String, Map<String, FactHandle>> handles = new LinkedHashMap<>();
    private final Map<String, Unit> units = new LinkedHashMap<>();
    private final Map<String, Integer> unitReferences = new HashMap<>();
    private final Map<String, Integer> officialReferences = new HashMap<>();
    /**
     * The records of each official (FactKeys.ownerOfficial): re-judged when the official changes. Lists, not
     * sets: an official has a handful, and a million small hash sets cost a quarter of a gigabyte.
     */
    private final Map<String, List<FactHandle>> factsNaming = new HashMap<>();
    private final List<LocalDate> holidays;
    private Evaluation context;
    private FactHandle contextHandle;

    private final Map<String, Violation> violations = new HashMap<>();
    private final Map<String, Integer> violationCopies = new HashMap<>();
    private final Map<String, RequiredAction> actions = new HashMap<>();
    private final Map<String, Integer> actionCopies = new HashMap<>();
    private final Set<String> changedViolations = new HashSet<>();
    private final Set<String> changedActions = new HashSet<>();
    private final Set<String> readViolations = new HashSet<>();
    private final Set<String> readActions = new HashSet<>();

    IncrementalSession(RuleSetRuntime runtime, KieBase logicalBase, Facts facts, LocalDate asOf, Language language,
                       long maxFirings) {
        this.runtime = runtime;
        this.language = Objects.requireNonNull(language, "language");
        this.maxFirings = maxFirings;
        this.holidays = facts.holidays();
        Evaluation initial = runtime.context(facts, asOf);
        FactKeys.LISTS.keySet().forEach(list -> handles.put(list, new HashMap<>()));
        facts.units().forEach(u -> units.put(u.id(), u));
        runtime.parameters().text("actors.personnelDepartmentId", asOf)
                .ifPresent(id -> unitReferences.merge(id, 1, Integer::sum));
        this.session = logicalBase.newKieSession();
        session.addEventListener(new Tracker());
        this.context = contextOver(initial);
        RuleSetRuntime.bindEvaluation(session, context);
        contextHandle = session.insert(context);
        for (int year : context.judgedYears()) {
            session.insert(new JudgedYear(year));
        }
        for (Map.Entry<String, List<?>> list : facts.lists().entrySet()) {
            Map<String, FactHandle> byKey = handles.get(list.getKey());
            for (Object fact : list.getValue()) {
                String key = FactKeys.keyOf(fact);
                // Two id-less facts with the same fields (a valid file may hold them) keep apart as key#2, key#3.
                for (int copy = 2; byKey.containsKey(key); copy++) {
                    key = FactKeys.keyOf(fact) + "#" + copy;
                }
                FactHandle handle = session.insert(fact);
                byKey.put(key, handle);
                count(fact, 1);
                track(fact, handle, true);
            }
        }
        settle();
    }

    /** The key a fact is known by in a session (its id, or for lists without ids the fields that tell it apart). */
    public static String keyOf(Object fact) {
        return FactKeys.keyOf(fact);
    }

    /**
     * Adds a fact to {@code list} (a list name of the facts document: {@code "officials"}, {@code "reports"}...).
     *
     * @throws InvalidInputException when the list already holds the key, or a unit or official it names is unknown
     */
    public void insert(String list, Object fact) {
        Map<String, FactHandle> byKey = list(list, fact);
        String key = FactKeys.keyOf(fact);
        if (byKey.containsKey(key)) {
            throw error(list, key, "already holds a fact with this key");
        }
        checkReferences(list, key, fact);
        FactHandle handle = session.insert(fact);
        byKey.put(key, handle);
        count(fact, 1);
        track(fact, handle, true);
        if (fact instanceof Unit unit) {
            units.put(unit.id(), unit);
            refreshContext();
        }
        settle();
    }

    /**
     * Replaces the fact of {@code list} that has the same key as {@code fact}.
     *
     * @throws InvalidInputException when there is no such fact, or a unit or official it names is unknown
     */
    public void update(String list, Object fact) {
        Map<String, FactHandle> byKey = list(list, fact);
        String key = FactKeys.keyOf(fact);
        FactHandle handle = byKey.get(key);
        if (handle == null) {
            throw error(list, key, "holds no fact with this key");
        }
        checkReferences(list, key, fact);
        Object before = session.getObject(handle);
        count(before, -1);
        track(before, handle, false);
        count(fact, 1);
        track(fact, handle, true);
        session.update(handle, fact);
        if (fact instanceof Official official) {
            // Rules that look the official up (Evaluation.official) read it through these facts.
            for (FactHandle naming : factsNaming.getOrDefault(official.id(), List.of())) {
                session.update(naming, session.getObject(naming));
            }
        }
        if (fact instanceof Unit unit) {
            units.put(unit.id(), unit);
            refreshContext();
        }
        settle();
    }

    /**
     * Removes the fact of {@code list} with {@code key}.
     *
     * @throws InvalidInputException when there is no such fact, or it is a unit or official other facts name
     */
    public void delete(String list, String key) {
        Map<String, FactHandle> byKey = handles.get(list);
        if (byKey == null) {
            throw error(list, key, "is not a fact list (" + String.join(", ", handles.keySet()) + ")");
        }
        FactHandle handle = byKey.get(key);
        if (handle == null) {
            throw error(list, key, "holds no fact with this key");
        }
        Object fact = session.getObject(handle);
        Map<String, Integer> named = fact instanceof Unit ? unitReferences
                : fact instanceof Official ? officialReferences : null;
        if (named != null && named.getOrDefault(key, 0) > 0) {
            throw error(list, key, "is still named by " + named.get(key) + " reference(s)");
        }
        count(fact, -1);
        track(fact, handle, false);
        byKey.remove(key);
        session.delete(handle);
        if (fact instanceof Unit) {
            units.remove(key);
            refreshContext();
        }
        settle();
    }

    /** The current report, as a full evaluation of the current facts gives it; marks everything as read. */
    public ComplianceReport report() {
        ComplianceReport report = assemble(new ArrayList<>(violations.values()), new ArrayList<>(actions.values()));
        readViolations.clear();
        readViolations.addAll(violations.keySet());
        readActions.clear();
        readActions.addAll(actions.keySet());
        changedViolations.clear();
        changedActions.clear();
        return report;
    }

    /** The current violations, sorted as in a report; marks everything as read. */
    public List<Violation> violations() {
        return report().violations();
    }

    /**
     * What appeared and disappeared since the last read ({@link #report()}, {@link #violations()} or this);
     * the first call tells every violation and action as added.
     */
    public Changes changesSinceLastRead() {
        List<Violation> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String id : changedViolations) {
            boolean now = violations.containsKey(id);
            if (now && readViolations.add(id)) {
                added.add(violations.get(id));
            } else if (!now && readViolations.remove(id)) {
                removed.add(id);
            }
        }
        List<RequiredAction> addedActions = new ArrayList<>();
        List<String> removedActions = new ArrayList<>();
        for (String id : changedActions) {
            boolean now = actions.containsKey(id);
            if (now && readActions.add(id)) {
                addedActions.add(actions.get(id));
            } else if (!now && readActions.remove(id)) {
                removedActions.add(id);
            }
        }
        changedViolations.clear();
        changedActions.clear();
        ComplianceReport rendered = assemble(added, addedActions);
        removed.sort(null);
        removedActions.sort(null);
        return new Changes(rendered.violations(), removed, rendered.actions(), removedActions);
    }

    /** The current facts, validated as a facts file would be (in no particular order within a list). */
    public Facts facts() {
        Facts.Builder builder = Facts.builder().holidays(holidays);
        builder.units(current("units")).officials(current("officials")).assessments(current("assessments"))
                .plans(current("plans")).disseminations(current("disseminations"))
                .declarations(current("declarations")).assetChanges(current("assetChanges"))
                .verificationPlans(current("verificationPlans")).rotationPlans(current("rotationPlans"))
                .rotations(current("rotations")).gifts(current("gifts")).conflicts(current("conflicts"))
                .inspectionPlans(current("inspectionPlans")).cases(current("cases")).reports(current("reports"));
        return builder.build();
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> current(String list) {
        List<T> facts = new ArrayList<>();
        handles.get(list).values().forEach(h -> facts.add((T) session.getObject(h)));
        return facts;
    }

    /** Ends the session and frees its memory. */
    @Override
    public void close() {
        session.dispose();
    }

    /**
     * What changed since the last read.
     *
     * @param addedViolations violations that appeared, rendered in the session's language
     * @param removedViolations ids of violations that disappeared
     * @param addedActions actions that appeared
     * @param removedActions ids of actions that disappeared
     */
    public record Changes(List<Violation> addedViolations, List<String> removedViolations,
                          List<RequiredAction> addedActions, List<String> removedActions) {

        /** Copies the lists. */
        public Changes {
            addedViolations = List.copyOf(addedViolations);
            removedViolations = List.copyOf(removedViolations);
            addedActions = List.copyOf(addedActions);
            removedActions = List.copyOf(removedActions);
        }

        /** Whether nothing changed. */
        public boolean isEmpty() {
            return addedViolations.isEmpty() && removedViolations.isEmpty() && addedActions.isEmpty()
                    && removedActions.isEmpty();
        }
    }

    private ComplianceReport assemble(List<Violation> found, List<RequiredAction> required) {
        return runtime.assemble(id -> Optional.ofNullable(units.get(id)), this::official, units.size(), context,
                language, found, required);
    }

    private Optional<Official> official(String id) {
        FactHandle handle = handles.get("officials").get(id);
        return handle == null ? Optional.empty() : Optional.of((Official) session.getObject(handle));
    }

    private Evaluation contextOver(Evaluation from) {
        return new Evaluation(from.asOf(), from.fromYear(), from.parameters(), from.calendar(),
                List.copyOf(units.values()), this::official);
    }

    /** Units decide actors (heads, the ministry tree): a unit change re-resolves them everywhere. */
    private void refreshContext() {
        context = contextOver(context);
        RuleSetRuntime.bindEvaluation(session, context);
        session.update(contextHandle, context);
    }

    private Map<String, FactHandle> list(String list, Object fact) {
        Map<String, FactHandle> byKey = handles.get(list);
        Class<?> type = FactKeys.LISTS.get(list);
        if (byKey == null || !type.isInstance(fact)) {
            throw error(list, fact == null ? null : FactKeys.keyOf(fact), byKey == null
                    ? "is not a fact list (" + String.join(", ", handles.keySet()) + ")"
                    : "holds " + type.getSimpleName() + " facts, not " + fact.getClass().getSimpleName());
        }
        return byKey;
    }

    private void checkReferences(String list, String key, Object fact) {
        List<String> unknown = new ArrayList<>();
        FactKeys.references(fact, (kind, id) -> {
            boolean known = kind.equals(FactKeys.UNIT)
                    ? units.containsKey(id) || fact instanceof Unit u && u.id().equals(id)
                    : handles.get("officials").containsKey(id);
            if (!known) {
                unknown.add("no " + kind + " with id \"" + id + "\"");
            }
        });
        if (!unknown.isEmpty()) {
            throw error(list, key, String.join("; ", unknown));
        }
    }

    /**
     * Keeps {@link #factsNaming} current. Only the official's own records count (declarations, gifts...): a plan
     * that lists thousands of officials, re-judged whenever one of them changes, would cost a full pass of
     * its rules (a 1,000,000-official session measured seconds for such an update).
     */
    private void track(Object fact, FactHandle handle, boolean naming) {
        String id = FactKeys.ownerOfficial(fact);
        if (id == null) {
            return;
        }
        if (naming) {
            List<FactHandle> handles = factsNaming.computeIfAbsent(id, k -> new ArrayList<>(2));
            if (!handles.contains(handle)) {
                handles.add(handle);
            }
        } else {
            factsNaming.computeIfPresent(id, (k, list) -> list.remove(handle) && list.isEmpty() ? null : list);
        }
    }

    private void count(Object fact, int delta) {
        FactKeys.references(fact, (kind, id) -> (kind.equals(FactKeys.UNIT) ? unitReferences : officialReferences)
                .merge(id, delta, (a, b) -> a + b == 0 ? null : a + b));
    }

    private static InvalidInputException error(String list, String key, String message) {
        return new InvalidInputException(List.of(InputError.of(list + (key == null ? "" : "[" + key + "]"), key,
                message)));
    }

    /** Runs the three phases to a fixpoint; only rules whose facts changed have anything to do. */
    private void settle() {
        try {
            fire();
            if (RuleSetRuntime.focus(session, RuleSetRuntime.ESCALATION)) {
                fire();
            }
            if (RuleSetRuntime.focus(session, RuleSetRuntime.ACTIONS)) {
                fire();
            }
        } catch (EvaluationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EvaluationException("a rule failed in the session: " + e.getMessage(), e);
        }
    }

    private void fire() {
        int limit = (int) Math.min(Integer.MAX_VALUE - 1, maxFirings);
        if (session.fireAllRules(limit + 1) > limit) {
            throw new EvaluationException("the session stopped after more than the limit of firings", null);
        }
    }

    /** Keeps the current violations and actions, and which ids changed since the last read. */
    private final class Tracker implements RuleRuntimeEventListener {
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            added(event.getObject());
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            removed(event.getOldObject());
            added(event.getObject());
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            removed(event.getOldObject());
        }

        private void added(Object object) {
            if (object instanceof Violation v) {
                violations.putIfAbsent(v.id(), v);
                violationCopies.merge(v.id(), 1, Integer::sum);
                changedViolations.add(v.id());
            } else if (object instanceof RequiredAction a) {
                actions.putIfAbsent(a.id(), a);
                actionCopies.merge(a.id(), 1, Integer::sum);
                changedActions.add(a.id());
            }
        }

        private void removed(Object object) {
            if (object instanceof Violation v) {
                if (violationCopies.merge(v.id(), -1, (a, b) -> a + b == 0 ? null : a + b) == null) {
                    violations.remove(v.id());
                }
                changedViolations.add(v.id());
            } else if (object instanceof RequiredAction a) {
                if (actionCopies.merge(a.id(), -1, (x, y) -> x + y == 0 ? null : x + y) == null) {
                    actions.remove(a.id());
                }
                changedActions.add(a.id());
            }
        }
    }
}
