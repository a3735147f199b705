package io.directiverules.testkit.generate;

import io.directiverules.core.model.Unit;
import io.directiverules.core.model.UnitKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The unit tree of a generated ministry and where its officials sit. Units are numbered depth first, so a
 * unit's subtree, and the officials of that subtree, are contiguous ranges. Only the units are held (about
 * one per twenty officials); officials are derived from their index when needed.
 *
 * <p>Shape: the ministry; under it the inspectorate (with the asset control agency below it) and
 * departments, general departments, bureaus, institutes, schools and enterprises; all but the departments and
 * the inspectorate have branches (bureaus, centres, subsidiaries) of about eight divisions each: three levels
 * (ministry, department, division) or four (ministry, general department, bureau, division).
 */
final class UnitLayout {
    private static final String[] GROUPS = {"PERSONNEL", "FINANCE", "LICENSING", "PROCUREMENT", "PRICING",
        "INVESTMENT"};

    /** Divisions under a branch. */
    private static final int DIVISIONS = 8;

    final int officials;
    final String officialFormat;
    final List<Unit> units = new ArrayList<>();
    /** Index of each unit's parent, -1 for the ministry. */
    int[] parent;
    /** Index of the top-level unit (child of the ministry) each unit is under; -1 for the ministry. */
    int[] top;
    /** Index of the unit that plans for each unit: itself, or a division's nearest non-division ancestor. */
    int[] planner;
    /** Index after the last unit of each unit's subtree. */
    int[] subtreeEnd;
    /** First official index of each unit, with one more entry: the total. */
    int[] firstOfficial;
    /** Whether each unit is lax: only lax units miss obligations. */
    boolean[] lax;
    /** The rotation group of each unit's rotation-bound officials. */
    String[] group;
    int inspectorate = -1;
    int assetControlAgency = -1;

    private final List<Integer> parents = new ArrayList<>();
    private final List<Double> weights = new ArrayList<>();

    UnitLayout(long seed, int officials, int officialsPerUnit, double laxUnitShare) {
        this.officials = officials;
        this.officialFormat = "O-%0" + Math.max(6, Integer.toString(officials).length()) + "d";
        int target = Math.max(6, Math.min(officials / 2, Math.round((float) officials / officialsPerUnit)));
        int tops = Math.max(3, Math.min(64, (int) Math.round(Math.cbrt(target))));
        int perTop = Math.max(0, (target - 2 - tops) / tops);
        Rng rng = Rng.of(seed, Purpose.LAYOUT, 0);
        add("U-BO", "Bộ Công Thương (mô phỏng)", UnitKind.MINISTRY, -1, 2.0);
        for (int t = 0; t < tops; t++) {
            UnitKind kind = t == 0 ? UnitKind.INSPECTORATE : topKind(rng);
            String name = t == 0 ? "Thanh tra Bộ" : topName(kind, t);
            int index = add(String.format("U-%03d", t), name, kind, 0, 1.5);
            int below = perTop;
            if (kind == UnitKind.INSPECTORATE) {
                assetControlAgency = add(id(index, 0), "Phòng Kiểm soát tài sản, thu nhập",
                        UnitKind.ASSET_CONTROL_AGENCY, index, 1.0);
                inspectorate = index;
                below--;
            }
            if (kind == UnitKind.DEPARTMENT || kind == UnitKind.INSPECTORATE || below < 2 * DIVISIONS) {
                // A department has a handful of divisions whatever the ministry's size.
                addDivisions(index, kind == UnitKind.DEPARTMENT ? Math.min(below, DIVISIONS)
                        : kind == UnitKind.INSPECTORATE ? Math.min(below, 2 * DIVISIONS) : below, rng);
                continue;
            }
            // Branches (provincial bureaus, centres, subsidiaries), each with its divisions: four levels.
            int branches = Math.max(1, below / (DIVISIONS + 1));
            int each = Math.max(0, below / branches - 1);
            UnitKind branchKind = kind == UnitKind.ENTERPRISE ? UnitKind.ENTERPRISE
                    : kind == UnitKind.INSTITUTE || kind == UnitKind.SCHOOL ? UnitKind.INSTITUTE : UnitKind.BUREAU;
            for (int b = 0; b < branches; b++) {
                int branch = add(id(index, b), "Chi nhánh " + (b + 1) + " - " + name, branchKind, index, 1.2);
                addDivisions(branch, each, rng);
            }
        }
        finish(seed, laxUnitShare);
    }

