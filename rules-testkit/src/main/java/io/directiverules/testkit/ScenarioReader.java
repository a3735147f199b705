package io.directiverules.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.directiverules.core.Facts;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
            "dueOn", "title", "message", "legalBasis", "evidence");
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
     * Reads the scenarios of one file. A facts document (a map of fact lists only, such as a file that
     * scenarios name in {@code factsFile}) holds no scenario: it gives an empty list.
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
        if (isFactsDocument(root)) {
            // A facts file kept beside the scenarios that use it (factsFile:) is not a scenario file.
            return scenarios;
        }
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

    /** Whether {@code root} is a facts document: a map whose keys are all fact lists. */
    private static boolean isFactsDocument(JsonNode root) {
        if (!root.isObject() || root.isEmpty()) {
            return false;
        }
        Set<String> lists = new HashSet<>(Facts.empty().lists().keySet());
        lists.add("holidays");
        Iterator<String> keys = root.fieldNames();
        while (keys.hasNext()) {
            if (!lists.contains(keys.next())) {
                return false;
            }
        }
        return true;
    }

    private static Scenario scenario(JsonNode node, String path, Context c) {
        if (!node.isObject()) {
            c.error(path, "a scenario must be a map with name, asOf, facts and expect");
            return null;
        }
        c.unknownKeys(node, path, SCENARIO_KEYS, "scenario");
        String name = c.text(node, path, "name", true);
        if (name != null && name.isBlank()) {
            c.error(join(path, "name"), "must not be empty");
            name = null;
        }
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
        List<String> tags = c.texts(node, path, "tags");
        JsonNode parameters = node.path("parameters");
        if (!parameters.isMissingNode() && !parameters.isNull() && !parameters.isObject()) {
            c.error(join(path, "parameters"), "must map parameter keys to values");
        }
        Path folder = c.file.toAbsolutePath().getParent();
        List<Path> rules = new ArrayList<>();
        for (String rule : c.texts(node, path, "rules")) {
            Path resolved = folder.resolve(rule).normalize();
            if (!Files.isDirectory(resolved)) {
                c.error(join(path, "rules"), "no rule folder " + resolved);
            }
            rules.add(resolved);
        }
        Map<String, Integer> factLines = new HashMap<>();
        JsonNode facts = facts(node, path, folder, c, factLines);
        Scenario.Expectations expect = expectations(node.path("expect"), join(path, "expect"), c);
        if (name == null || asOf == null || facts == null || expect == null) {
            return null;
        }
        return new Scenario(c.file, c.yaml.lineOf(path.isEmpty() ? "name" : path), name, asOf, language, tags,
                parameters.isObject() ? parameters : JsonNodeFactory.instance.objectNode(), rules, facts, expect,
                factLines);
    }

    /**
     * The facts file's document with the inline lists appended to it; records in {@code factLines} the line of
     * every inline fact field under its path in the merged document.
     */
    private static JsonNode facts(JsonNode node, String path, Path folder, Context c, Map<String, Integer> factLines) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        String factsFile = c.text(node, path, "factsFile", false);
        if (factsFile != null) {
            Path resolved = folder.resolve(factsFile).normalize();
            try (Reader reader = Files.newBufferedReader(resolved, StandardCharsets.UTF_8)) {
                JsonNode fromFile = LocatedYaml.parse(reader).root();
                if (!fromFile.isObject()) {
                    c.error(join(path, "factsFile"), "facts file " + resolved + " is not a facts document"
                            + " (a map of fact lists)");
                    return null;
                }
                merged.setAll((ObjectNode) fromFile.deepCopy());
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                c.error(join(path, "factsFile"), "facts file " + resolved + " is not valid YAML at line " + line
                        + ": " + e.getOriginalMessage());
                return null;
            } catch (IOException e) {
                c.error(join(path, "factsFile"), "cannot read facts file " + resolved + ": " + e.getMessage());
                return null;
            }
        }
        JsonNode inline = node.path("facts");
        if ((inline.isMissingNode() || inline.isNull()) && factsFile == null) {
            c.error(path.isEmpty() ? "facts" : path, "a scenario needs facts or factsFile");
            return null;
        }
        if (inline.isObject()) {
            String inlinePath = join(path, "facts");
            inline.fields().forEachRemaining(list -> {
                JsonNode existing = merged.get(list.getKey());
                int offset = 0;
                if (existing instanceof ArrayNode array && list.getValue().isArray()) {
                    offset = array.size();
                    array.addAll((ArrayNode) list.getValue().deepCopy());
                } else {
                    merged.set(list.getKey(), list.getValue().deepCopy());
                }
                recordLines(c.yaml, inlinePath + "." + list.getKey(), list.getKey(), offset, factLines);
            });
        } else if (!inline.isMissingNode() && !inline.isNull()) {
            c.error(join(path, "facts"), "must be a facts document (a map of fact lists)");
        }
        return merged;
    }

    /** Maps the lines of {@code yamlPath}'s entries to their paths in the merged document, indexes shifted. */
    private static void recordLines(LocatedYaml yaml, String yamlPath, String list, int offset,
                                    Map<String, Integer> factLines) {
        if (offset == 0) {
            // With entries from the facts file first, the list's own line would point an error in the file here.
            factLines.put(list, yaml.lineOf(yamlPath));
        }
        yaml.lines().forEach((located, line) -> {
            if (located.startsWith(yamlPath + "[")) {
                String rest = located.substring(yamlPath.length() + 1);
                int close = rest.indexOf(']');
                int index = Integer.parseInt(rest.substring(0, close));
                factLines.put(list + "[" + (index + offset) + "]" + rest.substring(close + 1), line);
            }
        });
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
        JsonNode countsNode = node.path("counts");
        if (!countsNode.isMissingNode() && !countsNode.isObject()) {
            c.error(join(path, "counts"), "must map rule ids to whole numbers of violations");
        }
        countsNode.fields().forEachRemaining(e -> {
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
                    c.error(entryPath + "." + key, "unknown field (known: " + String.join(", ", new TreeSet<>(known))
                            + (details ? ", details.<key>" : "") + ")");
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
                            + String.join(", ", new TreeSet<>(known)) + ")");
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

        /** A text or a list of texts under {@code key}; absent is an empty list. */
        List<String> texts(JsonNode node, String path, String key) {
            JsonNode value = node.path(key);
            List<String> texts = new ArrayList<>();
            if (value.isMissingNode() || value.isNull()) {
                return texts;
            }
            if (value.isValueNode()) {
                texts.add(value.asText());
                return texts;
            }
            if (!value.isArray()) {
                error(join(path, key), "must be a text or a list of texts");
                return texts;
            }
            for (int i = 0; i < value.size(); i++) {
                if (value.get(i).isValueNode() && !value.get(i).isNull()) {
                    texts.add(value.get(i).asText());
                } else {
                    error(join(path, key) + "[" + i + "]", "must be a text");
                }
            }
            return texts;
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
