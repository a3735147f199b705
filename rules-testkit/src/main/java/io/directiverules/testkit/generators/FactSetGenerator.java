package io.directiverules.testkit.generators;

import io.directiverules.core.Facts;
import io.directiverules.core.model.Area;
import io.directiverules.core.model.Assessment;
import io.directiverules.core.model.CaseSeverity;
import io.directiverules.core.model.CorruptionCase;
import io.directiverules.core.model.DetectionSource;
import io.directiverules.core.model.Dissemination;
import io.directiverules.core.model.InspectionPlan;
import io.directiverules.core.model.LegalDocument;
import io.directiverules.core.model.Official;
import io.directiverules.core.model.PeriodicReport;
import io.directiverules.core.model.Plan;
import io.directiverules.core.model.PlanTask;
import io.directiverules.core.model.ReportPeriod;
import io.directiverules.core.model.Rotation;
import io.directiverules.core.model.RotationPlan;
import io.directiverules.core.model.Unit;
import io.directiverules.core.model.UnitKind;
import io.directiverules.core.model.VerificationPlan;
import io.directiverules.core.model.VerificationSelection;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds a consistent fact set from a blueprint, deterministically: the blueprint (shrinkable by jqwik) fixes
 * the unit tree, each unit's compliance and head count, and a seed per unit from which the unit's records
 * are drawn.
 *
 * <p>A compliant unit meets every obligation of the Directive 09 catalogue, with the module's default
 * parameters, for the years {@code year - 1} and {@code year} and any evaluation date in {@code year}: each
 * deadline is met with a margin, so that the set stays compliant when the evaluation date moves. A
 * non-compliant unit breaks each obligation independently with probability {@link #DEFECT_PERCENT}%.
 *
 * <p>Whatever the compliance, no obligation of the set falls due before January 1 of {@code year - 1}
 * (the law the lateness property relies on): events are dated from February 1 of that year, and a rotation
 * falls due at the earliest three years (the default period) after a {@code positionSince} of
 * {@code year - 4} or later, unless it is done, scheduled or exempt.
 */
final class FactSetGenerator {
    /** The chance, in percent, that a non-compliant unit breaks any one obligation. */
    static final int DEFECT_PERCENT = 35;

    private static final List<UnitKind> KINDS = List.of(UnitKind.DEPARTMENT, UnitKind.BUREAU,
            UnitKind.GENERAL_DEPARTMENT, UnitKind.INSTITUTE, UnitKind.SCHOOL, UnitKind.ENTERPRISE, UnitKind.DIVISION,
            UnitKind.DIVISION);
    private static final Set<Area> INSPECTION_AREAS = EnumSet.of(Area.PERSONNEL, Area.PUBLIC_FINANCE_AND_ASSETS,
            Area.PUBLIC_INVESTMENT, Area.ASSET_DECLARATION);

    /**
     * What to build.
     *
     * @param root the ministry
     * @param inspectorate the inspectorate, or {@code null}
     * @param agency the asset control agency (under the inspectorate, or the ministry), or {@code null}
     * @param others the other units, each under the ministry or an earlier one of them
     */
    record Blueprint(UnitSpec root, UnitSpec inspectorate, UnitSpec agency, List<UnitSpec> others) {
    }

    /**
     * One unit of the blueprint.
     *
     * @param parentPick picks the parent among the units before it
     * @param kindPick picks the kind
     * @param compliant whether the unit meets every obligation
     * @param officials how many officials it has
     * @param seed the seed its records are drawn from
     */
    record UnitSpec(int parentPick, int kindPick, boolean compliant, int officials, long seed) {
    }

    final int year;
    final List<Integer> years;
    final Facts.Builder facts = Facts.builder();
    final Map<String, Unit> units = new LinkedHashMap<>();
    private final Map<String, Boolean> compliant = new LinkedHashMap<>();
    final Map<String, Random> randoms = new LinkedHashMap<>();
    final Map<String, List<Official>> officialsByUnit = new LinkedHashMap<>();
    final Map<String, List<String>> listedForRotation = new LinkedHashMap<>();
    final Map<String, Boolean> rotationPlansKept = new LinkedHashMap<>();
    final List<Official> officials = new ArrayList<>();

    private FactSetGenerator(int year) {
        this.year = year;
        this.years = List.of(year - 1, year);
    }

    /** The fact set of {@code blueprint} for evaluation in {@code year}. */
    static Facts generate(Blueprint blueprint, int year) {
        return new FactSetGenerator(year).build(blueprint);
    }

    private Facts build(Blueprint blueprint) {
        List<String> parents = new ArrayList<>();
        addUnit("U-0", UnitKind.MINISTRY, null, blueprint.root());
        parents.add("U-0");
        if (blueprint.inspectorate() != null) {
            addUnit("U-TT", UnitKind.INSPECTORATE, "U-0", blueprint.inspectorate());
        }
        if (blueprint.agency() != null) {
            addUnit("U-KS", UnitKind.ASSET_CONTROL_AGENCY, blueprint.inspectorate() != null ? "U-TT" : "U-0",
                    blueprint.agency());
        }
        for (int i = 0; i < blueprint.others().size(); i++) {
            UnitSpec spec = blueprint.others().get(i);
            String id = "U-" + (i + 1);
            addUnit(id, KINDS.get(spec.kindPick() % KINDS.size()), parents.get(spec.parentPick() % parents.size()),
                    spec);
            parents.add(id);
        }
        Map<String, UnitSpec> specs = new LinkedHashMap<>();
        specs.put("U-0", blueprint.root());
        if (blueprint.inspectorate() != null) {
            specs.put("U-TT", blueprint.inspectorate());
        }
        if (blueprint.agency() != null) {
            specs.put("U-KS", blueprint.agency());
        }
        for (int i = 0; i < blueprint.others().size(); i++) {
            specs.put("U-" + (i + 1), blueprint.others().get(i));
        }
        // Rotation plans are decided first: an official can rely on being listed only in plans that are kept.
        for (Unit unit : units.values()) {
            if (unit.mustPlan()) {
                rotationPlansKept.put(unit.id(), keep(unit.id()));
            }
        }
        OfficialFacts people = new OfficialFacts(this);
        specs.forEach((id, spec) -> people.add(units.get(id), spec.officials()));
        for (Unit unit : units.values()) {
            facts.unit(withHead(unit));
        }
        facts.officials(officials);
        for (Unit unit : units.values()) {
            if (unit.mustPlan()) {
                for (int y : years) {
                    plan(unit, y);
                    disseminations(unit, y);
                    reports(unit, y);
                    cases(unit, y);
                }
            }
        }
        for (Unit unit : units.values()) {
            if (unit.mustPlan()) {
                for (int y : years) {
                    rotationPlan(unit, y);
                }
            }
            if (unit.kind() == UnitKind.INSPECTORATE) {
                years.forEach(y -> inspectionPlan(unit, y));
            }
            if (unit.kind() == UnitKind.ASSET_CONTROL_AGENCY) {
                years.forEach(y -> verificationPlan(unit, y));
            }
        }
        return facts.build();
    }

    private void addUnit(String id, UnitKind kind, String parentId, UnitSpec spec) {
        units.put(id, new Unit(id, unitName(kind, id), kind, parentId, null));
        compliant.put(id, spec.compliant());
        randoms.put(id, new Random(spec.seed()));
        officialsByUnit.put(id, new ArrayList<>());
    }

    private static String unitName(UnitKind kind, String id) {
        String prefix = switch (kind) {
            case MINISTRY -> "Bộ";
            case INSPECTORATE -> "Thanh tra";
            case ASSET_CONTROL_AGENCY -> "Phòng Kiểm soát tài sản";
            case GENERAL_DEPARTMENT -> "Tổng cục";
            case BUREAU -> "Cục";
            case DIVISION -> "Phòng";
            case INSTITUTE -> "Viện";
            case SCHOOL -> "Trường";
            case ENTERPRISE -> "Công ty";
            default -> "Vụ";
        };
        return prefix + " " + id;
    }

    private Unit withHead(Unit unit) {
        List<Official> own = officialsByUnit.get(unit.id());
        return own.isEmpty() ? unit : new Unit(unit.id(), unit.name(), unit.kind(), unit.parentId(), own.get(0).id());
    }

    // ---- units' obligations

    private void plan(Unit unit, int y) {
        Random r = randoms.get(unit.id());
        String uid = unit.id();
        List<Area> weak = new ArrayList<>();
        if (r.nextInt(100) < 70) {
            weak.addAll(someAreas(r, 3));
            facts.assessment(new Assessment(uid, y - 1, weak));
        }
        LocalDate issued = between(r, jan1(y).plusDays(1), LocalDate.of(y, 1, 25));
        if (!keep(uid)) {
            int defect = r.nextInt(4);
            if (defect == 0) {
                return;
            }
            issued = defect == 1 ? between(r, LocalDate.of(y, 4, 1), LocalDate.of(y, 6, 30))
                    : defect == 2 ? null : issued;
        }
        List<Area> focus = new ArrayList<>();
        for (Area area : weak) {
            if (keep(uid)) {
                focus.add(area);
            }
        }
        for (Area extra : someAreas(r, 2)) {
            if (!focus.contains(extra)) {
                focus.add(extra);
            }
        }
        List<PlanTask> tasks = new ArrayList<>();
        LocalDate start = issued == null ? jan1(y).plusDays(1) : issued;
        for (Unit child : units.values()) {
            if (uid.equals(child.parentId()) && keep(uid)) {
                tasks.add(task(r, uid, tasks.size() + 1, child.id(), y, start));
            }
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            tasks.add(task(r, uid, tasks.size() + 1, uid, y, start));
        }
        facts.plan(new Plan("P-" + uid.substring(2) + "-" + y, uid, y, issued, focus, tasks));
    }

    private PlanTask task(Random r, String uid, int number, String assignee, int y, LocalDate start) {
        LocalDate due = between(r, LocalDate.of(y, 2, 1), dec31(y));
        LocalDate earliest = start.isAfter(due.minusDays(60)) ? start : due.minusDays(60);
        LocalDate completed = earliest.isAfter(due) ? due : between(r, earliest, due);
        if (!keep(uid)) {
            completed = r.nextBoolean() ? null : due.plusDays(1 + r.nextInt(40));
        }
        return new PlanTask("T" + number, assignee, "Nhiệm vụ " + number, due, completed);
    }

    private void disseminations(Unit unit, int y) {
        Random r = randoms.get(unit.id());
        List<LegalDocument> documents = new ArrayList<>(Arrays.asList(LegalDocument.values()));
        if (!keep(unit.id())) {
            documents.removeIf(d -> r.nextInt(100) < 40);
        }
        int sessions = documents.isEmpty() ? 0 : 1 + r.nextInt(Math.min(3, documents.size()));
        for (int s = 0; s < sessions; s++) {
            // Session s covers every sessions-th document, so together they cover them all.
            List<LegalDocument> covered = new ArrayList<>();
            for (int d = s; d < documents.size(); d += sessions) {
                covered.add(documents.get(d));
            }
            facts.dissemination(new Dissemination("DS-" + unit.id().substring(2) + "-" + y + "-" + s, unit.id(),
                    between(r, LocalDate.of(y, 2, 1), LocalDate.of(y, 11, 30)), covered, 10 + r.nextInt(90)));
        }
    }

    private void reports(Unit unit, int y) {
        Random r = randoms.get(unit.id());
        for (ReportPeriod period : ReportPeriod.values()) {
            LocalDate end = period.endIn(y);
            LocalDate submitted = end.plusDays(1 + r.nextInt(10));
            if (!keep(unit.id())) {
                if (r.nextBoolean()) {
                    continue;
                }
                submitted = end.plusDays(16 + r.nextInt(45));
            }
            facts.report(new PeriodicReport(unit.id(), y, period, submitted));
        }
    }

    private void cases(Unit unit, int y) {
        Random r = randoms.get(unit.id());
        if (r.nextInt(100) >= 15) {
            return;
        }
        String uid = unit.id();
        LocalDate detected = between(r, LocalDate.of(y, 2, 1), LocalDate.of(y, 10, 31));
        DetectionSource source = keep(uid) ? (r.nextBoolean() ? DetectionSource.INTERNAL_INSPECTION
                : DetectionSource.INTERNAL_SUPERVISION)
                : DetectionSource.values()[r.nextInt(DetectionSource.values().length)];
        boolean criminal = r.nextBoolean();
        LocalDate signs = criminal ? detected.plusDays(r.nextInt(21)) : null;
        LocalDate transferred = criminal ? (keep(uid) ? signs.plusDays(r.nextInt(6))
                : r.nextBoolean() ? null : signs.plusDays(11 + r.nextInt(30))) : null;
        LocalDate concluded = r.nextBoolean() ? detected.plusDays(30 + r.nextInt(91)) : null;
        CaseSeverity severity = concluded == null ? null : CaseSeverity.values()[r.nextInt(CaseSeverity.values().length)];
        LocalDate reviewed = concluded == null ? null : keep(uid) ? concluded.plusDays(r.nextInt(11))
                : r.nextBoolean() ? null : concluded.plusDays(31 + r.nextInt(30));
        facts.addCase(new CorruptionCase("K-" + uid.substring(2) + "-" + y, uid, detected, source, criminal, signs,
                transferred, concluded, severity, reviewed));
    }

    private void rotationPlan(Unit unit, int y) {
        Random r = randoms.get(unit.id());
        LocalDate issued = between(r, jan1(y).plusDays(1), LocalDate.of(y, 1, 25));
        LocalDate published = issued.plusDays(r.nextInt(11));
        if (!rotationPlansKept.get(unit.id())) {
            int defect = r.nextInt(4);
            if (defect == 0) {
                return;
            }
            issued = defect == 1 ? between(r, LocalDate.of(y, 2, 15), LocalDate.of(y, 4, 30)) : issued;
            published = defect == 2 ? null : defect == 3 ? issued.plusDays(16 + r.nextInt(25)) : issued.plusDays(3);
        }
        facts.rotationPlan(new RotationPlan("RP-" + unit.id().substring(2) + "-" + y, unit.id(), y, issued, published,
                listedForRotation.getOrDefault(unit.id(), List.of())));
    }

    private void inspectionPlan(Unit unit, int y) {
        Random r = randoms.get(unit.id());
        LocalDate issued = between(r, jan1(y).plusDays(1), LocalDate.of(y, 1, 25));
        List<Area> areas = new ArrayList<>(INSPECTION_AREAS);
        if (!keep(unit.id())) {
            int defect = r.nextInt(3);
            if (defect == 0) {
                return;
            }
            issued = defect == 1 ? between(r, LocalDate.of(y, 2, 15), LocalDate.of(y, 5, 31)) : issued;
            if (defect == 2) {
                areas.remove(r.nextInt(areas.size()));
            }
        }
        someAreas(r, 2).stream().filter(a -> !areas.contains(a)).forEach(areas::add);
        facts.inspectionPlan(new InspectionPlan("IP-" + y, unit.id(), y, issued, areas));
    }

    private void verificationPlan(Unit agency, int y) {
        Random r = randoms.get(agency.id());
        LocalDate issued = between(r, jan1(y).plusDays(1), LocalDate.of(y, 1, 25));
        boolean ok = keep(agency.id());
        if (!ok && r.nextInt(3) == 0) {
            return;
        }
        if (!ok && r.nextBoolean()) {
            issued = between(r, LocalDate.of(y, 2, 15), LocalDate.of(y, 5, 31));
        }
        List<VerificationSelection> selections = new ArrayList<>();
        for (Map.Entry<String, List<Official>> unit : officialsByUnit.entrySet()) {
            List<Official> leaders = unit.getValue().stream().filter(Official::leader).toList();
            if (leaders.isEmpty() || r.nextInt(100) >= 40) {
                continue;
            }
            List<String> selected = unit.getValue().stream().filter(o -> o.leader() || o.annualDeclarant())
                    .map(Official::id).toList();
            if (!ok && r.nextBoolean()) {
                selected = unit.getValue().stream().filter(o -> !o.leader()).limit(1).map(Official::id).toList();
            }
            selections.add(new VerificationSelection(unit.getKey(), selected));
        }
        facts.verificationPlan(new VerificationPlan("VP-" + y, agency.id(), y, issued, selections));
    }

    // ---- helpers

    /** Whether the unit meets this one obligation: always when compliant, else most of the time. */
    boolean keep(String unitId) {
        return compliant.get(unitId) || randoms.get(unitId).nextInt(100) >= DEFECT_PERCENT;
    }

    Unit planningUnit(Unit unit) {
        Unit current = unit;
        while (!current.mustPlan() && current.parentId() != null) {
            current = units.get(current.parentId());
        }
        return current;
    }

    static List<Area> someAreas(Random r, int most) {
        List<Area> areas = new ArrayList<>();
        for (int i = r.nextInt(most + 1); i > 0; i--) {
            Area area = Area.values()[r.nextInt(Area.values().length)];
            if (!areas.contains(area)) {
                areas.add(area);
            }
        }
        return areas;
    }

    static LocalDate between(Random r, LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days <= 0 ? from : from.plusDays((long) (r.nextDouble() * (days + 1)));
    }

    static LocalDate jan1(int y) {
        return LocalDate.of(y, 1, 1);
    }

    static LocalDate dec31(int y) {
        return LocalDate.of(y, 12, 31);
    }
}
