package io.directiverules.core.internal;

import io.directiverules.core.Actor;
import io.directiverules.core.ComplianceReport;
import io.directiverules.core.EvaluationException;
import io.directiverules.core.Facts;
import io.directiverules.core.InputError;
import io.directiverules.core.InvalidInputException;
import io.directiverules.core.Language;
import io.directiverules.core.Parameters;
import io.directiverules.core.RequiredAction;
import io.directiverules.core.RuleSetInfo;
import io.directiverules.core.Violation;
import io.directiverules.core.model.Official;
import io.directiverules.core.model.Unit;
import io.directiverules.core.rule.Evaluation;
import io.directiverules.core.rule.JudgedYear;
import io.directiverules.core.rule.WorkingDayCalendar;
import org.drools.core.impl.RuleBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.runtime.rule.AgendaGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A compiled rule set ready to evaluate: the KieBase, parameters and messages. Each evaluation runs in a
 * session of its own, in three phases: the main agenda (derivations and violations), then the group
 * {@code escalation} (rules over the violations found), then the group {@code actions} (DRL:
 * {@code ruleflow-group "actions"}). Thread-safe.
 *
 * <p>Run-away rules are stopped: the firing is done on a worker thread, and an evaluation ends with an
 * {@link EvaluationException} naming the rules that fired most when it takes more than the firing limit or
 * the time limit. The host's thread is handed back at the time limit; the worker halts its session before
 * the next firing, so once the consequence that is running ends. No report is produced, and the next
 * evaluation runs in a new session as usual.
 */
public final class RuleSetRuntime {
    /** Agenda group of rules that match the violations of the main phase. */
    public static final String ESCALATION = "escalation";
    /** Agenda group of rules that turn violations into required actions. */
    public static final String ACTIONS = "actions";

    private static final Logger LOG = LoggerFactory.getLogger(RuleSetRuntime.class);

    /**
     * Runs the firing of every evaluation, so that the host's thread can be handed back when the time limit
     * passes even if a consequence is still running. Daemon threads: a stuck rule never keeps a host alive.
     */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "directive-rules-evaluation-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });

    /**
     * Sessions of {@link #run} are used by one worker thread only: without Drools' thread safety an insert
     * propagates at once (no queued entry per fact) and takes no lock. Nothing but the worker may then call
     * into the session, so a stop is asked through {@link Firing#stopped} and the worker halts its own session.
     */
    private static final KieSessionConfiguration SINGLE_THREADED = singleThreaded();

    private static KieSessionConfiguration singleThreaded() {
        KieSessionConfiguration configuration = RuleBaseFactory.newKnowledgeSessionConfiguration();
        configuration.setOption(ThreadSafeOption.NO);
        return configuration;
    }

    private final KieBase kieBase;
    private final Parameters parameters;
    private final MessageCatalog messages;
    private final RuleSetInfo ruleSet;
    private final Limits limits;
    private final Map<String, Actor> actionCodes;

