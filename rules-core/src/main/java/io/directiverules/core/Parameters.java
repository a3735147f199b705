package io.directiverules.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The parameters of a rule set: the modules' definitions and defaults with a host's overrides applied,
 * each value checked against its definition. Values may be dated; rules ask for the value in force on
 * the day they judge. Immutable and thread-safe.
 */
public final class Parameters {
    private final List<ParameterDefinition> definitions;
    private final Map<String, List<DatedValue>> values;
    /**
     * The dated values each key asked for resolves to (its own, else its family's default), found once: rules
     * ask millions of times at scale, and a family key would otherwise search the definitions each time. An
     * array, so that a look-up allocates no iterator.
     */
    private final Map<String, DatedValue[]> resolved = new ConcurrentHashMap<>();

    private Parameters(List<ParameterDefinition> definitions, Map<String, List<DatedValue>> values) {
        this.definitions = List.copyOf(definitions);
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** A builder over these definitions; their default values apply unless overridden. */
    public static Builder builder(List<ParameterDefinition> definitions) {
        return new Builder(definitions);
    }

    /** The definitions, in declaration order. */
    public List<ParameterDefinition> definitions() {
        return definitions;
    }

    /** The definition that covers {@code key}: the exact key first, then the family. */
    public Optional<ParameterDefinition> definition(String key) {
        return definitionOf(definitions, key);
    }

    private static Optional<ParameterDefinition> definitionOf(List<ParameterDefinition> definitions, String key) {
        return definitions.stream().filter(d -> d.key().equals(key)).findFirst()
                .or(() -> definitions.stream().filter(d -> d.isFamily() && d.covers(key))
                        .max(java.util.Comparator.comparingInt(d -> d.key().length())));
    }

    /** The value of {@code key} in force on {@code on}, if it has one. */
    public Optional<Object> find(String key, LocalDate on) {
        return Optional.ofNullable(valueOn(key, on));
    }

    /** The value of {@code key} in force on {@code on}, or null. */
    private Object valueOn(String key, LocalDate on) {
        DatedValue[] dated = resolved.get(key);
        if (dated == null) {
            dated = resolve(key).toArray(DatedValue[]::new);
            // Only keys that resolve are kept: a host asking for arbitrary unknown keys cannot grow the map.
            if (dated.length > 0) {
                resolved.putIfAbsent(key, dated);
            }
        }
        // A loop over an array, not a stream or an iterator: rules look parameters up once per matched fact,
        // millions of times at scale.
        for (DatedValue value : dated) {
            if (value.inForceOn(on)) {
                return value.value();
            }
        }
        return null;
    }

    private List<DatedValue> resolve(String key) {
        List<DatedValue> own = values.get(key);
        return own != null ? own : definition(key).filter(ParameterDefinition::isFamily)
                .map(ParameterDefinition::values).orElse(List.of());
    }

    /**
     * The value of a typed key in force on {@code on}.
     *
     * @throws IllegalArgumentException when the key's declared type differs from its definition's
     * @throws IllegalStateException when the key has no value in force that day
     */
    public <T> T get(ParameterKey<T> key, LocalDate on) {
        definition(key.key()).filter(d -> d.type() != key.type()).ifPresent(d -> {
            throw new IllegalArgumentException("parameter " + key.key() + " is " + d.type() + ", not " + key.type());
        });
        return key.javaType().cast(require(key.key(), on));
    }

    /** Whether {@code key} has a value in force on {@code on}. */
    public boolean has(String key, LocalDate on) {
        return find(key, on).isPresent();
    }

    private Object require(String key, LocalDate on) {
        Object value = valueOn(key, on);
        if (value == null) {
            throw new IllegalStateException("parameter " + key + " has no value in force on " + on);
        }
        return value;
    }

    /** An {@link ParameterType#INTEGER} value that fits an {@code int}. */
    public int integer(String key, LocalDate on) {
        return Math.toIntExact((Long) require(key, on));
    }

    /** An {@link ParameterType#INTEGER} value, such as an amount in VND. */
    public long amount(String key, LocalDate on) {
        return (Long) require(key, on);
    }

    /** A {@link ParameterType#DECIMAL} value. */
    public BigDecimal decimal(String key, LocalDate on) {
        return (BigDecimal) require(key, on);
    }

    /** A {@link ParameterType#DATE} value. */
    public LocalDate date(String key, LocalDate on) {
        return (LocalDate) require(key, on);
    }

    /** A {@link ParameterType#MONTH_DAY} value. */
    public MonthDay monthDay(String key, LocalDate on) {
        return (MonthDay) require(key, on);
    }

    /** A {@link ParameterType#TEXT} value, if set. */
    public Optional<String> text(String key, LocalDate on) {
        return find(key, on).map(String.class::cast);
    }

    /** A {@link ParameterType#TEXT_LIST} value. */
    @SuppressWarnings("unchecked")
    public List<String> textList(String key, LocalDate on) {
        return (List<String>) require(key, on);
    }

    /** A {@link ParameterType#DATE_LIST} value, if set. */
    @SuppressWarnings("unchecked")
    public Optional<List<LocalDate>> dates(String key, LocalDate on) {
        return find(key, on).map(v -> (List<LocalDate>) v);
    }

    /** Every key with explicit values (defaults and overrides), with its dated values, sorted by key. */
    public Map<String, List<DatedValue>> values() {
        return values;
    }

    /** A stable text of every value, for the rule set's fingerprint. */
    public String canonicalText() {
        StringBuilder text = new StringBuilder();
        values.forEach((key, dated) -> dated.forEach(v -> text.append(key).append('|').append(v.from()).append('|')
                .append(v.to()).append('|').append(v.value()).append('\n')));
        definitions.stream().filter(ParameterDefinition::isFamily).forEach(d -> d.values().forEach(v ->
                text.append(d.key()).append('|').append(v.from()).append('|').append(v.to()).append('|')
                        .append(v.value()).append('\n')));
        return text.toString();
    }

    /** Collects overrides and checks every key, type and range on {@link #build()}. */
    public static final class Builder {
        private final List<ParameterDefinition> definitions;
        private final Map<String, List<DatedValue>> overrides = new LinkedHashMap<>();
        private final Map<String, String> sources = new LinkedHashMap<>();
        private final List<InputError> errors = new ArrayList<>();

        private Builder(List<ParameterDefinition> definitions) {
            this.definitions = List.copyOf(definitions);
        }

        /** Sets {@code key} to {@code value} on every day. */
        public Builder set(String key, Object value) {
            return set(key, List.of(new DatedValue(null, null, value, null)));
        }

        /** Sets {@code key} to dated values, replacing its defaults. */
        public Builder set(String key, List<DatedValue> dated) {
            return set(key, dated, null);
        }

        /** Sets {@code key} to dated values read from {@code source}, which errors will name. */
        public Builder set(String key, List<DatedValue> dated, String source) {
            overrides.put(key, List.copyOf(dated));
            if (source != null) {
                sources.put(key, source);
            }
            return this;
        }

        /** Records an error found while reading overrides, to be thrown with the others on build. */
        public Builder error(InputError error) {
            errors.add(error);
            return this;
        }

        /**
         * Checks and builds.
         *
         * @throws InvalidInputException naming every unknown key, wrongly typed or out-of-range value
         */
        public Parameters build() {
            List<InputError> found = new ArrayList<>(errors);
            Map<String, List<DatedValue>> effective = new LinkedHashMap<>();
            for (ParameterDefinition definition : definitions) {
                if (!definition.isFamily()) {
                    effective.put(definition.key(), check(definition, definition.key(), definition.values(),
                            "module default", found));
                } else {
                    check(definition, definition.key(), definition.values(), "module default", found);
                }
            }
            overrides.forEach((key, dated) -> {
                Optional<ParameterDefinition> definition = definitionOf(definitions, key);
                if (definition.isEmpty() || definition.get().isFamily() && key.equals(definition.get().key())) {
                    found.add(new InputError(sources.get(key), key, null, "unknown parameter" + nearest(key)));
                    return;
                }
                effective.put(key, check(definition.get(), key, dated, sources.get(key), found));
            });
            if (!found.isEmpty()) {
                throw new InvalidInputException(found);
            }
            return new Parameters(definitions, effective);
        }

        private String nearest(String key) {
            String prefix = key.contains(".") ? key.substring(0, key.indexOf('.') + 1) : key;
            List<String> similar = definitions.stream().map(ParameterDefinition::key)
                    .filter(k -> k.startsWith(prefix)).toList();
            return similar.isEmpty() ? "" : " (known in " + prefix + "*: " + String.join(", ", similar) + ")";
        }

        private static List<DatedValue> check(ParameterDefinition definition, String key, List<DatedValue> dated,
                                              String source, List<InputError> errors) {
            List<DatedValue> checked = new ArrayList<>();
            for (int i = 0; i < dated.size(); i++) {
                DatedValue value = dated.get(i);
                String field = dated.size() == 1 ? key : key + "[" + i + "]";
                if (value.from() != null && value.to() != null && value.to().isBefore(value.from())) {
                    errors.add(new InputError(source, field, null, "to (" + value.to() + ") is before from ("
                            + value.from() + ")"));
                    continue;
                }
                try {
                    checked.add(new DatedValue(value.from(), value.to(), coerce(definition, value.value()),
                            value.reference()));
                } catch (IllegalArgumentException e) {
                    errors.add(new InputError(source, field, null, e.getMessage()));
                }
            }
            for (int i = 0; i < checked.size(); i++) {
                for (int j = i + 1; j < checked.size(); j++) {
                    if (overlap(checked.get(i), checked.get(j))) {
                        errors.add(new InputError(source, key, null, "dated values " + i + " and " + j
                                + " overlap"));
                    }
                }
            }
            return checked;
        }

        private static boolean overlap(DatedValue a, DatedValue b) {
            boolean aBeforeB = a.to() != null && b.from() != null && a.to().isBefore(b.from());
            boolean bBeforeA = b.to() != null && a.from() != null && b.to().isBefore(a.from());
            return !aBeforeB && !bBeforeA;
        }
    }

    /** Converts a raw value (from code or a document) to the definition's type, or throws with why. */
    static Object coerce(ParameterDefinition definition, Object raw) {
        if (raw == null) {
            throw new IllegalArgumentException("has no value");
        }
        Object value = switch (definition.type()) {
            case INTEGER -> toLong(raw);
            case DECIMAL -> toDecimal(raw);
            case DATE -> toDate(raw);
            case MONTH_DAY -> toMonthDay(raw);
            case TEXT -> toText(raw);
            case TEXT_LIST -> toList(raw).stream().map(Parameters::toText).toList();
            case DATE_LIST -> toList(raw).stream().map(Parameters::toDate).toList();
        };
        checkRange(definition, value);
        return value;
    }

    private static void checkRange(ParameterDefinition definition, Object value) {
        if (value instanceof Long || value instanceof BigDecimal) {
            BigDecimal number = value instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) value;
            if (definition.min() != null && number.compareTo(definition.min()) < 0
                    || definition.max() != null && number.compareTo(definition.max()) > 0) {
                throw new IllegalArgumentException("must be " + range(definition) + " (is " + value + ")");
            }
        }
        if (value instanceof List<?> list && !definition.allowed().isEmpty()) {
            List<String> unknown = list.stream().map(Object::toString).filter(e -> !definition.allowed().contains(e))
                    .toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown values " + unknown + " (allowed: "
                        + String.join(", ", definition.allowed()) + ")");
            }
        }
    }

    private static String range(ParameterDefinition d) {
        if (d.min() != null && d.max() != null) {
            return d.min().toPlainString() + " to " + d.max().toPlainString();
        }
        return d.min() != null ? "at least " + d.min().toPlainString() : "at most " + d.max().toPlainString();
    }

    private static Long toLong(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("must be a whole number (is " + raw + ")");
            }
        }
        if (raw instanceof java.math.BigInteger b) {
            return b.longValueExact();
        }
        throw new IllegalArgumentException("must be a whole number (is " + describe(raw) + ")");
    }

    private static BigDecimal toDecimal(Object raw) {
        if (raw instanceof BigDecimal d) {
            return d;
        }
        if (raw instanceof Integer || raw instanceof Long) {
            return BigDecimal.valueOf(((Number) raw).longValue());
        }
        if (raw instanceof Double || raw instanceof Float) {
            // Through the decimal text, so that 0.1 is 0.1 and not its binary neighbour.
            return new BigDecimal(raw.toString());
        }
        if (raw instanceof String s) {
            try {
                return new BigDecimal(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a number (is \"" + s + "\")");
            }
        }
        throw new IllegalArgumentException("must be a number (is " + describe(raw) + ")");
    }

    private static LocalDate toDate(Object raw) {
        if (raw instanceof LocalDate d) {
            return d;
        }
        if (raw instanceof String s) {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("malformed date \"" + s + "\" (expected YYYY-MM-DD)");
            }
        }
        throw new IllegalArgumentException("must be a date YYYY-MM-DD (is " + describe(raw) + ")");
    }

    private static MonthDay toMonthDay(Object raw) {
        if (raw instanceof MonthDay m) {
            return m;
        }
        if (raw instanceof String s) {
            try {
                return MonthDay.parse(s.startsWith("--") ? s : "--" + s);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("malformed month-day \"" + s + "\" (expected MM-DD)");
            }
        }
        throw new IllegalArgumentException("must be a month-day MM-DD (is " + describe(raw) + ")");
    }

    private static String toText(Object raw) {
        if (raw instanceof String s && !s.isBlank()) {
            return s;
        }
        throw new IllegalArgumentException("must be a non-empty text (is " + describe(raw) + ")");
    }

    private static List<?> toList(Object raw) {
        if (raw instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException("must be a list (is " + describe(raw) + ")");
    }

    private static String describe(Object raw) {
        return raw instanceof String s ? "\"" + s + "\"" : String.valueOf(raw);
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size() + " value(s)")
                .collect(Collectors.joining(", ", "Parameters[", "]"));
    }
}
