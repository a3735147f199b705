package io.directiverules.testkit.generate;

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
import io.directiverules.core.model.RotationPlan;
import io.directiverules.core.model.VerificationPlan;
import io.directiverules.core.model.VerificationSelection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The facts a unit keeps: assessments, plans, disseminations, rotation plans, reports, cases and the like. */
final class UnitStory {
    private static final Area[] AREAS = Area.values();
    private static final String[] TASKS = {"Kê khai, công khai bản kê khai tài sản, thu nhập",
        "Rà soát vị trí công tác phải chuyển đổi định kỳ", "Tự kiểm tra công tác phòng, chống tham nhũng, tiêu cực",
        "Phổ biến Luật Phòng, chống tham nhũng 2018 và các nghị định hướng dẫn"};
    private static final List<LegalDocument> FIRST_SESSION = List.of(LegalDocument.LAW_36_2018,
            LegalDocument.DECREE_59_2019, LegalDocument.DECREE_134_2021, LegalDocument.DECREE_130_2020,
            LegalDocument.DIRECTIVE_09_2024);
    private static final List<LegalDocument> SECOND_SESSION = List.of(LegalDocument.REG_131, LegalDocument.REG_132,
            LegalDocument.REG_114, LegalDocument.REG_41);
    private static final List<Area> INSPECTED = List.of(Area.PERSONNEL, Area.PUBLIC_FINANCE_AND_ASSETS,
            Area.PUBLIC_INVESTMENT, Area.ASSET_DECLARATION);

    private UnitStory() {
    }

    /** The weak areas of unit {@code u}'s assessment of {@code year}: none to two. */
    static List<Area> weakAreas(World world, int u, int year) {
        Rng r = Rng.of(world.seed, Purpose.ASSESSMENT, u * 16L + (year - world.firstYear + 4));
        Set<Area> areas = EnumSet.noneOf(Area.class);
        int count = r.chance(0.5) ? 0 : r.chance(0.7) ? 1 : 2;
        while (areas.size() < count) {
            areas.add(r.pick(AREAS));
        }
        return List.copyOf(areas);
    }

    static void assessments(World world, int u, Consumer<Object> out) {
        for (int year = world.firstYear - 1; year <= world.firstYear; year++) {
            out.accept(new Assessment(world.layout.unit(u).id(), year, weakAreas(world, u, year)));
        }
    }

    static void plans(World world, int u, Consumer<Object> out) {
        String unitId = world.layout.unit(u).id();
        for (int year = world.firstYear; year <= world.asOf.getYear(); year++) {
            Rng r = Rng.of(world.seed, Purpose.PLANS, u * 16L + (year - world.firstYear));
            // At most one failure per plan, of a kind drawn at random: a missing plan, a late one, a weak area
            // left out, a sub-unit left without a task, an overdue task, tasks largely late.
            int failure = world.fails(u, r) ? r.between(0, 5) : -1;
            LocalDate deadline = World.planDeadline(year);
            LocalDate issued = failure == 1 ? deadline.plusDays(r.between(5, 60)) : deadline.minusDays(r.between(1, 25));
            issued = issued.isAfter(world.asOf) ? null : issued;
            if (failure == 0 && r.chance(0.5)) {
                continue;
            }
            if (failure == 0) {
                issued = null;
            }
            List<Area> focus = new ArrayList<>(weakAreas(world, u, year - 1));
            if (failure == 2 && !focus.isEmpty()) {
                focus.remove(0);
            }
            Area extra = r.pick(AREAS);
            if (!focus.contains(extra) && !weakAreas(world, u, year - 1).contains(extra)) {
                focus.add(extra);
            }
            List<Integer> assignees = new ArrayList<>(world.layout.children(u));
            if (failure == 3 && !assignees.isEmpty()) {
                assignees.remove(0);
            }
            if (assignees.isEmpty()) {
                assignees.add(u);
            }
            List<PlanTask> tasks = new ArrayList<>();
            boolean overdueLeft = failure == 4;
            for (int assignee : assignees) {
                int count = assignee == u ? 2 : r.between(1, 2);
                for (int k = 0; k < count; k++) {
                    LocalDate due = r.day(LocalDate.of(year, 3, 31), LocalDate.of(year, 11, 30));
                    LocalDate done = null;
                    if (due.isBefore(world.asOf)) {
                        done = due.minusDays(r.between(0, 20));
                        if (overdueLeft) {
                            done = null;
                            overdueLeft = false;
                        } else if (failure == 5 && r.chance(0.5)) {
                            LocalDate late = due.plusDays(r.between(3, 30));
                            done = late.isAfter(world.asOf) ? null : late;
                        }
                    }
                    tasks.add(new PlanTask("T" + (tasks.size() + 1), world.layout.unit(assignee).id(),
                            r.pick(TASKS), due, done));
                }
            }
            out.accept(new Plan("PL-" + unitId + "-" + year, unitId, year, issued, focus, tasks));
        }
    }

