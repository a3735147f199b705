package io.directiverules.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Objects;

/**
 * A typed parameter key, for hosts and Java helpers that read parameters: the key names the parameter,
 * the type says what its value is.
 *
 * <pre>{@code
 * static final ParameterKey<Long> THRESHOLD = ParameterKey.amount("declaration.supplementary.threshold");
 * long threshold = parameters.get(THRESHOLD, day);
 * }</pre>
 *
 * @param key the parameter key
 * @param type the parameter's type
 * @param javaType the Java type of its values
 * @param <T> the Java type of its values
 */
public record ParameterKey<T>(String key, ParameterType type, Class<T> javaType) {

    /** Requires every part. */
    public ParameterKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(javaType, "javaType");
    }

    /** A whole-number key (days, years, amounts in VND). */
    public static ParameterKey<Long> amount(String key) {
        return new ParameterKey<>(key, ParameterType.INTEGER, Long.class);
    }

    /** An exact-decimal key (shares, rates). */
    public static ParameterKey<BigDecimal> decimal(String key) {
        return new ParameterKey<>(key, ParameterType.DECIMAL, BigDecimal.class);
    }

    /** A date key. */
    public static ParameterKey<LocalDate> date(String key) {
        return new ParameterKey<>(key, ParameterType.DATE, LocalDate.class);
    }

    /** A month-day key. */
    public static ParameterKey<MonthDay> monthDay(String key) {
        return new ParameterKey<>(key, ParameterType.MONTH_DAY, MonthDay.class);
    }

    /** A text key. */
    public static ParameterKey<String> text(String key) {
        return new ParameterKey<>(key, ParameterType.TEXT, String.class);
    }

    /** A text-list key. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ParameterKey<List<String>> textList(String key) {
        return new ParameterKey<>(key, ParameterType.TEXT_LIST, (Class) List.class);
    }

    /** The key of a family member: {@code ParameterKey.amount("rotation.periodYears.*").member("FINANCE")}. */
    public ParameterKey<T> member(String suffix) {
        if (!key.endsWith(".*")) {
            throw new IllegalStateException(key + " is not a family");
        }
        return new ParameterKey<>(key.substring(0, key.length() - 1) + suffix, type, javaType);
    }
}
