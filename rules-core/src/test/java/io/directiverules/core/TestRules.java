package io.directiverules.core;

import java.util.List;
import java.util.Map;

/** A tiny rule module for engine tests: one verdict rule, one action rule, inline DRL. */
final class TestRules implements RuleModule {
    static final String UNITS_WITHOUT_HEAD = """
            package test.rules;
            import io.directiverules.core.Actor;
            import io.directiverules.core.Violation;
            import io.directiverules.core.model.Unit;
            import io.directiverules.core.model.Official;
            import io.directiverules.core.rule.Evaluation;
            import io.directiverules.core.rule.Verdict;

            rule "T-01 Unit without a head"
                @ruleId("T-01") @severity("HIGH") @legalBasis("Test §1; Test §2")
            when
                $ctx : Evaluation()
                $unit : Unit(headId == null)
            then
                insert(Verdict.violation(drools).unit($unit.id()).dueOn($ctx.asOf()).evidence($unit).build());
            end

            rule "T-02 Official without a position"
                @ruleId("T-02") @severity("LOW") @legalBasis("Test §3")
            when
                $official : Official(position == null)
            then
                insert(Verdict.violation(drools).unit($official.unitId()).subject($official.id())
                        .evidence($official).build());
            end

            rule "NAME_HEAD for T-01" ruleflow-group "actions"
            when
                $ctx : Evaluation()
                $v : Violation(rule == "T-01")
            then
                insert(Verdict.action(drools, $ctx, "NAME_HEAD").actor(Actor.MINISTER).because($v).build());
            end
            """;

    private final List<RuleSource> sources;

    TestRules(String... drl) {
        this.sources = java.util.stream.IntStream.range(0, drl.length)
                .mapToObj(i -> new RuleSource("test/rules" + i + ".drl", drl[i])).toList();
    }

    TestRules() {
        this(UNITS_WITHOUT_HEAD);
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public String version() {
        return "0";
    }

    @Override
    public List<RuleSource> rules() {
        return sources;
    }

    @Override
    public List<ParameterDefinition> parameters() {
        return List.of(new ParameterDefinition("action.dueDays", "days", "days", ParameterType.INTEGER,
                java.math.BigDecimal.ZERO, null, List.of(), List.of(new DatedValue(null, null, 15L, null))));
    }

    @Override
    public List<String> messageBundles() {
        return List.of("test-messages");
    }

    @Override
    public Map<String, Actor> actionCodes() {
        return Map.of("NAME_HEAD", Actor.MINISTER);
    }
}
