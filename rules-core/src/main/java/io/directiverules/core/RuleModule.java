package io.directiverules.core;

import java.util.List;

/**
 * A pluggable set of rules: DRL sources, the parameters they use with their defaults, message bundles and
 * the action codes they may produce. Implementations are found by {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.directiverules.core.RuleModule}) or passed to
 * {@link ComplianceEngine.Builder#module(RuleModule)}.
 */
public interface RuleModule {

    /** The module's name, such as {@code directive09}. */
    String name();

    /** The module's version. */
    String version();

    /** The DRL sources, in load order. */
    List<RuleSource> rules();

    /** Definitions and default values of the parameters the rules read. */
    List<ParameterDefinition> parameters();

    /**
     * The base names of the module's message bundles ({@code a/b/plan} for {@code a/b/plan_en.properties}
     * and {@code a/b/plan_vi.properties}), loaded with the module's class loader as UTF-8; keys are
     * {@code <ruleId>.title}, {@code <ruleId>.message}, {@code <actionCode>.description} and
     * {@code label.<CODE>}.
     */
    List<String> messageBundles();

    /** The action codes the module's rules may produce, with the actor of each. */
    java.util.Map<String, Actor> actionCodes();

    /**
     * The module's own Java helper classes that its rules may call (and an analyst's copy of its rules too).
     * They pass the rule sandbox, so they must be reviewed like the engine's helpers: no I/O, no threads, no
     * reflection, nothing unbounded. None by default.
     */
    default List<Class<?>> ruleHelpers() {
        return List.of();
    }

    /** A sample fact set the module bundles for trials, with the date to evaluate it on, if it has one. */
    default java.util.Optional<Sample> sample() {
        return java.util.Optional.empty();
    }

    /**
     * A bundled sample fact set.
     *
     * @param resource the classpath resource of the facts document
     * @param loader the class loader that holds it
     * @param asOf the date the sample is meant to be evaluated on
     */
    record Sample(String resource, ClassLoader loader, java.time.LocalDate asOf) {

        /** Opens the facts document. */
        public java.io.InputStream open() {
            java.io.InputStream in = loader.getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("sample resource not found: " + resource);
            }
            return in;
        }
    }
}
