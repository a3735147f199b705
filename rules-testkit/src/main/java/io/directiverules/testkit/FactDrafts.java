package io.directiverules.testkit;

import io.directiverules.core.model.Area;
import io.directiverules.core.model.CaseSeverity;
import io.directiverules.core.model.Conflict;
import io.directiverules.core.model.CorruptionCase;
import io.directiverules.core.model.Declaration;
import io.directiverules.core.model.DeclarationKind;
import io.directiverules.core.model.DetectionSource;
import io.directiverules.core.model.Gift;
import io.directiverules.core.model.InspectionPlan;
import io.directiverules.core.model.Official;
import io.directiverules.core.model.Plan;
import io.directiverules.core.model.PlanTask;
import io.directiverules.core.model.Postponement;
import io.directiverules.core.model.PostponementReason;
import io.directiverules.core.model.RotationPlan;
import io.directiverules.core.model.Unit;
import io.directiverules.core.model.UnitKind;
import io.directiverules.core.model.VerificationPlan;
import io.directiverules.core.model.VerificationSelection;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The drafts {@link TestFacts} hands to its lambdas: one per fact type with optional fields, each field set
 * by a method of the same name. Dates are ISO texts ({@code "2024-02-20"}). Unset fields keep the facts
 * format's defaults: {@code false}, empty lists, and absent dates (the thing has not happened).
 */
public final class FactDrafts {
    private FactDrafts() {
    }

