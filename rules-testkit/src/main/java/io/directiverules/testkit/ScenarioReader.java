package io.directiverules.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.directiverules.core.InputError;
import io.directiverules.core.InvalidInputException;
import io.directiverules.core.Language;
import io.directiverules.testkit.internal.LocatedYaml;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads scenario files (scenario-format.md). Unknown keys and malformed values are errors that name the
 * file and line; every error of a file is reported together.
 */
public final class ScenarioReader {
    private static final Set<String> SCENARIO_KEYS = Set.of("name", "asOf", "lang", "tags", "parameters", "rules",
            "facts", "factsFile", "expect");
    private static final Set<String> EXPECT_KEYS = Set.of("violations", "absent", "actions", "only", "counts",
            "inputErrors");
    private static final Set<String> VIOLATION_FIELDS = Set.of("id", "rule", "severity", "unitId", "subjectId",
            "dueOn", "title", "message", "legalBasis");
    private static final Set<String> ACTION_FIELDS = Set.of("id", "code", "actor", "actorId", "unitId", "dueOn",
            "because", "description");
    private static final Set<String> INPUT_ERROR_FIELDS = Set.of("field", "message");

    private ScenarioReader() {
    }

    /** Every scenario file ({@code .yaml}, {@code .yml}) under {@code paths}, folders searched recursively, sorted. */
    public static List<Path> files(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(ScenarioReader::isScenarioFile).sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + path, e);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new InvalidInputException(List.of(new InputError(path.toString(), "path", null,
                        "no such file or folder")));
            }
        }
        return files;
    }

    private static boolean isScenarioFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /**
     * Reads the scenarios of one file.
     *
     * @throws InvalidInputException naming the file and line of every error
     */
    public static List<Scenario> read(Path file) {
        LocatedYaml yaml;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            yaml = LocatedYaml.parse(reader);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InvalidInputException(List.of(new InputError(file + ":" + line, "document", null,
                    "not valid YAML: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Context context = new Context(file, yaml);
        List<Scenario> scenarios = new ArrayList<>();
        JsonNode root = yaml.root();
        if (root.has("scenarios")) {
            Iterator<String> keys = root.fieldNames();
            while (keys.hasNext()) {
                String key = keys.next();
                if (!key.equals("scenarios")) {
                    context.error(key, "unknown key (a file with scenarios: holds only that list)");
                }
            }
            JsonNode list = root.get("scenarios");
            if (!list.isArray()) {
                context.error("scenarios", "must be a list of scenarios");
            } else {
                for (int i = 0; i < list.size(); i++) {
                    Scenario scenario = scenario(list.get(i), "scenarios[" + i + "]", context);
                    if (scenario != null) {
                        scenarios.add(scenario);
                    }
                }
            }
        } else {
            Scenario scenario = scenario(root, "", context);
            if (scenario != null) {
                scenarios.add(scenario);
            }
        }
        Set<String> names = new HashSet<>();
        for (Scenario scenario : scenarios) {
            if (!names.add(scenario.name())) {
                context.errors.add(new InputError(file + ":" + scenario.line(), "name", null,
                        "duplicate scenario name \"" + scenario.name() + "\""));
            }
        }
        if (!context.errors.isEmpty()) {
            throw new InvalidInputException(context.errors);
        }
        return scenarios;
    }

    private static Scenario scenario(JsonNode node, String path, Context c) {
        if (!node.isObject()) {
            c.error(path, "a scenario must be a map with name, asOf, facts and expect");
            return null;
        }
        c.unknownKeys(node, path, SCENARIO_KEYS, "scenario");
        String name = c.text(node, path, "name", true);
        LocalDate asOf = c.date(node, path, "asOf", true);
        Language language = Language.EN;
        String lang = c.text(node, path, "lang", false);
        if (lang != null) {
            try {
                language = Language.of(lang);
            } catch (IllegalArgumentException e) {
                c.error(join(path, "lang"), e.getMessage());
            }
        }
        List<String> tags = new ArrayList<>();
        node.path("tags").forEach(t -> tags.add(t.asText()));
        JsonNode parameters = node.path("parameters");
        if (!parameters.isMissingNode() && !parameters.isObject()) {
            c.error(join(path, "parameters"), "must map parameter keys to values");
        }
        Path folder = c.file.toAbsolutePath().getParent();
        List<Path> rules = new ArrayList<>();
        for (JsonNode rule : node.path("rules")) {
            Path resolved = folder.resolve(rule.asText()).normalize();
            if (!Files.isDirectory(resolved)) {
                c.error(join(path, "rules"), "no rule folder " + resolved);
            }
            rules.add(resolved);
        }
        JsonNode facts = facts(node, path, folder, c);
        Scenario.Expectations expect = expectations(node.path("expect"), join(path, "expect"), c);
        if (name == null || asOf == null || facts == null || expect == null) {
            return null;
        }
        return new Scenario(c.file, c.yaml.lineOf(path.isEmpty() ? "name" : path), name, asOf, language, tags,
                parameters.isObject() ? parameters : JsonNodeFactory.instance.objectNode(), rules, facts, expect);
    }

    /** The facts file's document with the inline lists appended to it. */
    private static JsonNode facts(JsonNode node, String path, Path folder, Context c) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        String factsFile = c.text(node, path, "factsFile", false);
        if (factsFile != null) {
            Path resolved = folder.resolve(factsFile).normalize();
            try {
                JsonNode fromFile = LocatedYaml.parse(Files.newBufferedReader(resolved, StandardCharsets.UTF_8))
                        .root();
                if (fromFile.isObject()) {
                    merged.setAll((ObjectNode) fromFile.deepCopy());
                }
            } catch (IOException e) {
                c.error(join(path, "factsFile"), "cannot read facts file " + resolved + ": " + e.getMessage());
                return null;
            }
        }
        JsonNode inline = node.path("facts");
        if (inline.isMissingNode() && factsFile == null) {
            c.error(path.isEmpty() ? "facts" : path, "a scenario needs facts or factsFile");
            return null;
        }
        if (inline.isObject()) {
            inline.fields().forEachRemaining(list -> {
                JsonNode existing = merged.get(list.getKey());
                if (existing instanceof ArrayNode array && list.getValue().isArray()) {
                    array.addAll((ArrayNode) list.getValue().deepCopy());
                } else {
                    merged.set(list.getKey(), list.getValue().deepCopy());
                }
            });
        } else if (!inline.isMissingNode() && !inline.isNull()) {
            c.error(join(path, "facts"), "must be a facts document (a map of fact lists)");
        }
        return merged;
    }

    private static Scenario.Expectations expectations(JsonNode node, String path, Context c) {
        if (node.isMissingNode()) {
            c.error(path, "a scenario needs expect");
            return null;
        }
        if (!node.isObject()) {
            c.error(path, "must be a map of " + String.join(", ", EXPECT_KEYS));
            return null;
        }
        c.unknownKeys(node, path, EXPECT_KEYS, "expect");
        Map<String, Integer> counts = new LinkedHashMap<>();
        node.path("counts").fields().forEachRemaining(e -> {
            if (e.getValue().isIntegralNumber() && e.getValue().intValue() >= 0) {
                counts.put(e.getKey(), e.getValue().intValue());
            } else {
                c.error(join(path, "counts." + e.getKey()), "must be a whole number of violations");
            }
        });
        JsonNode only = node.path("only");
        if (!only.isMissingNode() && !only.isBoolean()) {
            c.error(join(path, "only"), "must be true or false");
        }
        return new Scenario.Expectations(
                matches(node.path("violations"), join(path, "violations"), VIOLATION_FIELDS, true, c),
                matches(node.path("absent"), join(path, "absent"), VIOLATION_FIELDS, true, c),
                matches(node.path("actions"), join(path, "actions"), ACTION_FIELDS, true, c),
                only.asBoolean(false), counts,
                matches(node.path("inputErrors"), join(path, "inputErrors"), INPUT_ERROR_FIELDS, false, c));
    }

    private static List<Scenario.FieldMatch> matches(JsonNode list, String path, Set<String> known,
                                                      boolean details, Context c) {
        List<Scenario.FieldMatch> matches = new ArrayList<>();
        if (list.isMissingNode()) {
            return matches;
        }
        if (!list.isArray()) {
            c.error(path, "must be a list");
            return matches;
        }
        for (int i = 0; i < list.size(); i++) {
            String entryPath = path + "[" + i + "]";
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                c.error(entryPath, "must be a map of fields to expected values");
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            entry.fields().forEachRemaining(field -> {
                String key = field.getKey();
                if (!known.contains(key) && !(details && key.startsWith("details.") && key.length() > 8)) {
                    c.error(entryPath + "." + key, "unknown field (known: " + String.join(", ", new java.util.TreeSet<>(
                            known)) + (details ? ", details.<key>" : "") + ")");
                } else {
                    fields.put(key, field.getValue().isValueNode() ? field.getValue().asText()
                            : field.getValue().toString());
                }
            });
            matches.add(new Scenario.FieldMatch(fields, c.yaml.lineOf(entryPath)));
        }
        return matches;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Collects errors with their lines. */
    private static final class Context {
        private final Path file;
        private final LocatedYaml yaml;
        private final List<InputError> errors = new ArrayList<>();

        Context(Path file, LocatedYaml yaml) {
            this.file = file;
            this.yaml = yaml;
        }

        void error(String path, String message) {
            errors.add(new InputError(file + ":" + yaml.lineOf(path), path.isEmpty() ? "scenario" : path, null,
                    message));
        }

        void unknownKeys(JsonNode node, String path, Set<String> known, String what) {
            node.fieldNames().forEachRemaining(key -> {
                if (!known.contains(key)) {
                    error(join(path, key), "unknown key in " + what + " (known: "
                            + String.join(", ", new java.util.TreeSet<>(known)) + ")");
                }
            });
        }

        String text(JsonNode node, String path, String key, boolean required) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                if (required) {
                    error(path.isEmpty() ? key : path, "a scenario needs " + key);
                }
                return null;
            }
            if (!value.isValueNode()) {
                error(join(path, key), "must be a text");
                return null;
            }
            return value.asText();
        }

        LocalDate date(JsonNode node, String path, String key, boolean required) {
            String text = text(node, path, key, required);
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                error(join(path, key), "malformed date \"" + text + "\" (expected YYYY-MM-DD)");
                return null;
            }
        }
    }
}
