package io.directiverules.testkit;

import io.directiverules.core.Actor;
import io.directiverules.core.ParameterDefinition;
import io.directiverules.core.RuleModule;
import io.directiverules.core.RuleSource;
import io.directiverules.core.io.ParametersReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The testkit's test rule set (tk.drl), found by ServiceLoader on the test class path only. */
public final class TestRuleModule implements RuleModule {
    static final String BASE = "io/directiverules/testkit/rules/";

    /** Created by ServiceLoader. */
    public TestRuleModule() {
        // Nothing to set up: resources are read when the engine asks.
    }

    @Override
    public String name() {
        return "testkit-test";
    }

    @Override
    public String version() {
        return "0";
    }

    @Override
    public List<RuleSource> rules() {
        return List.of(RuleSource.classpath(TestRuleModule.class, BASE + "tk.drl"));
    }

    @Override
    public List<ParameterDefinition> parameters() {
        try (InputStream in = TestRuleModule.class.getClassLoader().getResourceAsStream(BASE + "tk.yaml")) {
            return ParametersReader.readDefinitions(in, BASE + "tk.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> messageBundles() {
        return List.of(BASE + "messages/tk");
    }

    @Override
    public Map<String, Actor> actionCodes() {
        return Map.of("ISSUE_PLAN", Actor.UNIT_HEAD);
    }
}