    static LocalDate day(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("malformed date \"" + text + "\" (expected YYYY-MM-DD)", e);
        }
    }

    /** A unit's optional fields. */
    public static final class UnitDraft {
        private final String id;
        private final UnitKind kind;
        private String name;
        private String parentId;
        private String headId;

        UnitDraft(String id, UnitKind kind) {
            this.id = id;
            this.kind = kind;
            this.name = "Unit " + id;
        }

        /** The unit's name (default {@code Unit <id>}). */
        public UnitDraft name(String value) {
            this.name = value;
            return this;
        }

        /** The unit above. */
        public UnitDraft parent(String unitId) {
            this.parentId = unitId;
            return this;
        }

        /** The official heading the unit. */
        public UnitDraft head(String officialId) {
            this.headId = officialId;
            return this;
        }

        Unit build() {
            return new Unit(id, name, kind, parentId, headId);
        }
    }

    /** An official's optional fields. */
    public static final class OfficialDraft {
        private final String id;
        private final String unitId;
        private String fullName;
        private String position;
        private String positionGroup;
        private boolean rotationBound;
        private LocalDate positionSince;
        private boolean annualDeclarant;
        private boolean declarablePosition;
        private boolean leader;
        private LocalDate retirementDate;
        private final List<Postponement> postponements = new ArrayList<>();

        OfficialDraft(String id, String unitId) {
            this.id = id;
            this.unitId = unitId;
            this.fullName = "Official " + id;
        }

        /** The official's name (default {@code Official <id>}). */
        public OfficialDraft fullName(String value) {
            this.fullName = value;
            return this;
        }

        /** The position's title. */
        public OfficialDraft position(String value) {
            this.position = value;
            return this;
        }

        /** Holds a position of rotation group {@code group} subject to periodic rotation. */
        public OfficialDraft rotationBound(String group) {
            this.positionGroup = group;
            this.rotationBound = true;
            return this;
        }

        /** The current position began on {@code day}. */
        public OfficialDraft positionSince(String day) {
            this.positionSince = day(day);
            return this;
        }

        /** Must declare assets every year. */
        public OfficialDraft annualDeclarant() {
            this.annualDeclarant = true;
            return this;
        }

        /** Holds a position that requires a first-time declaration. */
        public OfficialDraft declarablePosition() {
            this.declarablePosition = true;
            return this;
        }

        /** Is head or deputy head. */
        public OfficialDraft leader() {
            this.leader = true;
            return this;
        }

        /** Retires on {@code day}. */
        public OfficialDraft retiresOn(String day) {
            this.retirementDate = day(day);
            return this;
        }

        /** Rotation postponed for {@code reason} from {@code from} to {@code to}, both included. */
        public OfficialDraft postponed(PostponementReason reason, String from, String to) {
            postponements.add(new Postponement(reason, day(from), day(to)));
            return this;
        }

        Official build() {
            return new Official(id, fullName, unitId, position, positionGroup, rotationBound, positionSince,
                    annualDeclarant, declarablePosition, leader, retirementDate, postponements);
        }
    }

    /** An annual plan's optional fields and tasks. */
    public static final class PlanDraft {
        private final String id;
        private final String unitId;
        private final int year;
        private LocalDate issuedOn;
        private final List<Area> focusAreas = new ArrayList<>();
        private final List<PlanTask> tasks = new ArrayList<>();

        PlanDraft(String id, String unitId, int year) {
            this.id = id;
            this.unitId = unitId;
            this.year = year;
        }

        /** Issued on {@code day} (without it the plan is a draft). */
        public PlanDraft issuedOn(String day) {
            this.issuedOn = day(day);
            return this;
        }

        /** Focuses on {@code areas}. */
        public PlanDraft focus(Area... areas) {
            focusAreas.addAll(Arrays.asList(areas));
            return this;
        }

        /** A task of {@code assigneeUnitId} due on {@code dueOn}, not completed. */
        public PlanDraft task(String taskId, String assigneeUnitId, String dueOn) {
            return task(taskId, assigneeUnitId, dueOn, null);
        }

        /** A task of {@code assigneeUnitId} due on {@code dueOn}, completed on {@code completedOn} (or null). */
        public PlanDraft task(String taskId, String assigneeUnitId, String dueOn, String completedOn) {
            tasks.add(new PlanTask(taskId, assigneeUnitId, "Task " + taskId, day(dueOn), day(completedOn)));
            return this;
        }

        Plan build() {
            return new Plan(id, unitId, year, issuedOn, focusAreas, tasks);
        }
    }

    /** A declaration's optional fields. */
    public static final class DeclarationDraft {
        private final String id;
        private final String officialId;
        private final DeclarationKind kind;
        private final int year;
        private LocalDate submittedOn;
        private Long totalAssets;
        private Long totalIncome;
        private boolean increaseExplained;
        private boolean complete = true;
        private LocalDate returnedOn;
        private LocalDate correctedOn;
        private LocalDate receivedOn;
        private LocalDate publicizedOn;
        private Integer postedDays;
        private LocalDate appointmentPlannedOn;

        DeclarationDraft(String id, String officialId, DeclarationKind kind, int year) {
            this.id = id;
            this.officialId = officialId;
            this.kind = kind;
            this.year = year;
        }

        /** Submitted on {@code day}. */
        public DeclarationDraft submittedOn(String day) {
            this.submittedOn = day(day);
            return this;
        }

        /** Declares total assets of {@code vnd}. */
        public DeclarationDraft totalAssets(long vnd) {
            this.totalAssets = vnd;
            return this;
        }

        /** Declares income of {@code vnd}. */
        public DeclarationDraft totalIncome(long vnd) {
            this.totalIncome = vnd;
            return this;
        }

        /** The origin of any increase is explained. */
        public DeclarationDraft increaseExplained() {
            this.increaseExplained = true;
            return this;
        }

        /** Returned as incomplete on {@code day} (and marked incomplete). */
        public DeclarationDraft returnedOn(String day) {
            this.returnedOn = day(day);
            this.complete = false;
            return this;
        }

        /** Corrected on {@code day}. */
        public DeclarationDraft correctedOn(String day) {
            this.correctedOn = day(day);
            return this;
        }

        /** Received by the unit on {@code day}. */
        public DeclarationDraft receivedOn(String day) {
            this.receivedOn = day(day);
            return this;
        }

        /** Publicized on {@code day}, posted for {@code days} days (null: publicized at a meeting). */
        public DeclarationDraft publicizedOn(String day, Integer days) {
            this.publicizedOn = day(day);
            this.postedDays = days;
            return this;
        }

        /** For {@code PERSONNEL_WORK}: the appointment is planned on {@code day}. */
        public DeclarationDraft appointmentPlannedOn(String day) {
            this.appointmentPlannedOn = day(day);
            return this;
        }

        Declaration build() {
            return new Declaration(id, officialId, kind, year, submittedOn, totalAssets, totalIncome,
                    increaseExplained, complete, returnedOn, correctedOn, receivedOn, publicizedOn, postedDays,
                    appointmentPlannedOn);
        }
    }

    /** A verification plan's optional fields. */
    public static final class VerificationPlanDraft {
        private final String id;
        private final String agencyId;
        private final int year;
        private LocalDate issuedOn;
        private final List<VerificationSelection> selections = new ArrayList<>();

        VerificationPlanDraft(String id, String agencyId, int year) {
            this.id = id;
            this.agencyId = agencyId;
            this.year = year;
        }

        /** Issued on {@code day}. */
        public VerificationPlanDraft issuedOn(String day) {
            this.issuedOn = day(day);
            return this;
        }

        /** Selects {@code officialIds} of unit {@code unitId}. */
        public VerificationPlanDraft select(String unitId, String... officialIds) {
            selections.add(new VerificationSelection(unitId, List.of(officialIds)));
            return this;
        }

        VerificationPlan build() {
            return new VerificationPlan(id, agencyId, year, issuedOn, selections);
        }
    }

    /** A rotation plan's optional fields. */
    public static final class RotationPlanDraft {
        private final String id;
        private final String unitId;
        private final int year;
        private LocalDate issuedOn;
        private LocalDate publishedOn;
        private final List<String> officialIds = new ArrayList<>();

        RotationPlanDraft(String id, String unitId, int year) {
            this.id = id;
            this.unitId = unitId;
            this.year = year;
        }

        /** Issued on {@code day}. */
        public RotationPlanDraft issuedOn(String day) {
            this.issuedOn = day(day);
            return this;
        }

        /** Published on {@code day}. */
        public RotationPlanDraft publishedOn(String day) {
            this.publishedOn = day(day);
            return this;
        }

        /** Schedules {@code ids} for rotation. */
        public RotationPlanDraft officials(String... ids) {
            officialIds.addAll(Arrays.asList(ids));
            return this;
        }

        RotationPlan build() {
            return new RotationPlan(id, unitId, year, issuedOn, publishedOn, officialIds);
        }
    }

    /** A gift's optional fields. */
    public static final class GiftDraft {
        private final String id;
        private final String officialId;
        private final LocalDate receivedOn;
        private LocalDate reportedOn;
        private LocalDate handedInOn;
        private String giver;
        private Long valueVnd;

        GiftDraft(String id, String officialId, LocalDate receivedOn) {
            this.id = id;
            this.officialId = officialId;
            this.receivedOn = receivedOn;
        }

        /** Reported on {@code day}. */
        public GiftDraft reportedOn(String day) {
            this.reportedOn = day(day);
            return this;
        }

        /** Handed in on {@code day}. */
        public GiftDraft handedInOn(String day) {
            this.handedInOn = day(day);
            return this;
        }

        /** Given by {@code who}, worth {@code vnd}. */
        public GiftDraft from(String who, long vnd) {
            this.giver = who;
            this.valueVnd = vnd;
            return this;
        }

        Gift build() {
            return new Gift(id, officialId, receivedOn, reportedOn, handedInOn, giver, valueVnd);
        }
    }

    /** An inspection plan's optional fields. */
    public static final class InspectionPlanDraft {
        private final String id;
        private final String unitId;
        private final int year;
        private LocalDate issuedOn;
        private final List<Area> areas = new ArrayList<>();

        InspectionPlanDraft(String id, String unitId, int year) {
            this.id = id;
            this.unitId = unitId;
            this.year = year;
        }

        /** Issued on {@code day}. */
        public InspectionPlanDraft issuedOn(String day) {
            this.issuedOn = day(day);
            return this;
        }

        /** Covers {@code covered}. */
        public InspectionPlanDraft areas(Area... covered) {
            areas.addAll(Arrays.asList(covered));
            return this;
        }

        InspectionPlan build() {
            return new InspectionPlan(id, unitId, year, issuedOn, areas);
        }
    }

    /** A corruption case's optional fields. */
    public static final class CaseDraft {
        private final String id;
        private final String unitId;
        private final LocalDate detectedOn;
        private final DetectionSource detectedBy;
        private boolean criminalSigns;
        private LocalDate criminalSignsFoundOn;
        private LocalDate transferredOn;
        private LocalDate concludedOn;
        private CaseSeverity severity;
        private LocalDate headReviewedOn;

        CaseDraft(String id, String unitId, LocalDate detectedOn, DetectionSource detectedBy) {
            this.id = id;
            this.unitId = unitId;
            this.detectedOn = detectedOn;
            this.detectedBy = detectedBy;
        }

        /** Signs of a crime were found on {@code day}. */
        public CaseDraft criminalSignsFoundOn(String day) {
            this.criminalSigns = true;
            this.criminalSignsFoundOn = day(day);
            return this;
        }

        /** Transferred to the investigation agency on {@code day}. */
        public CaseDraft transferredOn(String day) {
            this.transferredOn = day(day);
            return this;
        }

        /** Concluded on {@code day} with a penalty of {@code penalty}. */
        public CaseDraft concludedOn(String day, CaseSeverity penalty) {
            this.concludedOn = day(day);
            this.severity = penalty;
            return this;
        }

        /** The unit head's responsibility was reviewed on {@code day}. */
        public CaseDraft headReviewedOn(String day) {
            this.headReviewedOn = day(day);
            return this;
        }

        CorruptionCase build() {
            return new CorruptionCase(id, unitId, detectedOn, detectedBy, criminalSigns, criminalSignsFoundOn,
                    transferredOn, concludedOn, severity, headReviewedOn);
        }
    }

    /** A conflict of interest's optional fields. */
    public static final class ConflictDraft {
        private final String id;
        private final String officialId;
        private final LocalDate knownOn;
        private LocalDate reportedOn;
        private String description;

        ConflictDraft(String id, String officialId, LocalDate knownOn) {
            this.id = id;
            this.officialId = officialId;
            this.knownOn = knownOn;
        }

        /** Reported on {@code day}. */
        public ConflictDraft reportedOn(String day) {
            this.reportedOn = day(day);
            return this;
        }

        /** What the conflict is. */
        public ConflictDraft description(String text) {
            this.description = text;
            return this;
        }

        Conflict build() {
            return new Conflict(id, officialId, knownOn, reportedOn, description);
        }
    }
}
