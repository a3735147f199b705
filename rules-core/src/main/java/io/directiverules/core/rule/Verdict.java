package io.directiverules.core.rule;

import io.directiverules.core.Actor;
import io.directiverules.core.Evidence;
import io.directiverules.core.RequiredAction;
import io.directiverules.core.Severity;
import io.directiverules.core.Violation;
import io.directiverules.core.model.AssetChange;
import io.directiverules.core.model.Assessment;
import io.directiverules.core.model.CorruptionCase;
import io.directiverules.core.model.Identified;
import io.directiverules.core.model.PeriodicReport;
import io.directiverules.core.model.Rotation;
import org.kie.api.runtime.rule.RuleContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How a rule's consequence states its verdict: {@code insert(Verdict.violation(drools)...build())} for a
 * violation, {@code insert(Verdict.action(drools, $ctx, "CODE")...build())} for a required action.
 *
 * <p>A violation takes its rule id, severity and legal basis from the rule's metadata
 * ({@code @ruleId}, {@code @severity}, {@code @legalBasis}); its id is derived from the rule, unit,
 * subject, details and evidence, so the same facts give the same id in any order on any machine.
 */
public final class Verdict {
    private Verdict() {
    }

    /** Starts a violation of the rule that is firing. */
    public static ViolationBuilder violation(RuleContext drools) {
        Map<String, Object> meta = drools.getRule().getMetaData();
        String ruleName = drools.getRule().getName();
        String ruleId = Objects.toString(meta.get("ruleId"), null);
        Object severity = meta.get("severity");
        Object legalBasis = meta.get("legalBasis");
        if (ruleId == null || severity == null || legalBasis == null) {
            throw new IllegalStateException("rule \"" + ruleName
                    + "\" emits a violation but lacks @ruleId, @severity or @legalBasis");
        }
        return new ViolationBuilder(ruleId, Severity.valueOf(severity.toString()), splitBasis(legalBasis.toString()));
    }