    private void addDivisions(int under, int count, Rng rng) {
        for (int d = 0; d < count; d++) {
            add(id(under, d + 1), "Phòng " + (d + 1) + " - " + units.get(under).name(), UnitKind.DIVISION, under,
                    0.5 + rng.unit());
        }
    }

    private String id(int parentIndex, int child) {
        return units.get(parentIndex).id() + "-" + (child + 1);
    }

    private int add(String id, String name, UnitKind kind, int parentIndex, double weight) {
        units.add(new Unit(id, name, kind, parentIndex < 0 ? null : units.get(parentIndex).id(), null));
        parents.add(parentIndex);
        weights.add(weight);
        return units.size() - 1;
    }

    private static UnitKind topKind(Rng rng) {
        double x = rng.unit();
        return x < 0.30 ? UnitKind.DEPARTMENT : x < 0.50 ? UnitKind.GENERAL_DEPARTMENT : x < 0.80 ? UnitKind.BUREAU
                : x < 0.88 ? UnitKind.INSTITUTE : x < 0.95 ? UnitKind.SCHOOL : UnitKind.ENTERPRISE;
    }

    private static String topName(UnitKind kind, int n) {
        String prefix = switch (kind) {
            case DEPARTMENT -> "Vụ";
            case GENERAL_DEPARTMENT -> "Tổng cục";
            case BUREAU -> "Cục";
            case INSTITUTE -> "Viện";
            case SCHOOL -> "Trường";
            default -> "Tổng công ty";
        };
        return prefix + " " + n;
    }

    /** Places the officials, names the heads and derives the per-unit tables. */
    private void finish(long seed, double laxUnitShare) {
        int n = units.size();
        parent = parents.stream().mapToInt(Integer::intValue).toArray();
        top = new int[n];
        planner = new int[n];
        subtreeEnd = new int[n];
        lax = new boolean[n];
        group = new String[n];
        for (int u = 0; u < n; u++) {
            top[u] = parent[u] < 0 ? -1 : parent[u] == 0 ? u : top[parent[u]];
            planner[u] = units.get(u).kind() == UnitKind.DIVISION ? planner[parent[u]] : u;
            Rng rng = Rng.of(seed, Purpose.UNIT, u);
            lax[u] = rng.chance(laxUnitShare);
            group[u] = top[u] >= 0 && top[u] == inspectorate ? "INSPECTION" : rng.pick(GROUPS);
            subtreeEnd[u] = u + 1;
        }
        for (int u = n - 1; u > 0; u--) {
            subtreeEnd[parent[u]] = Math.max(subtreeEnd[parent[u]], subtreeEnd[u]);
        }
        // Officials in proportion to the weights, at least two per unit (a head and a deputy).
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        int[] counts = new int[n];
        int placed = 0;
        for (int u = 0; u < n; u++) {
            counts[u] = Math.max(2, (int) Math.floor(officials * weights.get(u) / total));
            placed += counts[u];
        }
        for (int u = 0; placed != officials; u = (u + 1) % n) {
            if (placed < officials) {
                counts[u]++;
                placed++;
            } else if (counts[u] > 2) {
                counts[u]--;
                placed--;
            }
        }
        firstOfficial = new int[n + 1];
        for (int u = 0; u < n; u++) {
            firstOfficial[u + 1] = firstOfficial[u] + counts[u];
            Unit unit = units.get(u);
            units.set(u, new Unit(unit.id(), unit.name(), unit.kind(), unit.parentId(), officialId(firstOfficial[u])));
        }
    }

    int size() {
        return units.size();
    }

    Unit unit(int u) {
        return units.get(u);
    }

    String officialId(int index) {
        return String.format(officialFormat, index + 1);
    }

    /** The unit official {@code index} belongs to. */
    int unitOf(int index) {
        int found = Arrays.binarySearch(firstOfficial, index);
        if (found >= 0) {
            // Several entries can be equal only if a unit had no official, which finish() prevents.
            return found;
        }
        return -found - 2;
    }

    boolean mustPlan(int u) {
        return units.get(u).kind() != UnitKind.DIVISION;
    }

    /** Direct children of {@code u}. */
    List<Integer> children(int u) {
        List<Integer> children = new ArrayList<>();
        for (int c = u + 1; c < subtreeEnd[u]; c = subtreeEnd[c]) {
            children.add(c);
        }
        return children;
    }

    /** The units {@code u} plans for: itself and the divisions below it that have no other planner. */
    List<Integer> plannedBy(int u) {
        List<Integer> planned = new ArrayList<>();
        for (int c = u; c < subtreeEnd[u]; c++) {
            if (planner[c] == u) {
                planned.add(c);
            }
        }
        return planned;
    }
}
