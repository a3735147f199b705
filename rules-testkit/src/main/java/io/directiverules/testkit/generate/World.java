package io.directiverules.testkit.generate;

import java.time.LocalDate;

/**
 * What every part of the generator shares: the seed, the evaluation date the facts are made for, the unit
 * tree and the failure knobs. The deadlines are those of the module's default parameters (catalogue,
 * "Parameters"), so that a compliant record generated here is compliant under the defaults.
 */
final class World {
    static final int ROTATION_YEARS = 3;
    static final int RETIREMENT_EXEMPTION_MONTHS = 18;
    static final int FIRST_TIME_DAYS = 10;
    static final int PERSONNEL_WORK_DAYS = 10;
    static final int FIX_DAYS = 7;
    static final int PUBLICIZE_DAYS = 5;
    static final int POSTING_DAYS = 15;
    static final int PLAN_ISSUE_DAYS = 30;
    static final int ROTATION_PUBLISH_DAYS = 15;
    static final int REPORT_DUE_DAYS = 15;
    static final int CASE_TRANSFER_DAYS = 10;
    static final int HEAD_REVIEW_DAYS = 30;

    final long seed;
    final LocalDate asOf;
    /** The first judged year under the default {@code evaluation.fromYear}: the year before the evaluation date. */
    final int firstYear;
    final UnitLayout layout;
    final double failureRate;

    World(long seed, LocalDate asOf, UnitLayout layout, double failureRate) {
        this.seed = seed;
        this.asOf = asOf;
        this.firstYear = asOf.getYear() - 1;
        this.layout = layout;
        this.failureRate = failureRate;
    }

    /** Whether an obligation of unit {@code u} is missed: only in lax units, at the failure rate. */
    boolean fails(int u, Rng rng) {
        return layout.lax[u] && rng.chance(failureRate);
    }

    /** The plan deadline of {@code year}: the ministry's plan (Dec279 for 2024, else Jan 1) plus 30 days. */
    static LocalDate planDeadline(int year) {
        LocalDate ministryPlan = year == 2024 ? LocalDate.of(2024, 2, 5) : LocalDate.of(year, 1, 1);
        return ministryPlan.plusDays(PLAN_ISSUE_DAYS);
    }

    /** The Jan 31 deadline of rotation, inspection and verification plans. */
    static LocalDate januaryDeadline(int year) {
        return LocalDate.of(year, 1, 31);
    }
}
