/**
 * The testkit: fluent assertions on reports, YAML scenarios on JUnit 5, jqwik generators, rule coverage
 * and rule-change impact.
 */
package io.directiverules.testkit;
