package io.directiverules.core.internal;

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
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A compiled rule set ready to evaluate: the KieBase, parameters and messages. Each evaluation runs in a
 * session of its own, in three phases: the main agenda (derivations and violations), then the group
 * {@code escalation} (rules over the violations found), then the group {@code actions} (DRL:
 * {@code ruleflow-group "actions"}). Thread-safe.
 */
public final class RuleSetRuntime {
    /** Agenda group of rules that match the violations of the main phase. */
    public static final String ESCALATION = "escalation";
    /** Agenda group of rules that turn violations into required actions. */
    public static final String ACTIONS = "actions";

    private static final Logger LOG = LoggerFactory.getLogger(RuleSetRuntime.class);

    private final KieBase kieBase;
    private final Parameters parameters;
    private final MessageCatalog messages;
    private final RuleSetInfo ruleSet;
    private final long maxFirings;

    /** Wraps a compiled rule set. */
    public RuleSetRuntime(KieBase kieBase, Parameters parameters, MessageCatalog messages, RuleSetInfo ruleSet,
                          long maxFirings) {
        this.kieBase = kieBase;
        this.parameters = parameters;
        this.messages = messages;
        this.ruleSet = ruleSet;
        this.maxFirings = maxFirings;
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
     * @param mainPhase the violations inserted during the main phase (and those injected)
     */
    public record Outcome(List<Violation> violations, List<RequiredAction> actions, Set<Violation> mainPhase) {
    }

    /**
     * Runs one session over {@code factLists} in the three phases. {@code injected} violations are inserted
     * with the facts, as if the main phase had found them (partitioned evaluation hands a partition the
     * violations other partitions found for its units). With {@code injected} null, the main phase's
     * violations are not told apart (it saves a pass over working memory).
     */
    public Outcome run(Evaluation evaluation, Collection<? extends Collection<?>> factLists,
                       Collection<Violation> injected) {
        List<Violation> violations = new ArrayList<>();
        List<RequiredAction> actions = new ArrayList<>();
        Set<Violation> mainPhase = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        KieSession session = kieBase.newKieSession();
        try {
            Map<String, Integer> firings = new HashMap<>();
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    firings.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
                }
            });
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
            long fired = fire(session, maxFirings, firings);
            if (injected != null) {
                for (Object object : session.getObjects(o -> o instanceof Violation)) {
                    mainPhase.add((Violation) object);
                }
            }
            session.getAgenda().getAgendaGroup(ESCALATION).setFocus();
            fired += fire(session, maxFirings - fired, firings);
            session.getAgenda().getAgendaGroup(ACTIONS).setFocus();
            fire(session, maxFirings - fired, firings);
            for (Object object : session.getObjects(o -> o instanceof Violation || o instanceof RequiredAction)) {
                if (object instanceof Violation v) {
                    violations.add(v);
                } else {
                    actions.add((RequiredAction) object);
                }
            }
        } catch (EvaluationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EvaluationException("a rule failed during evaluation: " + rootMessage(e), e);
        } finally {
            session.dispose();
        }
        return new Outcome(violations, actions, mainPhase);
    }

    private static long fire(KieSession session, long limit, Map<String, Integer> firings) {
        int fired = session.fireAllRules((int) Math.min(Integer.MAX_VALUE, Math.max(limit, 0) + 1));
        if (fired > limit) {
            String top = firings.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(3).map(e -> "\"" + e.getKey() + "\" (" + e.getValue() + ")")
                    .collect(Collectors.joining(", "));
            throw new EvaluationException("evaluation stopped after more than the limit of firings; the rules that"
                    + " fired most: " + top, null);
        }
        return fired;
    }

    private static String rootMessage(Throwable e) {
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
        return assemble(facts::unit, facts::official, facts.units().size(), evaluation, language, found, required);
    }

    /**
     * The same, naming units and officials through lookups (a session whose facts change has no {@link Facts}):
     * {@code unitCount} is the number of units evaluated.
     */
    public ComplianceReport assemble(Function<String, Optional<Unit>> units,
                                     Function<String, Optional<Official>> officials, int unitCount,
                                     Evaluation evaluation, Language language,
                                     List<Violation> found, List<RequiredAction> required) {
        Names facts = new Names(units, officials);
        WorkingDayCalendar calendar = evaluation.calendar();
        Map<String, Violation> byId = new LinkedHashMap<>();
        Map<String, Map<String, Object>> valuesById = new HashMap<>();
        for (Violation v : found) {
            Map<String, Object> values = values(facts, evaluation, v);
            valuesById.put(v.id(), values);
            byId.putIfAbsent(v.id(), v.withText(
                    messages.render(language, v.rule() + ".title", values, v.rule()),
                    messages.render(language, v.rule() + ".message", values, v.rule() + ": " + v.unitId()
                            + (v.subjectId() == null ? "" : " / " + v.subjectId()))));
        }
        List<Violation> violations = byId.values().stream().sorted(Comparator.comparing(Violation::unitId)
                .thenComparing(Violation::rule).thenComparing(v -> v.subjectId() == null ? "" : v.subjectId())
                .thenComparing(Violation::id)).toList();
        Map<String, RequiredAction> actionsById = new LinkedHashMap<>();
        for (RequiredAction a : required) {
            Map<String, Object> values = new HashMap<>(a.because().isEmpty() ? Map.of()
                    : valuesById.getOrDefault(a.because().get(0), Map.of()));
            values.putAll(actionValues(facts, a, language));
            actionsById.putIfAbsent(a.id(), a.withDescription(messages.render(language, a.code() + ".description",
                    values, a.code())));
        }
        List<RequiredAction> actions = actionsById.values().stream().sorted(Comparator.comparing(
                RequiredAction::unitId).thenComparing(RequiredAction::code).thenComparing(RequiredAction::id))
                .toList();
        List<String> notes = new ArrayList<>();
        for (int year : calendar.yearsWithoutData()) {
            notes.add(language == Language.VI
                    ? "Không có dữ liệu ngày nghỉ của năm " + year + ": ngày làm việc năm đó chỉ trừ thứ Bảy, Chủ nhật."
                    : "No holiday data for " + year + ": working days there count weekends only.");
        }
        return new ComplianceReport(evaluation.asOf(), language, ruleSet,
                ComplianceReport.summarize(violations, actions, unitCount), violations, actions, notes);
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
        Map<String, Object> values = new HashMap<>(v.details());
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
        Map<String, Object> values = new HashMap<>(a.details());
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
