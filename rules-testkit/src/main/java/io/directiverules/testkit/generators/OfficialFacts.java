package io.directiverules.testkit.generators;

import io.directiverules.core.model.AssetChange;
import io.directiverules.core.model.Conflict;
import io.directiverules.core.model.Declaration;
import io.directiverules.core.model.DeclarationKind;
import io.directiverules.core.model.Gift;
import io.directiverules.core.model.Official;
import io.directiverules.core.model.Postponement;
import io.directiverules.core.model.PostponementReason;
import io.directiverules.core.model.Rotation;
import io.directiverules.core.model.Unit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.directiverules.testkit.generators.FactSetGenerator.between;
import static io.directiverules.testkit.generators.FactSetGenerator.dec31;
import static io.directiverules.testkit.generators.FactSetGenerator.jan1;

/**
 * The officials of a generated fact set and the obligations each one has on its own: rotation (done,
 * scheduled, listed in a plan, exempt, or recent enough), first-time, annual, supplementary and
 * personnel-work declarations with their return, correction and publicizing, gifts and conflicts of interest.
 * Draws from the unit's seed and keeps each obligation as {@link FactSetGenerator#keep(String)} says.
 */
final class OfficialFacts {
    private static final List<String> GROUPS = List.of("FINANCE", "PERSONNEL", "INSPECTION", "PROCUREMENT",
            "LICENSING");
    private static final long SMALL_CHANGE_MIN = 10_000_000L;
    private static final long BIG_CHANGE_MIN = 1_200_000_000L;

    private final FactSetGenerator g;

    OfficialFacts(FactSetGenerator generator) {
        this.g = generator;
    }

    /** Adds {@code count} officials to {@code unit}, each with the records its obligations call for. */
    void add(Unit unit, int count) {
        Random r = g.randoms.get(unit.id());
        for (int k = 0; k < count; k++) {
            String id = "O-" + unit.id().substring(2) + "-" + k;
            boolean leader = k == 0 || (k == 1 && r.nextBoolean());
            boolean annual = leader || r.nextInt(100) < 50;
            boolean declarable = leader || r.nextInt(100) < 20;
            boolean rotationBound = !leader && r.nextInt(100) < 40;
            String group = rotationBound ? GROUPS.get(r.nextInt(GROUPS.size())) : null;
            LocalDate since = between(r, jan1(g.year - 8), dec31(g.year));
            LocalDate retirement = r.nextInt(100) < 10 ? between(r, jan1(g.year + 2), dec31(g.year + 15)) : null;
            List<Postponement> postponements = new ArrayList<>();
            if (rotationBound) {
                if (g.keep(unit.id())) {
                    int strategy = r.nextInt(4);
                    String planning = g.planningUnit(unit).id();
                    boolean listable = g.rotationPlansKept.get(planning);
                    if (strategy == 0 || (strategy == 2 && !listable)) {
                        // Recent: not due before the end of next year, with any period of two years or more.
                        since = between(r, jan1(g.year - 1), dec31(g.year));
                    } else {
                        since = between(r, jan1(g.year - 4), dec31(g.year - 2));
                        if (strategy == 1) {
                            g.facts.rotation(new Rotation(id, between(r, since.plusDays(1), dec31(g.year + 1)),
                                    "Vị trí mới"));
                        } else if (strategy == 2) {
                            g.listedForRotation.computeIfAbsent(planning, p -> new ArrayList<>()).add(id);
                        } else if (r.nextBoolean()) {
                            // Retiring within 18 months of any evaluation date in the year.
                            retirement = between(r, jan1(g.year), LocalDate.of(g.year + 1, 6, 30));
                        } else {
                            // Postponed over the whole year, whatever the reason.
                            PostponementReason reason = PostponementReason.values()[
                                    r.nextInt(PostponementReason.values().length)];
                            postponements.add(new Postponement(reason, between(r, jan1(g.year - 2), jan1(g.year)),
                                    between(r, dec31(g.year), dec31(g.year + 2))));
                        }
                    }
                } else {
                    since = between(r, jan1(g.year - 4), dec31(g.year));
                }
            }
            Official official = new Official(id, personName(r), unit.id(), leader ? "Trưởng đơn vị" : "Chuyên viên",
                    group, rotationBound, since, annual, declarable, leader, retirement, postponements);
            g.officials.add(official);
            g.officialsByUnit.get(unit.id()).add(official);
            declarations(unit, official);
            giftsAndConflicts(unit, official);
        }
    }

    private void declarations(Unit unit, Official official) {
        Random r = g.randoms.get(unit.id());
        String uid = unit.id();
        long assets = 500_000_000L + (long) r.nextInt(19_500) * 1_000_000L;
        List<Declaration> made = new ArrayList<>();
        if (official.declarablePosition()) {
            LocalDate due = official.positionSince();
            LocalDate submitted = g.keep(uid) ? due.plusDays(r.nextInt(6))
                    : r.nextBoolean() ? null : due.plusDays(11 + r.nextInt(50));
            made.add(declaration(r, uid, official, DeclarationKind.FIRST_TIME, due.getYear(), submitted, assets, null));
        }
        for (int y : g.years) {
            assets += (long) r.nextInt(40) * 10_000_000L;
            if (official.annualDeclarant()) {
                LocalDate submitted = g.keep(uid) ? between(r, LocalDate.of(y, 11, 1), dec31(y))
                        : r.nextBoolean() ? null : between(r, jan1(y + 1).plusDays(1), LocalDate.of(y + 1, 3, 31));
                made.add(declaration(r, uid, official, DeclarationKind.ANNUAL, y, submitted, assets, null));
            }
            if (r.nextInt(100) < 30) {
                assets = assetChanges(r, uid, official, y, assets, made);
            }
            if ((official.declarablePosition() || official.leader()) && r.nextInt(100) < 10) {
                LocalDate appointment = between(r, LocalDate.of(y, 3, 1), dec31(y));
                LocalDate submitted = g.keep(uid) ? appointment.minusDays(15 + r.nextInt(26))
                        : r.nextBoolean() ? null : appointment.minusDays(r.nextInt(10));
                made.add(declaration(r, uid, official, DeclarationKind.PERSONNEL_WORK, y, submitted, assets,
                        appointment));
            }
        }
        g.facts.declarations(made);
    }

