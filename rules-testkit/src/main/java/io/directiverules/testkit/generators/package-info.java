/**
 * jqwik generators for Directive 09 facts: {@link io.directiverules.testkit.generators.FactArbitraries} (static
 * factories, one per fact type, and whole consistent fact sets with knobs) and
 * {@link io.directiverules.testkit.generators.DirectiveDomain} (the same as a jqwik domain).
 */
package io.directiverules.testkit.generators;
