package io.directiverules.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.directiverules.core.DatedValue;
import io.directiverules.core.InputError;
import io.directiverules.core.InvalidInputException;
import io.directiverules.core.ParameterDefinition;
import io.directiverules.core.ParameterType;
import io.directiverules.core.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads parameter documents: a module's definitions (OpenFisca's shape: per key a description, unit,
 * type, range and dated values with references) and a host's overrides (per key a value, or a list of
 * {@code {from, to, value}}).
 */
public final class ParametersReader {
    private static final Set<String> DEFINITION_FIELDS =
            Set.of("description", "unit", "type", "min", "max", "allowed", "values");
    private static final Set<String> VALUE_FIELDS = Set.of("from", "to", "value", "reference");

    private ParametersReader() {
    }

    /** Reads a module's parameter definitions; {@code source} names the document in errors. */
    public static List<ParameterDefinition> readDefinitions(InputStream in, String source) {
        JsonNode root = FactsReader.parse(in, source);
        List<InputError> errors = new ArrayList<>();
        List<ParameterDefinition> definitions = new ArrayList<>();
        if (!root.isObject()) {
            throw new InvalidInputException(List.of(new InputError(source, "document", null,
                    "must map parameter keys to definitions")));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            JsonNode node = entry.getValue();
            unknownFields(node, DEFINITION_FIELDS, key, source, errors);
            ParameterType type;
            try {
                type = ParameterType.valueOf(text(node, "type", "").toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                errors.add(new InputError(source, key + ".type", null, "unknown type \"" + text(node, "type", "")
                        + "\" (expected one of " + java.util.Arrays.toString(ParameterType.values()) + ")"));
                continue;
            }
            List<String> allowed = new ArrayList<>();
            node.path("allowed").forEach(a -> allowed.add(a.asText()));
            definitions.add(new ParameterDefinition(key, text(node, "description", null), text(node, "unit", null),
                    type, decimal(node.get("min")), decimal(node.get("max")), allowed,
                    datedValues(node.path("values"), key, source, errors)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return definitions;
    }

    /** Reads a host's overrides file into {@code builder}; its errors are thrown when the builder builds. */
    public static Parameters.Builder readOverrides(Path file, Parameters.Builder builder) {
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return readOverrides(in, source, builder);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(List.of(new InputError(source, "file", null, "no such file")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /** Reads overrides from a document named {@code source} into {@code builder}. */
    public static Parameters.Builder readOverrides(InputStream in, String source, Parameters.Builder builder) {
        JsonNode root = FactsReader.parse(in, source);
        if (root.isNull() || root.isEmpty()) {
            return builder;
        }
        if (!root.isObject()) {
            throw new InvalidInputException(List.of(new InputError(source, "document", null,
                    "must map parameter keys to values")));
        }
        return readOverrides(root, source, builder);
    }

    /** Reads overrides from a parsed map of keys to values (a scenario's {@code parameters}). */
    public static Parameters.Builder readOverrides(JsonNode map, String source, Parameters.Builder builder) {
        for (Iterator<Map.Entry<String, JsonNode>> it = map.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode node = entry.getValue();
            if (isDatedList(node)) {
                List<InputError> errors = new ArrayList<>();
                List<DatedValue> values = datedValues(node, entry.getKey(), source, errors);
                errors.forEach(builder::error);
                builder.set(entry.getKey(), values, source);
            } else {
                builder.set(entry.getKey(), List.of(new DatedValue(null, null, plain(node), null)), source);
            }
        }
        return builder;
    }

    private static boolean isDatedList(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode element : node) {
            if (!element.isObject() || !element.has("value")) {
                return false;
            }
        }
        return true;
    }

    private static List<DatedValue> datedValues(JsonNode list, String key, String source, List<InputError> errors) {
        List<DatedValue> values = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String field = key + ".values[" + i + "]";
            unknownFields(node, VALUE_FIELDS, field, source, errors);
            try {
                values.add(new DatedValue(date(node.get("from")), date(node.get("to")), plain(node.get("value")),
                        text(node, "reference", null)));
            } catch (DateTimeParseException e) {
                errors.add(new InputError(source, field, null, "malformed date (expected YYYY-MM-DD): "
                        + e.getParsedString()));
            }
        }
        return values;
    }

    private static void unknownFields(JsonNode node, Set<String> known, String key, String source,
                                      List<InputError> errors) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                errors.add(new InputError(source, key + "." + name, null, "unknown field (known: "
                        + String.join(", ", new java.util.TreeSet<>(known)) + ")"));
            }
        });
    }

    /** A JSON value as a plain Java value: Long, BigDecimal, String, Boolean or a List of them. */
    private static Object plain(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(e -> list.add(plain(e)));
            return list;
        }
        return node.isObject() ? node.toString() : node.asText();
    }

    private static String text(JsonNode node, String field, String absent) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? absent : value.asText();
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : node.decimalValue();
    }

    private static LocalDate date(JsonNode node) {
        return node == null || node.isNull() ? null : LocalDate.parse(node.asText());
    }
}
