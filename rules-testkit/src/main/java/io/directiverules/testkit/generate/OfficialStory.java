package io.directiverules.testkit.generate;

import io.directiverules.core.model.AssetChange;
import io.directiverules.core.model.Conflict;
import io.directiverules.core.model.Declaration;
import io.directiverules.core.model.DeclarationKind;
import io.directiverules.core.model.Gift;
import io.directiverules.core.model.Official;
import io.directiverules.core.model.Postponement;
import io.directiverules.core.model.PostponementReason;
import io.directiverules.core.model.Rotation;
import io.directiverules.core.model.UnitKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One official and everything about them: declarations, asset changes, rotations, gifts, conflicts. Derived
 * from the official's index alone, so each list pass of the generator can derive it again.
 */
final class OfficialStory {
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
        "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Xuân",
        "Thu", "Phương", "Công"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu",
        "Hùng", "Hương", "Khánh", "Kiên", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Ngân", "Phương", "Quân",
        "Sơn", "Tâm", "Thảo", "Trang", "Trung", "Tuấn", "Vân", "Việt"};
    private static final PostponementReason[] REASONS = PostponementReason.values();
    private static final long MILLION = 1_000_000L;

    final Official official;
    final int unit;
    final List<Declaration> declarations = new ArrayList<>();
    final List<AssetChange> assetChanges = new ArrayList<>();
    final List<Rotation> rotations = new ArrayList<>();
    final List<Gift> gifts = new ArrayList<>();
    final List<Conflict> conflicts = new ArrayList<>();

    private OfficialStory(Official official, int unit) {
        this.official = official;
        this.unit = unit;
    }

    /** The official alone, without the rest of the story. */
    static Official official(World world, int index) {
        UnitLayout layout = world.layout;
        int u = layout.unitOf(index);
        int rank = index - layout.firstOfficial[u];
        Rng r = Rng.of(world.seed, Purpose.OFFICIAL, index);
        boolean leader = rank < 2;
        UnitKind kind = layout.unit(u).kind();
        String position = leader ? (rank == 0 ? "Trưởng " : "Phó trưởng ") + kind.name().toLowerCase()
                : r.chance(0.5) ? "Chuyên viên" : "Chuyên viên chính";
        LocalDate since = r.day(world.asOf.minusYears(9), world.asOf.minusDays(20));
        boolean annual = leader || r.chance(0.7);
        boolean declarable = leader || r.chance(0.05);
        boolean rotationBound = !leader && kind != UnitKind.MINISTRY && r.chance(0.35);
        LocalDate retirement = r.chance(0.08) ? r.day(world.asOf.plusMonths(1), world.asOf.plusYears(6)) : null;
        List<Postponement> postponements = rotationBound && r.chance(0.03)
                ? List.of(new Postponement(r.pick(REASONS), world.asOf.minusDays(r.between(10, 300)),
                        world.asOf.plusDays(r.between(30, 400))))
                : List.of();
        String name = r.pick(FAMILY) + " " + r.pick(MIDDLE) + " " + r.pick(GIVEN);
        return new Official(layout.officialId(index), name, layout.unit(u).id(), position,
                rotationBound ? layout.group[u] : null, rotationBound, since, annual, declarable, leader, retirement,
                postponements);
    }

    /** Whether the official, overdue for rotation, is to be listed in the rotation plan of the evaluation year. */
    static boolean listedForRotation(World world, Official official, int index) {
        return rotationChoice(world, official, index) == RotationChoice.LISTED;
    }

    private enum RotationChoice { NONE, LISTED, SCHEDULED, MISSED }

    private static RotationChoice rotationChoice(World world, Official o, int index) {
        if (!o.rotationBound() || !o.positionSince().plusYears(World.ROTATION_YEARS).isBefore(world.asOf)) {
            return RotationChoice.NONE;
        }
        boolean retiring = o.retirementDate() != null
                && o.retirementDate().isBefore(world.asOf.plusMonths(World.RETIREMENT_EXEMPTION_MONTHS));
        if (retiring || o.postponements().stream().anyMatch(p -> p.covers(world.asOf))) {
            return RotationChoice.NONE;
        }
        Rng r = Rng.of(world.seed, Purpose.ROTATION, index);
        if (world.fails(world.layout.unitOf(index), r)) {
            return RotationChoice.MISSED;
        }
        return r.chance(0.65) ? RotationChoice.LISTED : RotationChoice.SCHEDULED;
    }

    /** The whole story of official {@code index}. */
    static OfficialStory of(World world, int index) {
        Official o = official(world, index);
        OfficialStory story = new OfficialStory(o, world.layout.unitOf(index));
        story.declare(world, index);
        story.rotate(world, index);
        story.gifts(world, index);
        return story;
    }

    private void declare(World world, int index) {
        Rng r = Rng.of(world.seed, Purpose.DECLARATIONS, index);
        int y0 = world.firstYear;
        LocalDate asOf = world.asOf;
        Assets assets = new Assets(r.between(300 * MILLION, 12_000 * MILLION), r.between(0, 100 * MILLION),
                r.chance(0.7), LocalDate.of(y0 - 1, 1, 1));

        // Asset changes: small ones every year (below the supplementary threshold together), a large one for a few.
        for (int year = y0; year <= asOf.getYear(); year++) {
            int count = r.chance(0.4) ? 0 : r.chance(0.5) ? 1 : r.chance(0.67) ? 2 : 3;
            for (int k = 0; k < count; k++) {
                LocalDate day = r.day(LocalDate.of(year, 1, 1), min(LocalDate.of(year, 12, 31), asOf.minusDays(1)));
                assetChanges.add(new AssetChange(official.id(), day, r.between(5, 90) * MILLION,
                        r.chance(0.5) ? "mua xe" : "tiền gửi tiết kiệm"));
            }
        }
        LocalDate bigChange = null;
        if (r.chance(0.03)) {
            bigChange = r.day(LocalDate.of(y0, 2, 1), LocalDate.of(y0, 10, 31));
            long amount = r.between(350, 3_000) * MILLION;
            assetChanges.add(new AssetChange(official.id(), bigChange, amount, "nhận chuyển nhượng quyền sử dụng đất"));
            assets.jump(bigChange, amount);
        }

        if (official.annualDeclarant()) {
            add(world, r, "A" + (y0 - 1), DeclarationKind.ANNUAL, y0 - 1,
                    r.day(LocalDate.of(y0 - 1, 12, 1), LocalDate.of(y0 - 1, 12, 28)), assets, false, null);
        }
        if (official.declarablePosition() && !official.positionSince().isBefore(LocalDate.of(y0 - 1, 1, 1))) {
            LocalDate since = official.positionSince();
            LocalDate on = since.plusDays(r.between(0, World.FIRST_TIME_DAYS));
            if (world.fails(unit, r)) {
                on = r.chance(0.5) ? null : since.plusDays(r.between(World.FIRST_TIME_DAYS + 5, 60));
            }
            add(world, r, "F" + since.getYear(), DeclarationKind.FIRST_TIME, since.getYear(), on, assets, false, null);
        }
        if (bigChange != null && !official.annualDeclarant()) {
            LocalDate on = world.fails(unit, r) ? null : bigChange.plusDays(r.between(5, 40));
            if (on != null) {
                add(world, r, "S" + y0, DeclarationKind.SUPPLEMENTARY, y0, on, assets, false, null);
            }
        }
        if (official.annualDeclarant()) {
            LocalDate on = r.day(LocalDate.of(y0, 11, 15), LocalDate.of(y0, 12, 28));
            if (world.fails(unit, r)) {
                on = r.chance(0.5) ? null : r.day(LocalDate.of(y0 + 1, 1, 2), LocalDate.of(y0 + 1, 3, 31));
            }
            boolean unexplainedJump = world.fails(unit, r);
            if (unexplainedJump) {
                assets.unexplainedJump = r.between(500, 5_000) * MILLION;
            }
            add(world, r, "A" + y0, DeclarationKind.ANNUAL, y0, on, assets, unexplainedJump, null);
            assets.unexplainedJump = 0;
            int y = asOf.getYear();
            if (asOf.getMonthValue() == 12 && y > y0) {
                add(world, r, "A" + y, DeclarationKind.ANNUAL, y, r.day(LocalDate.of(y, 12, 1),
                        min(LocalDate.of(y, 12, 28), asOf)), assets, false, null);
            }
        }
        if (r.chance(0.01)) {
            LocalDate appointment = r.day(LocalDate.of(y0, 3, 1), asOf.plusDays(60));
            LocalDate on = appointment.minusDays(r.between(World.PERSONNEL_WORK_DAYS, 40));
            if (world.fails(unit, r)) {
                on = r.chance(0.5) ? null : appointment.minusDays(r.between(0, World.PERSONNEL_WORK_DAYS - 3));
            }
            add(world, r, "P" + appointment.getYear(), DeclarationKind.PERSONNEL_WORK, appointment.getYear(), on,
                    assets, false, appointment);
        }
    }

    private void add(World world, Rng r, String suffix, DeclarationKind kind, int year, LocalDate submittedOn,
                     Assets assets, boolean unexplainedJump, LocalDate appointment) {
        LocalDate asOf = world.asOf;
        LocalDate submitted = submittedOn != null && !submittedOn.isAfter(asOf) ? submittedOn : null;
        Long total = null;
        Long income = null;
        boolean explained = true;
        LocalDate returned = null;
        LocalDate corrected = null;
        LocalDate received = null;
        LocalDate publicized = null;
        Integer posted = null;
        if (submitted != null) {
            total = assets.on(submitted);
            income = r.between(80, 900) * MILLION;
            // An increase beyond the threshold is explained, except the one the story wants unexplained.
            explained = !unexplainedJump && (assets.explained || assets.jumped(submitted));
            if (r.chance(0.03)) {
                returned = notAfter(submitted.plusDays(r.between(2, 10)), asOf);
                corrected = returned == null ? null : notAfter(returned.plusDays(world.fails(unit, r)
                        ? r.between(World.FIX_DAYS + 3, 30) : r.between(1, World.FIX_DAYS)), asOf);
            }
            received = notAfter(submitted.plusDays(r.between(0, 3)), asOf);
            if (received != null) {
                boolean late = world.fails(unit, r);
                publicized = notAfter(received.plusDays(late ? r.between(World.PUBLICIZE_DAYS + 3, 25)
                        : r.between(1, World.PUBLICIZE_DAYS)), asOf);
                if (publicized != null && !r.chance(0.2)) {
                    posted = world.fails(unit, r) ? r.between(5, World.POSTING_DAYS - 3)
                            : r.between(World.POSTING_DAYS, 30);
                }
            }
        }
        boolean complete = returned == null || corrected != null;
        declarations.add(new Declaration(official.id() + "-" + suffix, official.id(), kind, year, submitted, total,
                income, explained, complete, returned, corrected, received, publicized, posted,
                appointment));
    }

    private void rotate(World world, int index) {
        Rng r = Rng.of(world.seed, Purpose.ROTATION, index + 0x5_0000_0000L);
        if (official.rotationBound() && r.chance(0.1)) {
            // The move that brought the official into the current position: not after it, so it does not count.
            rotations.add(new Rotation(official.id(), official.positionSince(), official.position()));
        }
        if (rotationChoice(world, official, index) == RotationChoice.SCHEDULED) {
            rotations.add(new Rotation(official.id(), world.asOf.plusDays(r.between(15, 300)), "Chuyên viên"));
        }
    }

    private void gifts(World world, int index) {
        Rng r = Rng.of(world.seed, Purpose.GIFTS, index);
        LocalDate from = LocalDate.of(world.firstYear, 1, 1);
        LocalDate to = world.asOf.minusDays(40);
        if (r.chance(0.06) && to.isAfter(from)) {
            LocalDate received = r.day(from, to);
            LocalDate reported = received.plusDays(r.between(0, 4));
            LocalDate handedIn = reported.plusDays(r.between(0, 1));
            if (world.fails(unit, r)) {
                reported = notAfter(received.plusDays(r.between(25, 60)), world.asOf);
                handedIn = reported == null || r.chance(0.3) ? null : reported;
            }
            gifts.add(new Gift("G-" + official.id(), official.id(), received, reported, handedIn,
                    "Công ty " + r.between(1, 500), r.between(500_000L, 5_000_000L)));
        }
        if (r.chance(0.02) && to.isAfter(from)) {
            LocalDate known = r.day(from, to);
            LocalDate reported = world.fails(unit, r) ? (r.chance(0.5) ? null
                    : notAfter(known.plusDays(r.between(25, 60)), world.asOf)) : known.plusDays(r.between(0, 4));
            conflicts.add(new Conflict("C-" + official.id(), official.id(), known, reported,
                    "người thân làm việc tại doanh nghiệp được cấp phép"));
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate notAfter(LocalDate day, LocalDate asOf) {
        return day.isAfter(asOf) ? null : day;
    }

    /** An official's assets over time: a base, a slow growth (below the threshold over the years generated), a jump. */
    private static final class Assets {
        private final long base;
        private final long perYear;
        private final boolean explained;
        private final LocalDate start;
        private LocalDate jumpOn;
        private long jump;
        private long unexplainedJump;

        Assets(long base, long perYear, boolean explained, LocalDate start) {
            this.base = base;
            this.perYear = perYear;
            this.explained = explained;
            this.start = start;
        }

        void jump(LocalDate on, long amount) {
            jumpOn = on;
            jump = amount;
        }

        long on(LocalDate day) {
            long days = Math.max(0, day.toEpochDay() - start.toEpochDay());
            return base + perYear * days / 365 + unexplainedJump + (jumped(day) ? jump : 0);
        }

        /** Whether the large change had happened by {@code day}: its origin is explained from then on. */
        boolean jumped(LocalDate day) {
            return jumpOn != null && !day.isBefore(jumpOn);
        }
    }
}