    /** Changes of one year; a total at or above the threshold is declared (when kept) right after. */
    private long assetChanges(Random r, String uid, Official official, int y, long assets, List<Declaration> made) {
        boolean big = r.nextBoolean();
        int count = 1 + r.nextInt(3);
        LocalDate last = null;
        long total = 0;
        for (int i = 0; i < count; i++) {
            LocalDate day = between(r, LocalDate.of(y, 2, 1), LocalDate.of(y, 11, 30));
            // One big change passes every threshold alone; three small ones stay below the lowest.
            long amount = big && i == 0 ? BIG_CHANGE_MIN + (long) r.nextInt(1_800) * 1_000_000L
                    : SMALL_CHANGE_MIN + (long) r.nextInt(80) * 1_000_000L;
            g.facts.assetChange(new AssetChange(official.id(), day, amount, "Biến động tài sản"));
            last = last == null || day.isAfter(last) ? day : last;
            total += amount;
        }
        if (big) {
            LocalDate submitted = g.keep(uid) ? last.plusDays(Math.min(r.nextInt(11), ChronoUnit.DAYS.between(last,
                    dec31(y)))) : r.nextBoolean() ? null : between(r, jan1(y + 1), LocalDate.of(y + 1, 2, 28));
            made.add(declaration(r, uid, official, DeclarationKind.SUPPLEMENTARY, y, submitted, assets + total, null));
        }
        return assets + total;
    }

    private Declaration declaration(Random r, String uid, Official official, DeclarationKind kind, int y,
                                    LocalDate submitted, long assets, LocalDate appointment) {
        String id = "D-" + official.id().substring(2) + "-" + kind.name().charAt(0) + y;
        boolean ok = g.keep(uid);
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
                corrected = g.keep(uid) ? returned.plusDays(r.nextInt(6))
                        : r.nextBoolean() ? null : returned.plusDays(8 + r.nextInt(23));
            }
            if (r.nextInt(100) < 60) {
                received = submitted.plusDays(r.nextInt(3));
                if (g.keep(uid)) {
                    publicized = received.plusDays(r.nextInt(5));
                    posted = r.nextInt(100) < 20 ? null : 15 + r.nextInt(16);
                } else if (r.nextBoolean()) {
                    publicized = received.plusDays(6 + r.nextInt(15));
                    posted = 3 + r.nextInt(12);
                }
            }
        }
        long income = 200_000_000L + r.nextInt(800) * 1_000_000L;
        return new Declaration(id, official.id(), kind, y, submitted, declared, income, explained, returned == null,
                returned, corrected, received, publicized, posted, appointment);
    }

    private void giftsAndConflicts(Unit unit, Official official) {
        Random r = g.randoms.get(unit.id());
        for (int y : g.years) {
            if (r.nextInt(100) < 15) {
                LocalDate received = between(r, LocalDate.of(y, 2, 1), LocalDate.of(y, 12, 20));
                LocalDate reported = received.plusDays(r.nextInt(2));
                LocalDate handedIn = reported;
                if (!g.keep(unit.id())) {
                    int defect = r.nextInt(3);
                    reported = defect == 0 ? null : defect == 1 ? received.plusDays(10 + r.nextInt(21)) : reported;
                    handedIn = defect == 2 ? null : reported;
                }
                g.facts.gift(new Gift("G-" + official.id().substring(2) + "-" + y, official.id(), received, reported,
                        handedIn, "Doanh nghiệp", 500_000L + r.nextInt(5_000) * 1_000L));
            }
            if (r.nextInt(100) < 10) {
                LocalDate known = between(r, LocalDate.of(y, 2, 1), LocalDate.of(y, 12, 20));
                LocalDate reported = g.keep(unit.id()) ? known.plusDays(r.nextInt(2))
                        : r.nextBoolean() ? null : known.plusDays(10 + r.nextInt(21));
                g.facts.conflict(new Conflict("C-" + official.id().substring(2) + "-" + y, official.id(), known,
                        reported, "Xung đột lợi ích"));
            }
        }
    }

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ",
            "Ngô"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Thu", "Hữu", "Đức", "Thanh", "Ngọc"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hương", "Linh",
            "Mai", "Nam", "Phương", "Quân", "Thảo", "Trung", "Tuấn"};

    /** A Vietnamese-looking full name (invented: family, middle and given name drawn apart). */
    static String personName(Random r) {
        return FAMILY[r.nextInt(FAMILY.length)] + " " + MIDDLE[r.nextInt(MIDDLE.length)] + " "
                + GIVEN[r.nextInt(GIVEN.length)];
    }
}
