package io.directiverules.core;

import io.directiverules.core.model.Official;
import io.directiverules.core.model.Unit;
import io.directiverules.core.model.UnitKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A small rule module for the engine's tests: T-01 (a unit without a head), its action, and an escalation. */
final class TestModule implements RuleModule {
    static final String BASE = "io/directiverules/testmodule/";
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    @Override
    public String name() {
        return "testmodule";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public List<RuleSource> rules() {
        return List.of(RuleSource.classpath(TestModule.class, BASE + "base.drl"),
                RuleSource.classpath(TestModule.class, BASE + "escalation.drl"));
    }

    @Override
    public List<ParameterDefinition> parameters() {
        return List.of(integer("action.dueDays", 15), integer("test.escalateAt", 2),
                integer("test.limit", 3));
    }

    private static ParameterDefinition integer(String key, long value) {
        return new ParameterDefinition(key, "a test parameter", null, ParameterType.INTEGER, BigDecimal.ZERO, null,
                List.of(), List.of(new DatedValue(null, null, value, "policy default")));
    }

    @Override
    public List<String> messageBundles() {
        return List.of(BASE + "messages/base");
    }

    @Override
    public Map<String, Actor> actionCodes() {
        return Map.of("NAME_HEAD", Actor.MINISTER, "REVIEW_UNIT", Actor.INSPECTORATE);
    }

    /** Two units: U1 without a head (one T-01), U2 with one. */
    static Facts facts() {
        return Facts.builder()
                .unit(new Unit("U1", "Unit One", UnitKind.DEPARTMENT, null, null))
                .unit(new Unit("U2", "Unit Two", UnitKind.DEPARTMENT, null, "O2"))
                .official(new Official("O2", "Official Two", "U2", null, null, false, null, false, false, true, null,
                        new java.util.ArrayList<>()))
                .build();
    }
}
