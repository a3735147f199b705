package io.directiverules.core.rule;

import io.directiverules.core.Actor;
import io.directiverules.core.Facts;
import io.directiverules.core.model.Unit;
import io.directiverules.core.model.UnitKind;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Resolves who an actor is, from the unit tree of the facts (catalogue, "Actions"). */
final class ActorDirectory {
    private final Map<String, Unit> units = new java.util.LinkedHashMap<>();
    private final Predicate<String> isOfficial;
    private final String personnelDepartmentId;
    private final Map<String, String> rootOf = new HashMap<>();
    private final Map<String, Map<UnitKind, String>> byKindPerRoot = new HashMap<>();
    private final Map<UnitKind, List<Unit>> byKind = new HashMap<>();

    ActorDirectory(Facts facts, String personnelDepartmentId) {
        this(facts.units(), id -> facts.official(id).isPresent(), personnelDepartmentId);
    }

    /** A directory over {@code units}; {@code isOfficial} tells whether an official id exists. */
    ActorDirectory(Collection<Unit> allUnits, Predicate<String> isOfficial, String personnelDepartmentId) {
        this.isOfficial = isOfficial;
        this.personnelDepartmentId = personnelDepartmentId;
        allUnits.forEach(u -> units.putIfAbsent(u.id(), u));
        for (Unit unit : units.values()) {
            String root = root(unit);
            rootOf.put(unit.id(), root);
            byKindPerRoot.computeIfAbsent(root, r -> new HashMap<>()).putIfAbsent(unit.kind(), unit.id());
            byKind.computeIfAbsent(unit.kind(), k -> new java.util.ArrayList<>()).add(unit);
        }
    }

    private String root(Unit unit) {
        Unit current = unit;
        // Validation has refused cycles, so this walk ends.
        while (current.parentId() != null && units.containsKey(current.parentId())) {
            current = units.get(current.parentId());
        }
        return current.id();
    }

    /** The root of the tree {@code unitId} belongs to. */
    String rootOf(String unitId) {
        return rootOf.get(unitId);
    }

    /** The unit of {@code kind} in the tree of {@code unitId}, or the only one of that kind in the facts. */
    Optional<String> unitOfKind(UnitKind kind, String unitId) {
        String inTree = byKindPerRoot.getOrDefault(rootOf(unitId), Map.of()).get(kind);
        if (inTree != null) {
            return Optional.of(inTree);
        }
        List<Unit> all = byKind.getOrDefault(kind, List.of());
        return all.size() == 1 ? Optional.of(all.get(0).id()) : Optional.empty();
    }

    Optional<String> resolve(Actor actor, String unitId, String subjectId) {
        return switch (actor) {
            case UNIT_HEAD -> Optional.ofNullable(units.get(unitId)).map(Unit::headId);
            case OFFICIAL -> Optional.ofNullable(subjectId).filter(isOfficial);
            case INSPECTORATE -> unitOfKind(UnitKind.INSPECTORATE, unitId);
            case ASSET_CONTROL_AGENCY -> unitOfKind(UnitKind.ASSET_CONTROL_AGENCY, unitId);
            case MINISTER -> Optional.ofNullable(rootOf(unitId)).map(units::get)
                    .filter(root -> root.kind() == UnitKind.MINISTRY).map(Unit::headId);
            case PERSONNEL_DEPARTMENT -> Optional.ofNullable(personnelDepartmentId);
        };
    }
}