    /**
     * How much one evaluation may take before it is stopped as a run-away.
     *
     * @param maxFirings the most rule firings
     * @param timeLimit the longest time from the first firing to the last
     */
    public record Limits(long maxFirings, Duration timeLimit) {
        /** Checks both are positive. */
        public Limits {
            if (maxFirings < 1) {
                throw new IllegalArgumentException("maxFirings must be positive: " + maxFirings);
            }
            if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
                throw new IllegalArgumentException("timeLimit must be positive: " + timeLimit);
            }
        }
    }

    /** Wraps a compiled rule set with no action catalogue check and a generous time limit. */
    public RuleSetRuntime(KieBase kieBase, Parameters parameters, MessageCatalog messages, RuleSetInfo ruleSet,
                          long maxFirings) {
        this(kieBase, parameters, messages, ruleSet, new Limits(maxFirings, Duration.ofMinutes(1)), null);
    }

    /**
     * Wraps a compiled rule set.
     *
     * @param actionCodes the catalogue of action codes and actors the rules may produce, or {@code null} to
     *                    accept any
     */
    public RuleSetRuntime(KieBase kieBase, Parameters parameters, MessageCatalog messages, RuleSetInfo ruleSet,
                          Limits limits, Map<String, Actor> actionCodes) {
        this.kieBase = kieBase;
        this.parameters = parameters;
        this.messages = messages;
        this.ruleSet = ruleSet;
        this.limits = limits;
        this.actionCodes = actionCodes == null ? null : Map.copyOf(actionCodes);
    }

    /**
     * Gives {@code session}'s focus to phase {@code group} ({@link #ESCALATION}, {@link #ACTIONS}); false when
     * the session has no such agenda group (a rule set without rules has none), and then nothing is to fire.
     */
    public static boolean focus(KieSession session, String group) {
        AgendaGroup agendaGroup = session.getAgenda().getAgendaGroup(group);
        if (agendaGroup == null) {
            return false;
        }
        agendaGroup.setFocus();
        return true;
    }

    /** Evaluates {@code facts} on {@code asOf}, writing messages in {@code language}. */
    public ComplianceReport evaluate(Facts facts, LocalDate asOf, Language language) {
        Evaluation evaluation = context(facts, asOf);
        long started = System.nanoTime();
        Outcome outcome = run(evaluation, facts.lists().values(), null);
        LOG.debug("evaluated {} facts as of {} in {} ms: {} violations, {} actions", facts.size(), asOf,
                (System.nanoTime() - started) / 1_000_000, outcome.violations().size(), outcome.actions().size());
        return assemble(facts, evaluation, language, outcome.violations(), outcome.actions());
    }

    /**
     * The context of an evaluation of {@code facts} on {@code asOf}: judged years, calendar, actors (resolved
     * over all of {@code facts}).
     *
     * @throws InvalidInputException when the facts do not fit the parameters
     */
    public Evaluation context(Facts facts, LocalDate asOf) {
        checkParametersAgainst(facts, asOf);
        int fromYear = parameters.find("evaluation.fromYear", asOf).map(v -> ((Long) v).intValue())
                .orElse(asOf.getYear() - 1);
        WorkingDayCalendar calendar = new WorkingDayCalendar(daysOff(facts));
        return new Evaluation(asOf, fromYear, parameters, calendar, facts);
    }

    /**
     * What one session found: every violation and action, and which violations the main phase found
     * (before the escalation and actions phases).
     *
     * @param violations every violation in working memory at the end
     * @param actions every required action
     * @param mainPhase the violations inserted during the main phase (and those injected); empty unless asked
     */
    public record Outcome(List<Violation> violations, List<RequiredAction> actions, Set<Violation> mainPhase) {
    }

    /**
     * Runs one session over {@code factLists} in the three phases, within the limits. {@code injected}
     * violations are inserted with the facts, as if the main phase had found them (partitioned evaluation hands
     * a partition the violations other partitions found for its units). With {@code injected} null, the main
     * phase's violations are not told apart (it saves a pass over working memory).
     */
    public Outcome run(Evaluation evaluation, Collection<? extends Collection<?>> factLists,
                       Collection<Violation> injected) {
        Firing firing = new Firing(kieBase.newKieSession(SINGLE_THREADED, null), evaluation, factLists, injected);
        ClassLoader hostLoader = Thread.currentThread().getContextClassLoader();
        Future<Firing> result;
        try {
            result = WORKERS.submit(() -> firing.run(hostLoader));
        } catch (RuntimeException e) {
            firing.session.dispose();
            throw new EvaluationException("cannot start the evaluation: " + e.getMessage(), e);
        }
        try {
            result.get(limits.timeLimit().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            firing.stop();
            LOG.warn("evaluation stopped after the time limit of {} ms", limits.timeLimit().toMillis());
            throw new EvaluationException("evaluation stopped after the time limit of "
                    + limits.timeLimit().toMillis() + " ms; " + firing.describe(), null);
        } catch (InterruptedException e) {
            firing.stop();
            Thread.currentThread().interrupt();
            throw new EvaluationException("evaluation interrupted; " + firing.describe(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof EvaluationException failed) {
                throw new EvaluationException(failed.getMessage(), failed.getCause());
            }
            throw new EvaluationException("a rule failed during evaluation: " + rootMessage(cause), cause);
        }
        return new Outcome(firing.violations, firing.actions, firing.mainPhase);
    }

    /**
     * One evaluation's session, fired on a worker thread in three phases. The worker owns the session and
     * disposes of it when it is done, also when the host has stopped waiting.
     */
    private final class Firing {
        private final KieSession session;
        private final Evaluation evaluation;
        private final Collection<? extends Collection<?>> factLists;
        private final Collection<Violation> injected;
        private final Set<Violation> mainPhase = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Map<String, Integer> firings = new ConcurrentHashMap<>();
        private final List<Violation> violations = new ArrayList<>();
        private final List<RequiredAction> actions = new ArrayList<>();
        private volatile boolean stopped;
        private volatile String firing;
        private volatile String badAction;

        Firing(KieSession session, Evaluation evaluation, Collection<? extends Collection<?>> factLists,
               Collection<Violation> injected) {
            this.session = session;
            this.evaluation = evaluation;
            this.factLists = factLists;
            this.injected = injected;
        }

        Firing run(ClassLoader hostLoader) {
            Thread worker = Thread.currentThread();
            ClassLoader workerLoader = worker.getContextClassLoader();
            worker.setContextClassLoader(hostLoader);
            try {
                session.addEventListener(new DefaultAgendaEventListener() {
                    @Override
                    public void beforeMatchFired(BeforeMatchFiredEvent event) {
                        firing = event.getMatch().getRule().getName();
                        if (stopped) {
                            // The host asked for a stop (stop()): the session is halted from its own thread.
                            session.halt();
                        }
                    }

                    @Override
                    public void afterMatchFired(AfterMatchFiredEvent event) {
                        firings.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
                        firing = null;
                    }
                });
                bindEvaluation(session, evaluation);
                session.insert(evaluation);
                for (int year : evaluation.judgedYears()) {
                    session.insert(new JudgedYear(year));
                }
                for (Collection<?> list : factLists) {
                    for (Object fact : list) {
                        session.insert(fact);
                    }
                }
                if (injected != null) {
                    injected.forEach(session::insert);
                }
                // Only rules insert actions: listening from here spares an event per fact of the input.
                if (actionCodes != null) {
                    session.addEventListener(new DefaultRuleRuntimeEventListener() {
                        @Override
                        public void objectInserted(ObjectInsertedEvent event) {
                            checkAction(event);
                        }
                    });
                }
                long fired = fire(limits.maxFirings());
                if (injected != null) {
                    // A class filter lets the object store visit only that class, not every fact.
                    for (Object object : session.getObjects(new ClassObjectFilter(Violation.class))) {
                        mainPhase.add((Violation) object);
                    }
                }
                if (focus(session, ESCALATION)) {
                    fired += fire(limits.maxFirings() - fired);
                }
                if (focus(session, ACTIONS)) {
                    fire(limits.maxFirings() - fired);
                }
                for (Object object : session.getObjects(new ClassObjectFilter(Violation.class))) {
                    violations.add((Violation) object);
                }
                for (Object object : session.getObjects(new ClassObjectFilter(RequiredAction.class))) {
                    actions.add((RequiredAction) object);
                }
                return this;
            } finally {
                session.dispose();
                worker.setContextClassLoader(workerLoader);
            }
        }

        private long fire(long limit) {
            int fired = session.fireAllRules((int) Math.min(Integer.MAX_VALUE, Math.max(limit, 0) + 1));
            if (badAction != null) {
                throw new EvaluationException(badAction, null);
            }
            if (stopped) {
                throw new EvaluationException("evaluation stopped", null);
            }
            if (fired > limit) {
                throw new EvaluationException("evaluation stopped after more than the limit of "
                        + limits.maxFirings() + " rule firings; " + describe(), null);
            }
            return fired;
        }

        /** An action whose code or actor the catalogue does not define stops the evaluation. */
        private void checkAction(ObjectInsertedEvent event) {
            if (!(event.getObject() instanceof RequiredAction action) || badAction != null) {
                return;
            }
            Actor catalogued = actionCodes.get(action.code());
            String rule = event.getRule() == null ? "?" : event.getRule().getName();
            if (catalogued == null) {
                badAction = "rule \"" + rule + "\" produced action code " + action.code()
                        + ", which the catalogue does not define";
            } else if (catalogued != action.actor()) {
                badAction = "rule \"" + rule + "\" produced action " + action.code() + " for " + action.actor()
                        + "; the catalogue says " + catalogued;
            }
            if (badAction != null) {
                session.halt();
            }
        }

        /**
         * Asks the worker to stop: it halts its session before the next firing (the session is single-threaded,
         * so it is not called from here).
         */
        void stop() {
            stopped = true;
        }

        /** The rules that fired most, and the one still running if any: what a rule author needs to look at. */
        String describe() {
            String top = firings.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                    .limit(3).map(e -> "\"" + e.getKey() + "\" (" + e.getValue() + ")")
                    .collect(Collectors.joining(", "));
            String running = firing;
            return "the rules that fired most: " + (top.isEmpty() ? "none" : top)
                    + (running == null ? "" : "; still running: \"" + running + "\"");
        }
    }

    private static String rootMessage(Throwable e) {
        if (e == null) {
            return "unknown failure";
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return e.getMessage() + (cause != e ? " (caused by " + cause + ")" : "");
    }

    private void checkParametersAgainst(Facts facts, LocalDate asOf) {
        parameters.text("actors.personnelDepartmentId", asOf).ifPresent(id -> {
            if (facts.unit(id).isEmpty()) {
                throw new InvalidInputException(List.of(InputError.of("actors.personnelDepartmentId", null,
                        "no unit with id \"" + id + "\" in the facts")));
            }
        });
    }

    /** Days off per year: the facts' list for the years it has dates in, else {@code holidays.<year>}. */
    private Map<Integer, Set<LocalDate>> daysOff(Facts facts) {
        Map<Integer, Set<LocalDate>> byYear = new HashMap<>();
        parameters.values().forEach((key, values) -> {
            if (key.startsWith("holidays.") && key.substring(9).matches("\\d{4}")) {
                int year = Integer.parseInt(key.substring(9));
                parameters.dates(key, LocalDate.of(year, 1, 1))
                        .ifPresent(dates -> byYear.put(year, new HashSet<>(dates)));
            }
        });
        Map<Integer, Set<LocalDate>> fromFacts = new HashMap<>();
        facts.holidays().forEach(d -> fromFacts.computeIfAbsent(d.getYear(), y -> new HashSet<>()).add(d));
        byYear.putAll(fromFacts);
        return byYear;
    }

    /**
     * The report of violations and actions found over {@code facts}: de-duplicated by id, sorted, with messages
     * in {@code language}.
     */
    public ComplianceReport assemble(Facts facts, Evaluation evaluation, Language language,
                                     List<Violation> found, List<RequiredAction> required) {
        return assemble(facts, evaluation, language, found, required, false);
    }

    /**
     * The same, writing the messages on the common fork-join pool when {@code parallel} (a partitioned
     * evaluation, whose host asked for several threads; {@link Facts} may be read from any thread).
     */
    public ComplianceReport assemble(Facts facts, Evaluation evaluation, Language language,
                                     List<Violation> found, List<RequiredAction> required, boolean parallel) {
        return assemble(facts::unit, facts::official, facts.units().size(), evaluation, language, found, required,
                parallel);
    }

    /**
     * The same, naming units and officials through lookups (a session whose facts change has no {@link Facts}):
     * {@code unitCount} is the number of units evaluated.
     */
    public ComplianceReport assemble(Function<String, Optional<Unit>> units,
                                     Function<String, Optional<Official>> officials, int unitCount,
                                     Evaluation evaluation, Language language,
                                     List<Violation> found, List<RequiredAction> required) {
        return assemble(units, officials, unitCount, evaluation, language, found, required, false);
    }

    private record Rendered(Violation violation, Map<String, Object> values) {
    }

    /** The report's order of violations: by unit, rule, subject (none first), id. */
    private static final Comparator<Violation> VIOLATION_ORDER = (a, b) -> {
        int c = compare(a.unitId(), b.unitId());
        if (c == 0) {
            c = compare(a.rule(), b.rule());
        }
        if (c == 0) {
            c = compare(a.subjectId() == null ? "" : a.subjectId(), b.subjectId() == null ? "" : b.subjectId());
        }
        return c != 0 ? c : a.id().compareTo(b.id());
    };

    /** The report's order of actions: by unit, code, id. */
    private static final Comparator<RequiredAction> ACTION_ORDER = (a, b) -> {
        int c = compare(a.unitId(), b.unitId());
        if (c == 0) {
            c = compare(a.code(), b.code());
        }
        return c != 0 ? c : a.id().compareTo(b.id());
    };

    /**
     * {@code a.compareTo(b)}, at once when both are the same instance: the reader and the rules share one
     * instance per unit id, rule and code, and a national report's ids have long common prefixes.
     */
    private static int compare(String a, String b) {
        return a == b ? 0 : a.compareTo(b);
    }

    /** A hash map that holds {@code size} entries without growing. */
    private static <K, V> Map<K, V> presized(int size, boolean linked) {
        int capacity = (int) Math.min(Integer.MAX_VALUE, size * 4L / 3 + 1);
        return linked ? new LinkedHashMap<>(capacity) : new HashMap<>(capacity);
    }

    private ComplianceReport assemble(Function<String, Optional<Unit>> units,
                                      Function<String, Optional<Official>> officials, int unitCount,
                                      Evaluation evaluation, Language language,
                                      List<Violation> found, List<RequiredAction> required, boolean parallel) {
        Names facts = new Names(units, officials);
        WorkingDayCalendar calendar = evaluation.calendar();
        // Messages are rendered independently of each other (in parallel when asked), then kept in order.
        List<Rendered> rendered = (parallel ? found.parallelStream() : found.stream()).map(v -> {
            Map<String, Object> values = values(facts, evaluation, v);
            return new Rendered(v.withText(
                    messages.render(language, v.rule() + ".title", values, v.rule()),
                    messages.render(language, v.rule() + ".message", values, v.rule() + ": " + v.unitId()
                            + (v.subjectId() == null ? "" : " / " + v.subjectId()))), values);
        }).toList();
        Map<String, Violation> byId = presized(rendered.size(), true);
        Map<String, Map<String, Object>> valuesById = presized(rendered.size(), false);
        for (Rendered r : rendered) {
            valuesById.put(r.violation().id(), r.values());
            byId.putIfAbsent(r.violation().id(), r.violation());
        }
        List<Violation> violations = (parallel ? byId.values().parallelStream() : byId.values().stream())
                .sorted(VIOLATION_ORDER).toList();
        List<RequiredAction> described = (parallel ? required.parallelStream() : required.stream()).map(a -> {
            // The action's own values, over those of the first violation it answers (not a copy of them).
            Map<String, Object> values = new Layered(actionValues(facts, a, language), a.because().isEmpty()
                    ? Map.of() : valuesById.getOrDefault(a.because().get(0), Map.of()));
            return a.withDescription(messages.render(language, a.code() + ".description", values, a.code()));
        }).toList();
        Map<String, RequiredAction> actionsById = presized(described.size(), true);
        for (RequiredAction a : described) {
            actionsById.putIfAbsent(a.id(), a);
        }
        List<RequiredAction> actions = (parallel ? actionsById.values().parallelStream()
                : actionsById.values().stream()).sorted(ACTION_ORDER).toList();
        List<String> notes = new ArrayList<>();
        for (int year : calendar.yearsWithoutData()) {
            notes.add(language == Language.VI
                    ? "Không có dữ liệu ngày nghỉ của năm " + year + ": ngày làm việc năm đó chỉ trừ thứ Bảy, Chủ nhật."
                    : "No holiday data for " + year + ": working days there count weekends only.");
        }
        return new ComplianceReport(evaluation.asOf(), language, ruleSet,
                ComplianceReport.summarize(violations, actions, unitCount), violations, actions, notes);
    }

    /**
     * The values of {@code top} over those of {@code below}: a message's values without copying {@code below}
     * for each of the thousands of actions that answer a violation.
     */
    private static final class Layered extends java.util.AbstractMap<String, Object> {
        private final Map<String, Object> top;
        private final Map<String, Object> below;

        Layered(Map<String, Object> top, Map<String, Object> below) {
            this.top = top;
            this.below = below;
        }

        @Override
        public Object get(Object key) {
            Object value = top.get(key);
            return value != null || top.containsKey(key) ? value : below.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return top.containsKey(key) || below.containsKey(key);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            Map<String, Object> merged = new HashMap<>(below);
            merged.putAll(top);
            return Collections.unmodifiableMap(merged).entrySet();
        }
    }

    /** Looks units and officials up by id, for messages. */
    private record Names(Function<String, Optional<Unit>> units, Function<String, Optional<Official>> officials) {
        Optional<Unit> unit(String id) {
            return units.apply(id);
        }

        Optional<Official> official(String id) {
            return officials.apply(id);
        }
    }

    private static Map<String, Object> values(Names facts, Evaluation evaluation, Violation v) {
        // Room for the details and the dozen values added below (and those derived from the details).
        Map<String, Object> values = presized(2 * v.details().size() + 12, false);
        values.putAll(v.details());
        values.put("rule", v.rule());
        values.put("severity", v.severity());
        values.put("unitId", v.unitId());
        values.put("unit", facts.unit(v.unitId()).map(Unit::name).orElse(v.unitId()));
        values.put("asOf", evaluation.asOf());
        if (v.subjectId() != null) {
            values.put("subjectId", v.subjectId());
            values.put("subject", facts.official(v.subjectId()).map(Official::fullName).orElse(v.subjectId()));
        }
        if (v.dueOn() != null) {
            values.put("dueOn", v.dueOn());
            values.put("daysLate", ChronoUnit.DAYS.between(v.dueOn(), evaluation.asOf()));
        }
        v.details().forEach((key, value) -> {
            if (key.endsWith("UnitId") && value instanceof String id) {
                values.put(key.substring(0, key.length() - 2), facts.unit(id).map(Unit::name).orElse(id));
            }
            if (value instanceof java.math.BigDecimal share) {
                values.put(key + "Percent", share.movePointRight(2).stripTrailingZeros().toPlainString() + "%");
            }
        });
        return values;
    }

    private static Map<String, Object> actionValues(Names facts, RequiredAction a, Language language) {
        Map<String, Object> values = presized(a.details().size() + 10, false);
        values.putAll(a.details());
        values.put("code", a.code());
        values.put("unitId", a.unitId());
        values.put("unit", facts.unit(a.unitId()).map(Unit::name).orElse(a.unitId()));
        values.put("actor", a.actor());
        values.put("dueOn", a.dueOn());
        values.put("count", a.because().size());
        // An actor that cannot be resolved still reads well: "(not named)".
        values.put("actorName", language == Language.VI ? "chưa xác định" : "not named");
        if (a.actorId() != null) {
            values.put("actorId", a.actorId());
            values.put("actorName", facts.official(a.actorId()).map(Official::fullName)
                    .or(() -> facts.unit(a.actorId()).map(Unit::name)).orElse(a.actorId()));
        }
        return values;
    }

    /** The name of the DRL global a rule set may declare to read the evaluation without joining it. */
    public static final String EVALUATION_GLOBAL = "evaluation";

    /**
     * Sets the global {@value #EVALUATION_GLOBAL} of {@code session} to {@code evaluation} when its rules declare
     * it ({@code global Evaluation evaluation;}). A constraint that reads the evaluation through the global, not
     * a joined {@code Evaluation} fact, is tested once when a fact is inserted and keeps no memory of the facts
     * it rejects: for patterns over the big lists. The evaluation date, judged years and parameters never change
     * in a session, so what was tested stays true.
     */
    public static void bindEvaluation(KieSession session, Evaluation evaluation) {
        boolean declared = session.getKieBase().getKiePackages().stream().anyMatch(p -> p.getGlobalVariables()
                .stream().anyMatch(g -> g.getName().equals(EVALUATION_GLOBAL)
                        && g.getType().equals(Evaluation.class.getName())));
        if (declared) {
            session.setGlobal(EVALUATION_GLOBAL, evaluation);
        }
    }

    /** The rule set this runtime evaluates with. */
    public RuleSetInfo ruleSet() {
        return ruleSet;
    }

    /** The resolved parameters. */
    public Parameters parameters() {
        return parameters;
    }

    /** The message catalog. */
    public MessageCatalog messages() {
        return messages;
    }

    /** The compiled KieBase, for hosts that deliberately ask for it. */
    public KieBase kieBase() {
        return kieBase;
    }
}
