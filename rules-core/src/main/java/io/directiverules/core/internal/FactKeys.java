package io.directiverules.core.internal;

import io.directiverules.core.model.Assessment;
import io.directiverules.core.model.AssetChange;
import io.directiverules.core.model.Conflict;
import io.directiverules.core.model.CorruptionCase;
import io.directiverules.core.model.Declaration;
import io.directiverules.core.model.Dissemination;
import io.directiverules.core.model.Gift;
import io.directiverules.core.model.Identified;
import io.directiverules.core.model.InspectionPlan;
import io.directiverules.core.model.Official;
import io.directiverules.core.model.PeriodicReport;
import io.directiverules.core.model.Plan;
import io.directiverules.core.model.PlanTask;
import io.directiverules.core.model.Rotation;
import io.directiverules.core.model.RotationPlan;
import io.directiverules.core.model.Unit;
import io.directiverules.core.model.VerificationPlan;
import io.directiverules.core.model.VerificationSelection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What a long-lived session needs to know of each fact list: the record type, a fact's key (its id, or for
 * lists without ids the fields that tell facts apart), and the units and officials a fact refers to.
 */
public final class FactKeys {
    /** A reference to a unit. */
    public static final String UNIT = "unit";
    /** A reference to an official. */
    public static final String OFFICIAL = "official";

    /** Every fact list by name, with its record type, in facts-document order. */
    public static final Map<String, Class<?>> LISTS;

    static {
        Map<String, Class<?>> lists = new LinkedHashMap<>();
        lists.put("units", Unit.class);
        lists.put("officials", Official.class);
        lists.put("assessments", Assessment.class);
        lists.put("plans", Plan.class);
        lists.put("disseminations", Dissemination.class);
        lists.put("declarations", Declaration.class);
        lists.put("assetChanges", AssetChange.class);
        lists.put("verificationPlans", VerificationPlan.class);
        lists.put("rotationPlans", RotationPlan.class);
        lists.put("rotations", Rotation.class);
        lists.put("gifts", Gift.class);
        lists.put("conflicts", Conflict.class);
        lists.put("inspectionPlans", InspectionPlan.class);
        lists.put("cases", CorruptionCase.class);
        lists.put("reports", PeriodicReport.class);
        LISTS = java.util.Collections.unmodifiableMap(lists);
    }

    private FactKeys() {
    }

    /**
     * The key of a fact: its id; for assessments {@code unitId/year}, reports {@code unitId/year/period},
     * asset changes {@code officialId/changedOn/amountVnd}, rotations {@code officialId/effectiveOn}.
     */
    public static String keyOf(Object fact) {
        if (fact instanceof Identified identified) {
            return identified.id();
        }
        if (fact instanceof Assessment a) {
            return a.unitId() + "/" + a.year();
        }
        if (fact instanceof PeriodicReport r) {
            return r.unitId() + "/" + r.year() + "/" + r.period();
        }
        if (fact instanceof AssetChange c) {
            return c.officialId() + "/" + c.changedOn() + "/" + c.amountVnd();
        }
        if (fact instanceof Rotation r) {
            return r.officialId() + "/" + r.effectiveOn();
        }
        throw new IllegalArgumentException("not a fact: " + fact.getClass().getName());
    }

    /**
     * The official a fact belongs to (a declaration, an asset change, a rotation, a gift, a conflict of interest,
     * each filed under one official by its {@code officialId}), or {@code null}. Plans that list officials do
     * not belong to them.
     */
    public static String ownerOfficial(Object fact) {
        if (fact instanceof Declaration d) {
            return d.officialId();
        } else if (fact instanceof AssetChange c) {
            return c.officialId();
        } else if (fact instanceof Rotation r) {
            return r.officialId();
        } else if (fact instanceof Gift g) {
            return g.officialId();
        } else if (fact instanceof Conflict c) {
            return c.officialId();
        }
        return null;
    }

    /** Hands each reference of {@code fact} to {@code reference}: ({@link #UNIT} or {@link #OFFICIAL}, id). */
    public static void references(Object fact, BiConsumer<String, String> reference) {
        if (fact instanceof Unit u) {
            optional(UNIT, u.parentId(), reference);
            optional(OFFICIAL, u.headId(), reference);
        } else if (fact instanceof Official o) {
            reference.accept(UNIT, o.unitId());
        } else if (fact instanceof Plan p) {
            reference.accept(UNIT, p.unitId());
            for (PlanTask task : p.tasks()) {
                reference.accept(UNIT, task.assigneeUnitId());
            }
        } else if (fact instanceof RotationPlan p) {
            reference.accept(UNIT, p.unitId());
            p.officialIds().forEach(id -> reference.accept(OFFICIAL, id));
        } else if (fact instanceof VerificationPlan p) {
            reference.accept(UNIT, p.agencyId());
            for (VerificationSelection selection : p.selections()) {
                reference.accept(UNIT, selection.unitId());
                selection.officialIds().forEach(id -> reference.accept(OFFICIAL, id));
            }
        } else if (fact instanceof Assessment a) {
            reference.accept(UNIT, a.unitId());
        } else if (fact instanceof Dissemination d) {
            reference.accept(UNIT, d.unitId());
        } else if (fact instanceof InspectionPlan p) {
            reference.accept(UNIT, p.unitId());
        } else if (fact instanceof CorruptionCase c) {
            reference.accept(UNIT, c.unitId());
        } else if (fact instanceof PeriodicReport r) {
            reference.accept(UNIT, r.unitId());
        } else if (fact instanceof Declaration d) {
            reference.accept(OFFICIAL, d.officialId());
        } else if (fact instanceof AssetChange c) {
            reference.accept(OFFICIAL, c.officialId());
        } else if (fact instanceof Rotation r) {
            reference.accept(OFFICIAL, r.officialId());
        } else if (fact instanceof Gift g) {
            reference.accept(OFFICIAL, g.officialId());
        } else if (fact instanceof Conflict c) {
            reference.accept(OFFICIAL, c.officialId());
        }
    }

    private static void optional(String kind, String id, BiConsumer<String, String> reference) {
        if (id != null) {
            reference.accept(kind, id);
        }
    }
}
