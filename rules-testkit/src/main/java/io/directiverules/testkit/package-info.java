/**
 * The testkit: YAML scenarios on JUnit 5 ({@link io.directiverules.testkit.Scenarios}) with rule and citation
 * coverage ({@link io.directiverules.testkit.Coverage}), fluent assertions on reports
 * ({@link io.directiverules.testkit.DirectiveAssertions}), a fact builder for Java tests
 * ({@link io.directiverules.testkit.TestFacts}) and rule-change impact
 * ({@link io.directiverules.testkit.RuleChangeImpact}). jqwik generators are in
 * {@code io.directiverules.testkit.generators}.
 */
package io.directiverules.testkit;
