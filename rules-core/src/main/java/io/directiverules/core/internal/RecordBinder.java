package io.directiverules.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.directiverules.core.InputError;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds a JSON/YAML tree to records, field by field, collecting every error instead of stopping at the
 * first: an unknown field, a malformed date, an unknown enum value, a value of the wrong type. A field
 * that fails is left {@code null}, and its path is remembered so that later checks do not report it again.
 */
public final class RecordBinder {
    private final boolean ignoreUnknownFields;
    private final List<InputError> errors = new ArrayList<>();
    private final Set<String> failedPaths = new LinkedHashSet<>();
    private String recordId;
    // A national facts file repeats a few thousand dates and each unit and official id many times: one
    // instance each keeps the heap small and spares parsing the same date again.
    private static final int MAX_CANONICAL = 4_000_000;
    private final Map<String, LocalDate> dates = new java.util.HashMap<>();
    private final Map<String, String> strings = new java.util.HashMap<>();

    /** A binder; with {@code ignoreUnknownFields} unknown fields are skipped instead of reported. */
    public RecordBinder(boolean ignoreUnknownFields) {
        this.ignoreUnknownFields = ignoreUnknownFields;
    }

    /** Errors found so far. */
    public List<InputError> errors() {
        return List.copyOf(errors);
    }

    /** Paths of the fields that failed to bind. */
    public Set<String> failedPaths() {
        return Set.copyOf(failedPaths);
    }

    /** Records an error at {@code path}. */
    public void error(String path, String message) {
        errors.add(InputError.of(path, recordId, message));
        failedPaths.add(path);
    }

