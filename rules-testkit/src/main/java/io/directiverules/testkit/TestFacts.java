package io.directiverules.testkit;

import io.directiverules.core.Facts;
import io.directiverules.core.model.Area;
import io.directiverules.core.model.Assessment;
import io.directiverules.core.model.AssetChange;
import io.directiverules.core.model.DeclarationKind;
import io.directiverules.core.model.DetectionSource;
import io.directiverules.core.model.Dissemination;
import io.directiverules.core.model.LegalDocument;
import io.directiverules.core.model.PeriodicReport;
import io.directiverules.core.model.ReportPeriod;
import io.directiverules.core.model.Rotation;
import io.directiverules.core.model.UnitKind;
import io.directiverules.testkit.FactDrafts.CaseDraft;
import io.directiverules.testkit.FactDrafts.ConflictDraft;
import io.directiverules.testkit.FactDrafts.DeclarationDraft;
import io.directiverules.testkit.FactDrafts.GiftDraft;
import io.directiverules.testkit.FactDrafts.InspectionPlanDraft;
import io.directiverules.testkit.FactDrafts.OfficialDraft;
import io.directiverules.testkit.FactDrafts.PlanDraft;
import io.directiverules.testkit.FactDrafts.RotationPlanDraft;
import io.directiverules.testkit.FactDrafts.UnitDraft;
import io.directiverules.testkit.FactDrafts.VerificationPlanDraft;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A small builder of facts for tests written in Java: the required fields as arguments, the optional ones in
 * a lambda, names made up from ids, dates as ISO texts. {@link #build()} validates the facts as a whole, as
 * reading a facts file does.
 *
 * <pre>{@code
 * Facts facts = TestFacts.create()
 *         .unit("M", UnitKind.MINISTRY, u -> u.head("O1"))
 *         .unit("U1", UnitKind.DEPARTMENT, u -> u.parent("M"))
 *         .official("O1", "M", o -> o.leader().annualDeclarant())
 *         .plan("P1", "U1", 2024, p -> p.issuedOn("2024-03-07").task("T1", "U1", "2024-06-30", "2024-06-15"))
 *         .build();
 * }</pre>
 */
public final class TestFacts {
    private final Facts.Builder facts = Facts.builder();

    private TestFacts() {
    }

    /** An empty fact set to add to. */
    public static TestFacts create() {
        return new TestFacts();
    }

    /** Adds a unit named {@code Unit <id>}. */
    public TestFacts unit(String id, UnitKind kind) {
        return unit(id, kind, u -> { });
    }

    /** Adds a unit with optional fields set by {@code details}. */
    public TestFacts unit(String id, UnitKind kind, Consumer<UnitDraft> details) {
        UnitDraft draft = new UnitDraft(id, kind);
        details.accept(draft);
        facts.unit(draft.build());
        return this;
    }

    /** Adds an official of {@code unitId} named {@code Official <id>}. */
    public TestFacts official(String id, String unitId) {
        return official(id, unitId, o -> { });
    }

    /** Adds an official with optional fields set by {@code details}. */
    public TestFacts official(String id, String unitId, Consumer<OfficialDraft> details) {
        OfficialDraft draft = new OfficialDraft(id, unitId);
        details.accept(draft);
        facts.official(draft.build());
        return this;
    }

    /** Adds a unit's assessment of {@code year} with its weak areas. */
    public TestFacts assessment(String unitId, int year, Area... weakAreas) {
        facts.assessment(new Assessment(unitId, year, List.of(weakAreas)));
        return this;
    }

    /** Adds an annual plan with its issue date, focus and tasks set by {@code details}. */
    public TestFacts plan(String id, String unitId, int year, Consumer<PlanDraft> details) {
        PlanDraft draft = new PlanDraft(id, unitId, year);
        details.accept(draft);
        facts.plan(draft.build());
        return this;
    }

    /** Adds a dissemination session held on {@code heldOn} covering {@code documents}. */
    public TestFacts dissemination(String id, String unitId, String heldOn, LegalDocument... documents) {
        facts.dissemination(new Dissemination(id, unitId, FactDrafts.day(heldOn), List.of(documents), null));
        return this;
    }

    /** Adds a declaration with optional fields set by {@code details}. */
    public TestFacts declaration(String id, String officialId, DeclarationKind kind, int year,
                                 Consumer<DeclarationDraft> details) {
        DeclarationDraft draft = new DeclarationDraft(id, officialId, kind, year);
        details.accept(draft);
        facts.declaration(draft.build());
        return this;
    }

    /** Adds a change of {@code amountVnd} in an official's assets on {@code changedOn}. */
    public TestFacts assetChange(String officialId, String changedOn, long amountVnd) {
        facts.assetChange(new AssetChange(officialId, FactDrafts.day(changedOn), amountVnd, null));
        return this;
    }

    /** Adds a verification plan of the asset control agency {@code agencyId}. */
    public TestFacts verificationPlan(String id, String agencyId, int year, Consumer<VerificationPlanDraft> details) {
        VerificationPlanDraft draft = new VerificationPlanDraft(id, agencyId, year);
        details.accept(draft);
        facts.verificationPlan(draft.build());
        return this;
    }

    /** Adds a rotation plan of planning unit {@code unitId}. */
    public TestFacts rotationPlan(String id, String unitId, int year, Consumer<RotationPlanDraft> details) {
        RotationPlanDraft draft = new RotationPlanDraft(id, unitId, year);
        details.accept(draft);
        facts.rotationPlan(draft.build());
        return this;
    }

    /** Adds a rotation of {@code officialId} taking effect on {@code effectiveOn}. */
    public TestFacts rotation(String officialId, String effectiveOn) {
        facts.rotation(new Rotation(officialId, FactDrafts.day(effectiveOn), null));
        return this;
    }

    /** Adds a gift received on {@code receivedOn}, with reporting set by {@code details}. */
    public TestFacts gift(String id, String officialId, String receivedOn, Consumer<GiftDraft> details) {
        GiftDraft draft = new GiftDraft(id, officialId, FactDrafts.day(receivedOn));
        details.accept(draft);
        facts.gift(draft.build());
        return this;
    }

    /** Adds a conflict of interest known on {@code knownOn}, with reporting set by {@code details}. */
    public TestFacts conflict(String id, String officialId, String knownOn, Consumer<ConflictDraft> details) {
        ConflictDraft draft = new ConflictDraft(id, officialId, FactDrafts.day(knownOn));
        details.accept(draft);
        facts.conflict(draft.build());
        return this;
    }

    /** Adds an inspection plan of the inspectorate {@code unitId}. */
    public TestFacts inspectionPlan(String id, String unitId, int year, Consumer<InspectionPlanDraft> details) {
        InspectionPlanDraft draft = new InspectionPlanDraft(id, unitId, year);
        details.accept(draft);
        facts.inspectionPlan(draft.build());
        return this;
    }

    /** Adds a corruption case detected on {@code detectedOn} by {@code detectedBy}. */
    public TestFacts corruptionCase(String id, String unitId, String detectedOn, DetectionSource detectedBy,
                                    Consumer<CaseDraft> details) {
        CaseDraft draft = new CaseDraft(id, unitId, FactDrafts.day(detectedOn), detectedBy);
        details.accept(draft);
        facts.addCase(draft.build());
        return this;
    }

    /** Adds a periodic report, submitted on {@code submittedOn} (null: not submitted). */
    public TestFacts report(String unitId, int year, ReportPeriod period, String submittedOn) {
        facts.report(new PeriodicReport(unitId, year, period, FactDrafts.day(submittedOn)));
        return this;
    }

    /** Adds days off ({@code YYYY-MM-DD}); they replace the built-in calendar for their years. */
    public TestFacts holidays(String... days) {
        facts.holidays(Arrays.stream(days).map(FactDrafts::day).toList());
        return this;
    }

    /** Adds to the underlying {@link Facts.Builder} directly, for records built elsewhere. */
    public TestFacts with(Consumer<Facts.Builder> more) {
        more.accept(facts);
        return this;
    }

    /**
     * Validates the facts as a whole and builds them.
     *
     * @throws io.directiverules.core.InvalidInputException listing every error
     */
    public Facts build() {
        return facts.build();
    }
}
