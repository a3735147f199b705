package io.directiverules.bench;

import io.directiverules.core.Violation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether the baseline and the engine found exactly the same violations of the baseline's rules: the same
 * multiset of findings (rule, unit, subject, deadline, details).
 *
 * @param compared findings compared (the engine's, restricted to the baseline's rules)
 * @param onlyBaseline findings the baseline has and the engine has not
 * @param onlyEngine findings the engine has and the baseline has not
 */
public record Agreement(int compared, List<Finding> onlyBaseline, List<Finding> onlyEngine) {

    /** Compares {@code baseline} with the engine's {@code violations} of {@link Baseline#RULES}. */
    public static Agreement of(Collection<Finding> baseline, Collection<Violation> violations) {
        Map<Finding, Integer> counts = new TreeMap<>();
        baseline.forEach(f -> counts.merge(f, 1, Integer::sum));
        int compared = 0;
        for (Violation v : violations) {
            if (Baseline.RULES.contains(v.rule())) {
                counts.merge(Finding.of(v), -1, Integer::sum);
                compared++;
            }
        }
        List<Finding> onlyBaseline = new ArrayList<>();
        List<Finding> onlyEngine = new ArrayList<>();
        counts.forEach((finding, count) -> {
            for (int i = 0; i < Math.abs(count); i++) {
                (count > 0 ? onlyBaseline : onlyEngine).add(finding);
            }
        });
        return new Agreement(compared, List.copyOf(onlyBaseline), List.copyOf(onlyEngine));
    }

    /** Whether both found the same. */
    public boolean agrees() {
        return onlyBaseline.isEmpty() && onlyEngine.isEmpty();
    }

    /** The first differences, for a failure message. */
    public String describe(int limit) {
        StringBuilder text = new StringBuilder();
        onlyBaseline.stream().limit(limit).forEach(f -> text.append("  only the baseline: ").append(f).append('\n'));
        onlyEngine.stream().limit(limit).forEach(f -> text.append("  only the engine:   ").append(f).append('\n'));
        return text.toString();
    }
}
