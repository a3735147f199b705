package io.directiverules.core.internal;

import io.directiverules.core.Facts;
import io.directiverules.core.InputError;
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
import io.directiverules.core.model.Postponement;
import io.directiverules.core.model.Required;
import io.directiverules.core.model.Rotation;
import io.directiverules.core.model.RotationPlan;
import io.directiverules.core.model.Unit;
import io.directiverules.core.model.UnitKind;
import io.directiverules.core.model.VerificationPlan;
import io.directiverules.core.model.VerificationSelection;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a fact set as a whole: required fields, unique ids, references, amounts, date order, the unit
 * tree. Records in {@code excluded} are treated as absent, so that a caller can drop bad records and
 * find what referred to them.
 */
public final class FactsValidator {

    /** One error and the top-level record it belongs to. */
    public record Problem(InputError error, Object record) {
    }

    private final Facts facts;
    private final Set<Object> excluded;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> unitIds = new HashSet<>();
    private final Set<String> officialIds = new HashSet<>();

    private FactsValidator(Facts facts, Set<Object> excluded) {
        this.facts = facts;
        this.excluded = excluded;
    }

    /** Every problem of {@code facts}, ignoring the records in {@code excluded}. */
    public static List<Problem> problems(Facts facts, Set<Object> excluded) {
        FactsValidator validator = new FactsValidator(facts, excluded);
        validator.run();
        return List.copyOf(validator.problems);
    }

    private void run() {
        facts.units().stream().filter(this::present).filter(u -> u != null && u.id() != null)
                .forEach(u -> unitIds.add(u.id()));
        facts.officials().stream().filter(this::present).filter(o -> o != null && o.id() != null)
                .forEach(o -> officialIds.add(o.id()));

        for (Map.Entry<String, List<?>> list : facts.lists().entrySet()) {
            Set<String> seenIds = new HashSet<>();
            for (int i = 0; i < list.getValue().size(); i++) {
                Object record = list.getValue().get(i);
                if (!present(record)) {
                    continue;
                }
                String path = list.getKey() + "[" + i + "]";
                if (record == null) {
                    problems.add(new Problem(InputError.of(path, null, "empty entry"), null));
                    continue;
                }
                Checker checker = new Checker(path, record);
                checker.required(path, record);
                if (record instanceof Identified identified && identified.id() != null) {
                    if (identified.id().isBlank()) {
                        checker.error("id", "must not be empty");
                    } else if (!seenIds.add(identified.id())) {
                        checker.error("id", "duplicate id \"" + identified.id() + "\" in " + list.getKey());
                    }
                }
                checkRecord(checker, record);
            }
        }
        // The holiday list stands for its own empty entries, so that skipping them ends the repair loop.
        for (int i = 0; i < facts.holidays().size() && present(facts.holidays()); i++) {
            if (facts.holidays().get(i) == null) {
                problems.add(new Problem(InputError.of("holidays[" + i + "]", null, "empty entry"),
                        facts.holidays()));
            }
        }
        checkUnitTree();
    }

    private boolean present(Object record) {
        return !excluded.contains(record);
    }

    private void checkRecord(Checker c, Object record) {
        if (record instanceof Unit u) {
            c.unitRef("parentId", u.parentId());
            c.officialRef("headId", u.headId());
        } else if (record instanceof Official o) {
            c.unitRef("unitId", o.unitId());
            for (int j = 0; j < o.postponements().size(); j++) {
                Postponement p = o.postponements().get(j);
                String path = "postponements[" + j + "]";
                if (p == null) {
                    c.error(path, "empty entry");
                    continue;
                }
                c.required(c.path + "." + path, p);
                c.order(path + ".to", p.from(), p.to(), "from");
            }
        } else if (record instanceof Assessment a) {
            c.unitRef("unitId", a.unitId());
        } else if (record instanceof Plan p) {
            c.unitRef("unitId", p.unitId());
            Set<String> taskIds = new HashSet<>();
            for (int j = 0; j < p.tasks().size(); j++) {
                PlanTask t = p.tasks().get(j);
                String path = "tasks[" + j + "]";
                if (t == null) {
                    c.error(path, "empty entry");
                    continue;
                }
                c.required(c.path + "." + path, t);
                if (t.id() != null && !taskIds.add(t.id())) {
                    c.error(path + ".id", "duplicate task id \"" + t.id() + "\" in plan " + p.id());
                }
                c.unitRef(path + ".assigneeUnitId", t.assigneeUnitId());
            }
        } else if (record instanceof Dissemination d) {
            c.unitRef("unitId", d.unitId());
            c.nonNegative("participants", d.participants());
        } else if (record instanceof Declaration d) {
            c.officialRef("officialId", d.officialId());
            c.nonNegative("totalAssets", d.totalAssets());
            c.nonNegative("totalIncome", d.totalIncome());
            c.nonNegative("postedDays", d.postedDays());
            c.order("correctedOn", d.returnedOn(), d.correctedOn(), "returnedOn");
        } else if (record instanceof AssetChange a) {
            c.officialRef("officialId", a.officialId());
            c.nonNegative("amountVnd", a.amountVnd());
        } else if (record instanceof VerificationPlan v) {
            c.unitRef("agencyId", v.agencyId());
            for (int j = 0; j < v.selections().size(); j++) {
                VerificationSelection s = v.selections().get(j);
                String path = "selections[" + j + "]";
                if (s == null) {
                    c.error(path, "empty entry");
                    continue;
                }
                c.required(c.path + "." + path, s);
                c.unitRef(path + ".unitId", s.unitId());
                c.officialRefs(path + ".officialIds", s.officialIds());
            }
        } else if (record instanceof RotationPlan r) {
            c.unitRef("unitId", r.unitId());
            c.officialRefs("officialIds", r.officialIds());
        } else if (record instanceof Rotation r) {
            c.officialRef("officialId", r.officialId());
        } else if (record instanceof Gift g) {
            c.officialRef("officialId", g.officialId());
            c.nonNegative("valueVnd", g.valueVnd());
        } else if (record instanceof Conflict k) {
            c.officialRef("officialId", k.officialId());
        } else if (record instanceof InspectionPlan p) {
            c.unitRef("unitId", p.unitId());
        } else if (record instanceof CorruptionCase k) {
            c.unitRef("unitId", k.unitId());
            if (k.concludedOn() != null && k.severity() == null) {
                c.error("severity", "a concluded case must have a severity");
            }
        } else if (record instanceof PeriodicReport r) {
            c.unitRef("unitId", r.unitId());
        }
    }

