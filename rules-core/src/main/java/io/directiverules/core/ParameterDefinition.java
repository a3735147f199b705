package io.directiverules.core;

import java.math.BigDecimal;
import java.util.List;

/**
 * A parameter a rule module declares: its key, meaning, type, valid range and default values.
 *
 * <p>A key ending in {@code .*} declares a family ({@code rotation.periodYears.*}): any key with that
 * prefix is valid, and the family's values are the default of each member.
 *
 * @param key the key, or a family pattern ending in {@code .*}
 * @param description what the parameter means
 * @param unit the unit of its values ({@code days}, {@code VND}, ...), or {@code null}
 * @param type the type of its values
 * @param min the smallest valid value (numbers), or {@code null}
 * @param max the largest valid value (numbers), or {@code null}
 * @param allowed the valid elements of a {@link ParameterType#TEXT_LIST}, or empty for any
 * @param values the default values, dated where the law changes
 */
public record ParameterDefinition(String key, String description, String unit, ParameterType type, BigDecimal min,
                                  BigDecimal max, List<String> allowed, List<DatedValue> values) {

    /** Normalizes absent lists. */
    public ParameterDefinition {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** Whether this definition declares a family of keys. */
    public boolean isFamily() {
        return key.endsWith(".*");
    }

    /** Whether {@code candidate} is this key or a member of this family. */
    public boolean covers(String candidate) {
        return isFamily() ? candidate.startsWith(key.substring(0, key.length() - 1)) && candidate.length() > key.length() - 1
                : key.equals(candidate);
    }
}