    /** Splits {@code "Dir09 §3; Dec279"} into its citations. */
    public static List<String> splitBasis(String legalBasis) {
        return Arrays.stream(legalBasis.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Starts a required action with {@code code}, due as the evaluation says. */
    public static ActionBuilder action(RuleContext drools, Evaluation evaluation, String code) {
        Objects.requireNonNull(drools, "drools");
        return new ActionBuilder(evaluation, code);
    }

    /** The evidence entry for a fact: its type and id (or a key of its fields when it has no id). */
    public static Evidence evidenceOf(Object fact) {
        if (fact instanceof Violation v) {
            return new Evidence("Violation", v.id());
        }
        if (fact instanceof CorruptionCase c) {
            return new Evidence("Case", c.id());
        }
        if (fact instanceof Identified identified) {
            return new Evidence(fact.getClass().getSimpleName(), identified.id());
        }
        if (fact instanceof PeriodicReport r) {
            return new Evidence("Report", r.unitId() + "/" + r.year() + "/" + r.period());
        }
        if (fact instanceof Assessment a) {
            return new Evidence("Assessment", a.unitId() + "/" + a.year());
        }
        if (fact instanceof AssetChange c) {
            return new Evidence("AssetChange", c.officialId() + "/" + c.changedOn());
        }
        if (fact instanceof Rotation r) {
            return new Evidence("Rotation", r.officialId() + "/" + r.effectiveOn());
        }
        throw new IllegalArgumentException("not a fact that can be evidence: " + fact.getClass().getName());
    }

    static String hash(String prefix, String text) {
        byte[] digest = SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
        return prefix + HexFormat.of().formatHex(digest, 0, 8);
    }

    /** One digest per thread: looking the algorithm up for every violation and action showed in profiles. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    /** Builds a violation; {@link #build()} derives its stable id. */
    public static final class ViolationBuilder {
        private final String rule;
        private final Severity severity;
        private final List<String> legalBasis;
        private String unitId;
        private String subjectId;
        private LocalDate dueOn;
        private final Map<String, Object> details = new LinkedHashMap<>();
        private final TreeSet<Evidence> evidence = new TreeSet<>();

        private ViolationBuilder(String rule, Severity severity, List<String> legalBasis) {
            this.rule = rule;
            this.severity = severity;
            this.legalBasis = legalBasis;
        }

        /** The unit the obligation belongs to. */
        public ViolationBuilder unit(String id) {
            this.unitId = id;
            return this;
        }

        /** The official or record concerned. */
        public ViolationBuilder subject(String id) {
            this.subjectId = id;
            return this;
        }

        /** The deadline that was missed. */
        public ViolationBuilder dueOn(LocalDate day) {
            this.dueOn = day;
            return this;
        }

        /** The judged year ({@code details.year}). */
        public ViolationBuilder year(int year) {
            return detail("year", year);
        }

        /** A detail; values are texts, whole numbers, decimals or dates. */
        public ViolationBuilder detail(String key, Object value) {
            details.put(key, value instanceof Enum<?> e ? e.name() : value);
            return this;
        }

        /** Facts the violation was matched on. */
        public ViolationBuilder evidence(Object... facts) {
            for (Object fact : facts) {
                if (fact instanceof Collection<?> many) {
                    many.forEach(f -> evidence.add(evidenceOf(f)));
                } else if (fact != null) {
                    evidence.add(evidenceOf(fact));
                }
            }
            return this;
        }

        /** The violation, with its stable id. */
        public Violation build() {
            Objects.requireNonNull(unitId, () -> "violation of " + rule + " needs a unit");
            StringBuilder key = new StringBuilder().append(rule).append('|').append(unitId).append('|')
                    .append(subjectId).append('|').append(new TreeMap<>(details)).append('|');
            evidence.forEach(e -> key.append(e.type()).append(':').append(e.id()).append(','));
            return new Violation(hash("V-", key.toString()), rule, severity, unitId, subjectId, null, null,
                    legalBasis, dueOn, details, new ArrayList<>(evidence));
        }
    }

    /** Builds a required action; {@link #build()} resolves the actor and derives its stable id. */
    public static final class ActionBuilder {
        private final Evaluation evaluation;
        private final String code;
        private Actor actor;
        private String actorUnitId;
        private String unitId;
        private String subjectId;
        private final TreeSet<String> because = new TreeSet<>();
        private final Map<String, Object> details = new LinkedHashMap<>();

        private ActionBuilder(Evaluation evaluation, String code) {
            this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
            this.code = Objects.requireNonNull(code, "code");
        }

        /** Who must act. */
        public ActionBuilder actor(Actor who) {
            this.actor = who;
            return this;
        }

        /** Resolve the actor in this unit rather than the action's own (the head of another unit). */
        public ActionBuilder actorUnit(String id) {
            this.actorUnitId = id;
            return this;
        }

        /** The violations the action answers; the first one also sets the unit and subject if unset. */
        public ActionBuilder because(Object... violations) {
            for (Object v : violations) {
                if (v instanceof Collection<?> many) {
                    many.forEach(this::because);
                } else if (v instanceof Violation violation) {
                    because.add(violation.id());
                    if (unitId == null) {
                        unitId = violation.unitId();
                        subjectId = violation.subjectId();
                    }
                } else {
                    throw new IllegalArgumentException("an action answers violations, not " + v);
                }
            }
            return this;
        }

        /** The unit of the violations answered, when it differs from the first violation's. */
        public ActionBuilder unit(String id) {
            this.unitId = id;
            return this;
        }

        /** A detail, such as {@code discipline}. */
        public ActionBuilder detail(String key, Object value) {
            details.put(key, value instanceof Enum<?> e ? e.name() : value);
            return this;
        }

        /** The action with its actor resolved and its stable id. */
        public RequiredAction build() {
            Objects.requireNonNull(actor, () -> "action " + code + " needs an actor");
            Objects.requireNonNull(unitId, () -> "action " + code + " needs a unit or a violation");
            String actorId = evaluation.resolveActor(actor, actorUnitId != null ? actorUnitId : unitId, subjectId)
                    .orElse(null);
            String key = code + '|' + unitId + '|' + actor + '|' + actorId + '|' + because + '|'
                    + new TreeMap<>(details);
            return new RequiredAction(hash("A-", key), code, actor, actorId, unitId, evaluation.actionDueOn(),
                    new ArrayList<>(because), null, details);
        }
    }
}