    /** Cycles in {@code parentId}, and two inspectorates or asset control agencies in one tree. */
    private void checkUnitTree() {
        Map<String, Unit> byId = new HashMap<>();
        List<Unit> units = facts.units().stream().filter(this::present).filter(u -> u != null && u.id() != null)
                .toList();
        units.forEach(u -> byId.putIfAbsent(u.id(), u));
        Map<String, String> rootOf = new HashMap<>();
        for (int i = 0; i < facts.units().size(); i++) {
            Unit unit = facts.units().get(i);
            if (unit == null || unit.id() == null || !present(unit) || byId.get(unit.id()) != unit) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            Unit current = unit;
            boolean cycle = false;
            while (current.parentId() != null && byId.containsKey(current.parentId())) {
                if (!seen.add(current.id())) {
                    cycle = true;
                    break;
                }
                current = byId.get(current.parentId());
                if (current.id().equals(unit.id())) {
                    cycle = true;
                    break;
                }
            }
            if (cycle) {
                problems.add(new Problem(InputError.of("units[" + i + "].parentId", unit.id(),
                        "cycle in parentId: unit " + unit.id() + " is its own ancestor"), unit));
            } else {
                rootOf.put(unit.id(), current.id());
            }
        }
        uniquePerTree(UnitKind.INSPECTORATE, rootOf);
        uniquePerTree(UnitKind.ASSET_CONTROL_AGENCY, rootOf);
    }

    private void uniquePerTree(UnitKind kind, Map<String, String> rootOf) {
        Map<String, String> firstByRoot = new HashMap<>();
        for (int i = 0; i < facts.units().size(); i++) {
            Unit unit = facts.units().get(i);
            if (unit == null || unit.kind() != kind || !present(unit) || !rootOf.containsKey(unit.id())) {
                continue;
            }
            String root = rootOf.get(unit.id());
            String first = firstByRoot.putIfAbsent(root, unit.id());
            if (first != null) {
                problems.add(new Problem(InputError.of("units[" + i + "].kind", unit.id(),
                        "a second unit of kind " + kind + " in the tree of " + root + " (the first is " + first
                                + ")"), unit));
            }
        }
    }

    /** Collects the errors of one top-level record. */
    private final class Checker {
        private final String path;
        private final Object record;
        private final String recordId;

        Checker(String path, Object record) {
            this.path = path;
            this.record = record;
            this.recordId = record instanceof Identified i ? i.id() : null;
        }

        void error(String field, String message) {
            problems.add(new Problem(InputError.of(path + "." + field, recordId, message), record));
        }

        void required(String fullPath, Object value) {
            for (RecordComponent component : REQUIRED.get(value.getClass())) {
                Object fieldValue = read(component, value);
                if (fieldValue == null) {
                    problems.add(new Problem(InputError.of(fullPath + "." + component.getName(), recordId,
                            "is required"), record));
                }
            }
        }

        void unitRef(String field, String id) {
            ref(field, id, unitIds, "unit");
        }

        void officialRef(String field, String id) {
            ref(field, id, officialIds, "official");
        }

        void officialRefs(String field, List<String> ids) {
            for (int k = 0; k < ids.size(); k++) {
                ref(field + "[" + k + "]", ids.get(k), officialIds, "official");
            }
        }

        private void ref(String field, String id, Set<String> known, String what) {
            if (id != null && !known.contains(id)) {
                error(field, "no " + what + " with id \"" + id + "\"");
            }
        }

        void nonNegative(String field, Number amount) {
            if (amount != null && amount.longValue() < 0) {
                error(field, "must not be negative (is " + amount + ")");
            }
        }

        void order(String field, LocalDate earlier, LocalDate later, String earlierName) {
            if (earlier != null && later != null && later.isBefore(earlier)) {
                error(field, "is before " + earlierName + " (" + later + " < " + earlier + ")");
            }
        }
    }

    /** The {@code @Required} components of each record type, looked up once: annotations are slow to read. */
    private static final ClassValue<List<RecordComponent>> REQUIRED = new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
            return java.util.Arrays.stream(type.getRecordComponents())
                    .filter(c -> c.isAnnotationPresent(Required.class)).toList();
        }
    };

    private static Object read(RecordComponent component, Object value) {
        try {
            return component.getAccessor().invoke(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
