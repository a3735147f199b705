package io.directiverules.testkit.generators;

import io.directiverules.core.Facts;
import io.directiverules.core.model.Area;
import io.directiverules.core.model.Assessment;
import io.directiverules.core.model.AssetChange;
import io.directiverules.core.model.CaseSeverity;
import io.directiverules.core.model.Conflict;
import io.directiverules.core.model.CorruptionCase;
import io.directiverules.core.model.Declaration;
import io.directiverules.core.model.DeclarationKind;
import io.directiverules.core.model.DetectionSource;
import io.directiverules.core.model.Dissemination;
import io.directiverules.core.model.Gift;
import io.directiverules.core.model.InspectionPlan;
import io.directiverules.core.model.LegalDocument;
import io.directiverules.core.model.Official;
import io.directiverules.core.model.PeriodicReport;
import io.directiverules.core.model.Plan;
import io.directiverules.core.model.PlanTask;
import io.directiverules.core.model.Postponement;
import io.directiverules.core.model.PostponementReason;
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
    private static final List<String> GROUPS = List.of("FINANCE", "PERSONNEL", "INSPECTION", "PROCUREMENT",
            "LICENSING");
    private static final Set<Area> INSPECTION_AREAS = EnumSet.of(Area.PERSONNEL, Area.PUBLIC_FINANCE_AND_ASSETS,
            Area.PUBLIC_INVESTMENT, Area.ASSET_DECLARATION);
    private static final long SMALL_CHANGE_MAX = 90_000_000L;
    private static final long BIG_CHANGE_MIN = 1_200_000_000L;

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

    private final int year;
    private final List<Integer> years;
    private final Facts.Builder facts = Facts.builder();
    private final Map<String, Unit> units = new LinkedHashMap<>();
    private final Map<String, Boolean> compliant = new LinkedHashMap<>();
    private final Map<String, Random> randoms = new LinkedHashMap<>();
    private final Map<String, List<Official>> officialsByUnit = new LinkedHashMap<>();
    private final Map<String, List<String>> listedForRotation = new LinkedHashMap<>();
    private final Map<String, Boolean> rotationPlansKept = new LinkedHashMap<>();
    private final List<Official> officials = new ArrayList<>();

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
        specs.forEach((id, spec) -> addOfficials(units.get(id), spec.officials()));
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

    // ---- officials and their own obligations

    private void addOfficials(Unit unit, int count) {
        Random r = randoms.get(unit.id());
        for (int k = 0; k < count; k++) {
            String id = "O-" + unit.id().substring(2) + "-" + k;
            boolean leader = k == 0 || (k == 1 && r.nextBoolean());
            boolean annual = leader || r.nextInt(100) < 50;
            boolean declarable = leader || r.nextInt(100) < 20;
            boolean rotationBound = !leader && r.nextInt(100) < 40;
            String group = rotationBound ? GROUPS.get(r.nextInt(GROUPS.size())) : null;
            LocalDate since = between(r, jan1(year - 8), dec31(year));
            LocalDate retirement = r.nextInt(100) < 10 ? between(r, jan1(year + 2), dec31(year + 15)) : null;
            List<Postponement> postponements = new ArrayList<>();
            if (rotationBound) {
                if (keep(unit.id())) {
                    int strategy = r.nextInt(4);
                    String planning = planningUnit(unit).id();
                    boolean listable = rotationPlansKept.get(planning);
                    if (strategy == 0 || (strategy == 2 && !listable)) {
                        // Recent: not due before the end of next year, with any period of two years or more.
                        since = between(r, jan1(year - 1), dec31(year));
                    } else {
                        since = between(r, jan1(year - 4), dec31(year - 2));
                        if (strategy == 1) {
                            facts.rotation(new Rotation(id, between(r, since.plusDays(1), dec31(year + 1)),
                                    "Vị trí mới"));
                        } else if (strategy == 2) {
                            listedForRotation.computeIfAbsent(planning, p -> new ArrayList<>()).add(id);
                        } else if (r.nextBoolean()) {
                            // Retiring within 18 months of any evaluation date in the year.
                            retirement = between(r, jan1(year), LocalDate.of(year + 1, 6, 30));
                        } else {
                            postponements.add(new Postponement(
                                    PostponementReason.values()[r.nextInt(PostponementReason.values().length)],
                                    between(r, jan1(year - 2), jan1(year)), between(r, dec31(year), dec31(year + 2))));
                        }
                    }
                } else {
                    since = between(r, jan1(year - 4), dec31(year));
                }
            }
            Official official = new Official(id, personName(r), unit.id(), leader ? "Trưởng đơn vị" : "Chuyên viên",
                    group, rotationBound, since, annual, declarable, leader, retirement, postponements);
            officials.add(official);
            officialsByUnit.get(unit.id()).add(official);
            declarations(unit, official);
            giftsAndConflicts(unit, official);
        }
    }

    private void declarations(Unit unit, Official official) {
        Random r = randoms.get(unit.id());
        String uid = unit.id();
        long assets = 500_000_000L + (long) r.nextInt(19_500) * 1_000_000L;
        List<Declaration> made = new ArrayList<>();
        if (official.declarablePosition()) {
            LocalDate due = official.positionSince();
            LocalDate submitted = keep(uid) ? due.plusDays(r.nextInt(6))
                    : r.nextBoolean() ? null : due.plusDays(11 + r.nextInt(50));
            made.add(declaration(r, uid, official, DeclarationKind.FIRST_TIME, due.getYear(), submitted, assets, null));
        }
        for (int y : years) {
            assets += (long) r.nextInt(40) * 10_000_000L;
            if (official.annualDeclarant()) {
                LocalDate submitted = keep(uid) ? between(r, LocalDate.of(y, 11, 1), dec31(y))
                        : r.nextBoolean() ? null : between(r, jan1(y + 1).plusDays(1), LocalDate.of(y + 1, 3, 31));
                made.add(declaration(r, uid, official, DeclarationKind.ANNUAL, y, submitted, assets, null));
            }
            if (r.nextInt(100) < 30) {
                assets = assetChanges(r, uid, official, y, assets, made);
            }
            if ((official.declarablePosition() || official.leader()) && r.nextInt(100) < 10) {
                LocalDate appointment = between(r, LocalDate.of(y, 3, 1), dec31(y));
                LocalDate submitted = keep(uid) ? appointment.minusDays(15 + r.nextInt(26))
                        : r.nextBoolean() ? null : appointment.minusDays(r.nextInt(10));
                made.add(declaration(r, uid, official, DeclarationKind.PERSONNEL_WORK, y, submitted, assets,
                        appointment));
            }
        }
        facts.declarations(made);
    }

    /** Changes of one year; a total at or above the threshold is declared (when kept) right after. */
    private long assetChanges(Random r, String uid, Official official, int y, long assets, List<Declaration> made) {
        boolean big = r.nextBoolean();
        int count = 1 + r.nextInt(3);
        LocalDate last = null;
        long total = 0;
        for (int i = 0; i < count; i++) {
            LocalDate day = between(r, LocalDate.of(y, 2, 1), LocalDate.of(y, 11, 30));
            long amount = big && i == 0 ? BIG_CHANGE_MIN + (long) r.nextInt(1_800) * 1_000_000L
                    : 10_000_000L + (long) r.nextInt((int) ((SMALL_CHANGE_MAX - 10_000_000L) / 1_000_000L)) * 1_000_000L;
            facts.assetChange(new AssetChange(official.id(), day, amount, "Biến động tài sản"));
            last = last == null || day.isAfter(last) ? day : last;
            total += amount;
        }
        if (big) {
            LocalDate submitted = keep(uid) ? last.plusDays(Math.min(r.nextInt(11), ChronoUnit.DAYS.between(last,
                    dec31(y)))) : r.nextBoolean() ? null : between(r, jan1(y + 1), LocalDate.of(y + 1, 2, 28));
            made.add(declaration(r, uid, official, DeclarationKind.SUPPLEMENTARY, y, submitted, assets + total, null));
        }
        return assets + total;
    }

    private Declaration declaration(Random r, String uid, Official official, DeclarationKind kind, int y,
                                    LocalDate submitted, long assets, LocalDate appointment) {
        String id = "D-" + official.id().substring(2) + "-" + kind.name().charAt(0) + y;
        boolean ok = keep(uid);
        boolean explained = ok || r.nextBoolean();
        long declared = ok || r.nextBoolean() ? assets : assets + 2_000_000_000L;
        LocalDate returned = null;
        LocalDate corrected = null;
        LocalDate received = null;
        LocalDate publicized = null;
        Integer posted = null;
        if (submitted != null) {
            if (r.nextInt(100) < 15) {
                returned = submitted.plusDays(1 + r.nextInt(5));
                corrected = keep(uid) ? returned.plusDays(r.nextInt(6))
                        : r.nextBoolean() ? null : returned.plusDays(8 + r.nextInt(23));
            }
            if (r.nextInt(100) < 60) {
                received = submitted.plusDays(r.nextInt(3));
                if (keep(uid)) {
                    publicized = received.plusDays(r.nextInt(5));
                    posted = r.nextInt(100) < 20 ? null : 15 + r.nextInt(16);
                } else if (r.nextBoolean()) {
                    publicized = received.plusDays(6 + r.nextInt(15));
                    posted = 3 + r.nextInt(12);
                }
            }
        }
        return new Declaration(id, official.id(), kind, y, submitted, declared, 200_000_000L + r.nextInt(800) * 1_000_000L,
                explained, returned == null, returned, corrected, received, publicized, posted, appointment);
    }

    private void giftsAndConflicts(Unit unit, Official official) {
        Random r = randoms.get(unit.id());
        for (int y : years) {
            if (r.nextInt(100) < 15) {
                LocalDate received = between(r, LocalDate.of(y, 2, 1), LocalDate.of(y, 12, 20));
                LocalDate reported = received.plusDays(r.nextInt(2));
                LocalDate handedIn = reported;
                if (!keep(unit.id())) {
                    int defect = r.nextInt(3);
                    reported = defect == 0 ? null : defect == 1 ? received.plusDays(10 + r.nextInt(21)) : reported;
                    handedIn = defect == 2 ? null : reported;
                }
                facts.gift(new Gift("G-" + official.id().substring(2) + "-" + y, official.id(), received, reported,
                        handedIn, "Doanh nghiệp", 500_000L + r.nextInt(5_000) * 1_000L));
            }
            if (r.nextInt(100) < 10) {
                LocalDate known = between(r, LocalDate.of(y, 2, 1), LocalDate.of(y, 12, 20));
                LocalDate reported = keep(unit.id()) ? known.plusDays(r.nextInt(2))
                        : r.nextBoolean() ? null : known.plusDays(10 + r.nextInt(21));
                facts.conflict(new Conflict("C-" + official.id().substring(2) + "-" + y, official.id(), known,
                        reported, "Xung đột lợi ích"));
            }
        }
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
    private boolean keep(String unitId) {
        return compliant.get(unitId) || randoms.get(unitId).nextInt(100) >= DEFECT_PERCENT;
    }

    private Unit planningUnit(Unit unit) {
        Unit current = unit;
        while (!current.mustPlan() && current.parentId() != null) {
            current = units.get(current.parentId());
        }
        return current;
    }

    private static List<Area> someAreas(Random r, int most) {
        List<Area> areas = new ArrayList<>();
        for (int i = r.nextInt(most + 1); i > 0; i--) {
            Area area = Area.values()[r.nextInt(Area.values().length)];
            if (!areas.contains(area)) {
                areas.add(area);
            }
        }
        return areas;
    }

    private static LocalDate between(Random r, LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days <= 0 ? from : from.plusDays((long) (r.nextDouble() * (days + 1)));
    }

    private static LocalDate jan1(int y) {
        return LocalDate.of(y, 1, 1);
    }

    private static LocalDate dec31(int y) {
        return LocalDate.of(y, 12, 31);
    }

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Thu", "Hữu", "Đức", "Thanh", "Ngọc"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hương", "Linh",
            "Mai", "Nam", "Phương", "Quân", "Thảo", "Trung", "Tuấn"};

    static String personName(Random r) {
        return FAMILY[r.nextInt(FAMILY.length)] + " " + MIDDLE[r.nextInt(MIDDLE.length)] + " "
                + GIVEN[r.nextInt(GIVEN.length)];
    }
}