    /**
     * Binds each element of an array node to {@code type}; {@code null} stands for an element that is not
     * an object.
     */
    public <T extends Record> List<T> bindList(JsonNode node, Class<T> type, String path) {
        List<T> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            error(path, "must be a list");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            recordId = idOf(node.get(i));
            out.add(bindRecord(node.get(i), type, path + "[" + i + "]"));
            recordId = null;
        }
        return out;
    }

    /** Binds element {@code index} of list {@code list}; errors name {@code list[index].field} and the id. */
    public <T extends Record> T bindElement(JsonNode node, Class<T> type, String list, int index) {
        recordId = idOf(node);
        try {
            return bindRecord(node, type, list + "[" + index + "]");
        } finally {
            recordId = null;
        }
    }

    private static String idOf(JsonNode node) {
        JsonNode id = node == null ? null : node.get("id");
        return id != null && id.isValueNode() && !id.isNull() ? id.asText() : null;
    }

    /** Binds one object node to a record, or returns {@code null} (with an error) when it is not an object. */
    public <T extends Record> T bindRecord(JsonNode node, Class<T> type, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            error(path, "must be an object with fields " + fieldNames(type));
            return null;
        }
        Shape shape = SHAPES.get(type);
        if (!ignoreUnknownFields && node.size() > 0) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!shape.known().contains(name)) {
                    error(path + "." + name, "unknown field (known: " + shape.fieldNames() + ")");
                }
            }
        }
        Object[] args = new Object[shape.names().length];
        for (int i = 0; i < args.length; i++) {
            JsonNode value = node.get(shape.names()[i]);
            if (value != null && !value.isNull() && !value.isMissingNode()) {
                args[i] = bindValue(value, shape.types()[i], path + "." + shape.names()[i]);
            }
            if (args[i] == null && shape.primitive()[i]) {
                args[i] = defaultOf(shape.raw()[i]);
            }
        }
        try {
            @SuppressWarnings("unchecked")
            T bound = (T) shape.constructor().newInstance(args);
            return bound;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
        }
    }

    /**
     * What binding needs of a record type, looked up once per type: reflection on every record of a national
     * facts file (generic types, annotations) would cost more than reading the file.
     */
    private record Shape(String[] names, Type[] types, Class<?>[] raw, boolean[] primitive, Set<String> known,
                         String fieldNames, Constructor<?> constructor) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            int n = components.length;
            String[] names = new String[n];
            Type[] types = new Type[n];
            Class<?>[] raw = new Class<?>[n];
            boolean[] primitive = new boolean[n];
            for (int i = 0; i < n; i++) {
                names[i] = components[i].getName();
                types[i] = components[i].getGenericType();
                raw[i] = components[i].getType();
                primitive[i] = raw[i].isPrimitive();
            }
            try {
                return new Shape(names, types, raw, primitive, Set.of(names), String.join(", ", names),
                        type.getDeclaredConstructor(raw));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record has its canonical constructor: " + type.getName(), e);
            }
        }
    };

    private static String fieldNames(Class<?> type) {
        return SHAPES.get(type).fieldNames();
    }

    private static Object defaultOf(Class<?> primitive) {
        if (primitive == boolean.class) {
            return false;
        }
        if (primitive == int.class) {
            return 0;
        }
        if (primitive == long.class) {
            return 0L;
        }
        throw new IllegalArgumentException("unsupported primitive " + primitive);
    }

    /** Binds a value node to a Java type; returns {@code null} for an absent value or an error. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object bindValue(JsonNode node, Type type, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            Type element = parameterized.getActualTypeArguments()[0];
            if (!node.isArray()) {
                error(path, "must be a list");
                return null;
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                Object value = bindValue(node.get(i), element, path + "[" + i + "]");
                if (value != null) {
                    out.add(value);
                } else if (element instanceof Class<?> c && c.isRecord()) {
                    out.add(null);
                }
            }
            return out;
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            if (!node.isValueNode()) {
                error(path, "must be a text");
                return null;
            }
            String text = node.asText();
            return isReference(path) ? canonical(text) : text;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (!node.isBoolean()) {
                error(path, "must be true or false (is " + node + ")");
                return null;
            }
            return node.booleanValue();
        }
        if (raw == int.class || raw == Integer.class) {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                error(path, "must be a whole number (is " + node + ")");
                return null;
            }
            return node.intValue();
        }
        if (raw == long.class || raw == Long.class) {
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                error(path, "must be a whole number (is " + node + ")");
                return null;
            }
            return node.longValue();
        }
        if (raw == BigDecimal.class) {
            if (!node.isNumber()) {
                error(path, "must be a number (is " + node + ")");
                return null;
            }
            return node.decimalValue();
        }
        if (raw == LocalDate.class) {
            return date(node, path);
        }
        if (raw.isEnum()) {
            return enumValue(node, (Class<? extends Enum>) raw, path);
        }
        if (raw.isRecord()) {
            return bindRecord(node, (Class<? extends Record>) raw, path);
        }
        throw new IllegalArgumentException("unsupported field type " + type + " at " + path);
    }

    /** Units' and officials' ids, and references to ids (fields {@code ...Id}, elements of {@code ...Ids}). */
    private static boolean isReference(String path) {
        return path.endsWith("Id") || path.endsWith("]") && path.contains("Ids[")
                || path.endsWith(".id") && (path.startsWith("officials[") || path.startsWith("units["));
    }

    private String canonical(String text) {
        String known = strings.get(text);
        if (known != null) {
            return known;
        }
        if (strings.size() < MAX_CANONICAL) {
            strings.put(text, text);
        }
        return text;
    }

    private LocalDate date(JsonNode node, String path) {
        if (!node.isTextual()) {
            error(path, "malformed date " + node + " (expected YYYY-MM-DD)");
            return null;
        }
        String text = node.textValue();
        LocalDate known = dates.get(text);
        if (known != null) {
            return known;
        }
        try {
            LocalDate day = LocalDate.parse(text);
            if (dates.size() < MAX_CANONICAL) {
                dates.put(text, day);
            }
            return day;
        } catch (DateTimeParseException e) {
            error(path, "malformed date \"" + node.textValue() + "\" (expected YYYY-MM-DD)");
            return null;
        }
    }

    private static final ClassValue<Map<String, Object>> CONSTANTS = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            Map<String, Object> byName = new java.util.HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                byName.put(((Enum<?>) constant).name(), constant);
            }
            return Map.copyOf(byName);
        }
    };

    private <E extends Enum<E>> E enumValue(JsonNode node, Class<E> type, String path) {
        String text = node.isTextual() ? node.textValue() : node.toString();
        Object constant = CONSTANTS.get(type).get(text);
        if (constant != null) {
            return type.cast(constant);
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        error(path, "unknown value \"" + text + "\" (expected one of " + allowed + ")");
        return null;
    }
}