    static void disseminations(World world, int u, Consumer<Object> out) {
        String unitId = world.layout.unit(u).id();
        for (int year = world.firstYear; year <= world.asOf.getYear(); year++) {
            Rng r = Rng.of(world.seed, Purpose.DISSEMINATION, u * 16L + (year - world.firstYear));
            boolean missing = world.fails(u, r);
            List<LegalDocument> first = new ArrayList<>(FIRST_SESSION);
            List<LegalDocument> second = new ArrayList<>(SECOND_SESSION);
            if (missing) {
                (r.chance(0.5) ? first : second).remove(r.between(0, 3));
            }
            LocalDate held1 = r.day(LocalDate.of(year, 3, 1), LocalDate.of(year, 5, 31));
            LocalDate held2 = r.day(LocalDate.of(year, 8, 1), LocalDate.of(year, 11, 30));
            if (!held1.isAfter(world.asOf)) {
                out.accept(new Dissemination("DS-" + unitId + "-" + year + "-1", unitId, held1, first,
                        r.between(20, 200)));
            }
            if (!held2.isAfter(world.asOf)) {
                out.accept(new Dissemination("DS-" + unitId + "-" + year + "-2", unitId, held2, second,
                        r.between(20, 200)));
            }
        }
    }

    /** Rotation plans of planning unit {@code u}, over the officials of the units it plans for. */
    static void rotationPlans(World world, int u, Consumer<Object> out) {
        UnitLayout layout = world.layout;
        List<String> listed = new ArrayList<>();
        List<String> earlier = new ArrayList<>();
        boolean anyBound = false;
        for (int planned : layout.plannedBy(u)) {
            for (int i = layout.firstOfficial[planned]; i < layout.firstOfficial[planned + 1]; i++) {
                Official o = OfficialStory.official(world, i);
                anyBound |= o.rotationBound();
                if (OfficialStory.listedForRotation(world, o, i)) {
                    listed.add(o.id());
                } else if (o.rotationBound() && Rng.of(world.seed, Purpose.ROTATION, i + 0x9_0000_0000L).chance(0.1)) {
                    earlier.add(o.id());
                }
            }
        }
        if (!anyBound) {
            return;
        }
        String unitId = layout.unit(u).id();
        for (int year = world.firstYear; year <= world.asOf.getYear(); year++) {
            Rng r = Rng.of(world.seed, Purpose.ROTATION, -(u * 16L + (year - world.firstYear)) - 1);
            LocalDate deadline = World.januaryDeadline(year);
            LocalDate issued = deadline.minusDays(r.between(3, 26));
            if (world.fails(u, r)) {
                if (r.chance(0.5)) {
                    continue;
                }
                issued = deadline.plusDays(r.between(5, 90));
            }
            issued = issued.isAfter(world.asOf) ? null : issued;
            LocalDate published = issued == null ? null : issued.plusDays(world.fails(u, r)
                    ? r.between(World.ROTATION_PUBLISH_DAYS + 5, 45) : r.between(1, World.ROTATION_PUBLISH_DAYS - 1));
            published = published != null && published.isAfter(world.asOf) ? null : published;
            List<String> ids = new ArrayList<>(listed);
            if (year < world.asOf.getYear()) {
                ids.addAll(earlier);
            }
            out.accept(new RotationPlan("RP-" + unitId + "-" + year, unitId, year, issued, published, ids));
        }
    }

    static void reports(World world, int u, Consumer<Object> out) {
        String unitId = world.layout.unit(u).id();
        for (int year = world.firstYear; year <= world.asOf.getYear(); year++) {
            for (ReportPeriod period : ReportPeriod.values()) {
                Rng r = Rng.of(world.seed, Purpose.REPORTS, u * 64L + (year - world.firstYear) * 4L + period.ordinal());
                LocalDate end = period.endIn(year);
                LocalDate on = end.plusDays(r.between(1, World.REPORT_DUE_DAYS));
                if (world.fails(u, r)) {
                    if (r.chance(0.5)) {
                        continue;
                    }
                    on = end.plusDays(World.REPORT_DUE_DAYS + r.between(3, 45));
                }
                if (!on.isAfter(world.asOf)) {
                    out.accept(new PeriodicReport(unitId, year, period, on));
                }
            }
        }
    }

    static void inspectionPlans(World world, Consumer<Object> out) {
        int u = world.layout.inspectorate;
        String unitId = world.layout.unit(u).id();
        for (int year = world.firstYear; year <= world.asOf.getYear(); year++) {
            Rng r = Rng.of(world.seed, Purpose.SUPERVISION, year);
            LocalDate issued = World.januaryDeadline(year).minusDays(r.between(3, 28));
            List<Area> areas = new ArrayList<>(INSPECTED);
            if (world.fails(u, r)) {
                if (r.chance(0.5)) {
                    continue;
                }
                areas.remove(r.between(0, 3));
            }
            areas.add(Area.NON_STATE_SECTOR);
            out.accept(new InspectionPlan("IP-" + year, unitId, year, issued.isAfter(world.asOf) ? null : issued,
                    areas));
        }
    }

