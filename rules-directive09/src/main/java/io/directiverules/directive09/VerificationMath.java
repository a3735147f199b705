package io.directiverules.directive09;

import io.directiverules.core.model.VerificationPlan;
import io.directiverules.core.model.VerificationSelection;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reading a verification plan's selections for the verification rules ({@code verification.drl}): a
 * plan may list one unit in several selections, which count as one.
 */
public final class VerificationMath {
    private VerificationMath() {
    }

    /** The units a plan selects officials in, each once, in the plan's order. */
    public static List<String> selectedUnitIds(VerificationPlan plan) {
        Set<String> units = new LinkedHashSet<>();
        plan.selections().forEach(s -> units.add(s.unitId()));
        return List.copyOf(units);
    }

    /** The distinct officials a plan selects under {@code unitId}. */
    public static Set<String> selectedIn(VerificationPlan plan, String unitId) {
        Set<String> officials = new LinkedHashSet<>();
        for (VerificationSelection selection : plan.selections()) {
            if (selection.unitId().equals(unitId)) {
                officials.addAll(selection.officialIds());
            }
        }
        return Set.copyOf(officials);
    }

    /** Whether a plan selects {@code officialId} under {@code unitId}. */
    public static boolean selects(VerificationPlan plan, String unitId, String officialId) {
        return plan.selections().stream()
                .anyMatch(s -> s.unitId().equals(unitId) && s.officialIds().contains(officialId));
    }
}