    /** The asset control agency's verification plans: a share of the units, each with a tenth of its declarants. */
    static void verificationPlans(World world, Consumer<Object> out) {
        UnitLayout layout = world.layout;
        int agency = layout.assetControlAgency;
        for (int year = world.firstYear; year <= world.asOf.getYear(); year++) {
            Rng r = Rng.of(world.seed, Purpose.SUPERVISION, 1000 + year);
            if (world.fails(agency, r)) {
                continue;
            }
            LocalDate issued = World.januaryDeadline(year).minusDays(r.between(3, 28));
            List<VerificationSelection> selections = new ArrayList<>();
            for (int u = 0; u < layout.size(); u++) {
                Rng s = Rng.of(world.seed, Purpose.SUPERVISION, u * 16L + (year - world.firstYear) + 5000);
                if (!s.chance(0.15)) {
                    continue;
                }
                List<String> declarants = new ArrayList<>();
                for (int i = layout.firstOfficial[u]; i < layout.firstOfficial[u + 1]; i++) {
                    // Officials ranked first and second are the unit's leaders, and always annual declarants.
                    if (OfficialStory.official(world, i).annualDeclarant()) {
                        declarants.add(layout.officialId(i));
                    }
                }
                int needed = (declarants.size() + 9) / 10;
                List<String> chosen = new ArrayList<>(declarants.subList(0, Math.min(declarants.size(), needed + 1)));
                if (world.fails(u, s) && !chosen.isEmpty()) {
                    chosen.remove(s.chance(0.5) ? chosen.size() - 1 : 0);
                    if (!chosen.isEmpty() && s.chance(0.5)) {
                        chosen.remove(0);
                    }
                }
                selections.add(new VerificationSelection(layout.unit(u).id(), chosen));
            }
            out.accept(new VerificationPlan("VP-" + year, layout.unit(agency).id(), year,
                    issued.isAfter(world.asOf) ? null : issued, selections));
        }
    }

    static void cases(World world, int u, Consumer<Object> out) {
        String unitId = world.layout.unit(u).id();
        for (int year = world.firstYear; year <= world.asOf.getYear(); year++) {
            Rng r = Rng.of(world.seed, Purpose.CASES, u * 16L + (year - world.firstYear));
            LocalDate last = LocalDate.of(year, 12, 31).isBefore(world.asOf.minusDays(20))
                    ? LocalDate.of(year, 12, 31) : world.asOf.minusDays(20);
            if (!r.chance(0.05) || last.isBefore(LocalDate.of(year, 1, 1))) {
                continue;
            }
            LocalDate detected = r.day(LocalDate.of(year, 1, 1), last);
            DetectionSource source = r.chance(0.7)
                    ? (r.chance(0.5) ? DetectionSource.INTERNAL_INSPECTION : DetectionSource.INTERNAL_SUPERVISION)
                    : r.pick(new DetectionSource[] {DetectionSource.EXTERNAL_AUTHORITY, DetectionSource.PRESS,
                        DetectionSource.CITIZEN_REPORT});
            boolean criminal = r.chance(0.3);
            LocalDate found = criminal ? notAfter(detected.plusDays(r.between(0, 20)), world.asOf) : null;
            LocalDate transferred = found == null ? null : notAfter(found.plusDays(world.fails(u, r)
                    ? r.between(World.CASE_TRANSFER_DAYS + 5, 60) : r.between(1, World.CASE_TRANSFER_DAYS)), world.asOf);
            LocalDate concluded = r.chance(0.5) ? notAfter(detected.plusDays(r.between(30, 180)),
                    world.asOf.minusDays(1)) : null;
            double x = r.unit();
            CaseSeverity severity = concluded == null ? null : x < 0.5 ? CaseSeverity.LESS_SERIOUS
                    : x < 0.8 ? CaseSeverity.SERIOUS : x < 0.95 ? CaseSeverity.VERY_SERIOUS
                    : CaseSeverity.ESPECIALLY_SERIOUS;
            LocalDate reviewed = concluded == null ? null : notAfter(concluded.plusDays(world.fails(u, r)
                    ? r.between(World.HEAD_REVIEW_DAYS + 10, 90) : r.between(5, World.HEAD_REVIEW_DAYS)), world.asOf);
            out.accept(new CorruptionCase("CASE-" + unitId + "-" + year, unitId, detected, source, criminal,
                    found, transferred, concluded, severity, reviewed));
        }
    }

    private static LocalDate notAfter(LocalDate day, LocalDate asOf) {
        return day.isAfter(asOf) ? null : day;
    }
}
