package io.directiverules.core.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.directiverules.core.Facts;
import io.directiverules.core.InputError;
import io.directiverules.core.InvalidInputException;
import io.directiverules.core.internal.RecordBinder;
import io.directiverules.core.model.Assessment;
import io.directiverules.core.model.AssetChange;
import io.directiverules.core.model.Conflict;
import io.directiverules.core.model.CorruptionCase;
import io.directiverules.core.model.Declaration;
import io.directiverules.core.model.Dissemination;
import io.directiverules.core.model.Gift;
import io.directiverules.core.model.InspectionPlan;
import io.directiverules.core.model.Official;
import io.directiverules.core.model.PeriodicReport;
import io.directiverules.core.model.Plan;
import io.directiverules.core.model.Rotation;
import io.directiverules.core.model.RotationPlan;
import io.directiverules.core.model.Unit;
import io.directiverules.core.model.VerificationPlan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a facts document (facts-format.md) from JSON or YAML and validates it.
 *
 * <p>Every error is collected in one pass and thrown together as an {@link InvalidInputException}; each
 * names the file, the list, the index, the record's id and the field. Unknown fields are errors unless
 * {@link #ignoringUnknownFields()} is used. Instances are immutable and thread-safe.
 */
public final class FactsReader {
    private static final Map<String, Class<? extends Record>> LISTS = new LinkedHashMap<>();

    static {
        LISTS.put("units", Unit.class);
        LISTS.put("officials", Official.class);
        LISTS.put("assessments", Assessment.class);
        LISTS.put("plans", Plan.class);
        LISTS.put("disseminations", Dissemination.class);
        LISTS.put("declarations", Declaration.class);
        LISTS.put("assetChanges", AssetChange.class);
        LISTS.put("verificationPlans", VerificationPlan.class);
        LISTS.put("rotationPlans", RotationPlan.class);
        LISTS.put("rotations", Rotation.class);
        LISTS.put("gifts", Gift.class);
        LISTS.put("conflicts", Conflict.class);
        LISTS.put("inspectionPlans", InspectionPlan.class);
        LISTS.put("cases", CorruptionCase.class);
        LISTS.put("reports", PeriodicReport.class);
    }

    private final boolean ignoreUnknownFields;
    private final Consumer<InputError> onSkipped;

    private FactsReader(boolean ignoreUnknownFields, Consumer<InputError> onSkipped) {
        this.ignoreUnknownFields = ignoreUnknownFields;
        this.onSkipped = onSkipped;
    }

    /** A reader that refuses any invalid input. */
    public static FactsReader strict() {
        return new FactsReader(false, null);
    }

    /** The same reader, but unknown fields are skipped instead of refused. */
    public FactsReader ignoringUnknownFields() {
        return new FactsReader(true, onSkipped);
    }

    /**
     * The same reader, but invalid records are left out (with every record that refers to them) instead of
     * refusing the whole input; each error is handed to {@code onSkipped}.
     */
    public FactsReader skippingInvalidFacts(Consumer<InputError> onSkipped) {
        return new FactsReader(ignoreUnknownFields, java.util.Objects.requireNonNull(onSkipped));
    }

    /** Reads a {@code .json}, {@code .yaml} or {@code .yml} file. */
    public Facts read(Path file) {
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, source);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(List.of(new InputError(source, "file", null, "no such file")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /**
     * Reads a document; {@code source} names it in errors and tells JSON from YAML by its extension. The
     * document is streamed: one record at a time is held as a tree, so large files need little memory
     * beyond the facts themselves.
     */
    public Facts read(InputStream in, String source) {
        ObjectMapper mapper = Documents.mapperFor(source);
        try (JsonParser parser = mapper.getFactory().createParser(in)) {
            return read(parser, mapper, source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /** Binds and validates a parsed facts document; {@code source} (may be null) names it in errors. */
    public Facts read(JsonNode document, String source) {
        ObjectMapper mapper = Documents.mapperFor(source);
        try (JsonParser parser = document.traverse(mapper)) {
            return read(parser, mapper, source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /** Parses a JSON or YAML document to a tree, refusing duplicate keys. */
    static JsonNode parse(InputStream in, String source) {
        ObjectMapper mapper = Documents.mapperFor(source);
        try {
            JsonNode tree = mapper.readTree(in);
            return tree == null ? mapper.createObjectNode() : tree;
        } catch (JsonProcessingException e) {
            throw syntaxError(e, source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    private static InvalidInputException syntaxError(JsonProcessingException e, String source) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return new InvalidInputException(List.of(new InputError(source, "document", null,
                "not valid " + Documents.formatName(source) + where + ": " + e.getOriginalMessage())));
    }

    private Facts read(JsonParser parser, ObjectMapper mapper, String source) throws IOException {
        RecordBinder binder = new RecordBinder(ignoreUnknownFields);
        Map<String, List<Record>> bound = new LinkedHashMap<>();
        LISTS.keySet().forEach(name -> bound.put(name, new ArrayList<>()));
        Map<String, List<Integer>> badRecords = new LinkedHashMap<>();
        List<LocalDate> holidays = null;
        try {
            JsonToken first = parser.nextToken();
            if (first != null && first != JsonToken.START_OBJECT) {
                throw new InvalidInputException(List.of(new InputError(source, "document", null,
                        "must be a map of fact lists (" + String.join(", ", LISTS.keySet()) + ", holidays)")));
            }
            while (first != null && parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                Class<? extends Record> type = LISTS.get(name);
                if (type != null && value == JsonToken.START_ARRAY) {
                    int index = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        int errorsBefore = binder.errors().size();
                        JsonNode element = mapper.readTree(parser);
                        bound.get(name).add(binder.bindElement(element, type, name, index));
                        if (binder.errors().size() > errorsBefore) {
                            badRecords.computeIfAbsent(name, k -> new ArrayList<>()).add(index);
                        }
                        index++;
                    }
                } else if (type != null) {
                    if (value != JsonToken.VALUE_NULL) {
                        binder.error(name, "must be a list");
                    }
                    parser.skipChildren();
                } else if (name.equals("holidays")) {
                    @SuppressWarnings("unchecked")
                    List<LocalDate> dates = (List<LocalDate>) binder.bindValue(mapper.readTree(parser),
                            new ListOf(LocalDate.class), "holidays");
                    holidays = dates;
                } else {
                    if (!ignoreUnknownFields) {
                        binder.error(name, "unknown list (known: " + String.join(", ", LISTS.keySet())
                                + ", holidays)");
                    }
                    parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw syntaxError(e, source);
        }
        return validate(binder, bound, badRecords, holidays, source);
    }

    private Facts validate(RecordBinder binder, Map<String, List<Record>> bound, Map<String, List<Integer>> badRecords,
                           List<LocalDate> holidays, String source) {
        Facts.Builder builder = Facts.builder().source(source);
        if (onSkipped != null) {
            binder.errors().forEach(e -> onSkipped.accept(source == null ? e : e.inSource(source)));
            bound.replaceAll((name, records) -> withoutIndexes(records, badRecords.get(name)));
        }
        addAll(builder, bound);
        if (holidays != null) {
            builder.holidays(holidays.stream().filter(java.util.Objects::nonNull).toList());
        }
        if (onSkipped != null) {
            return builder.buildSkippingInvalid(onSkipped);
        }
        List<InputError> errors = new ArrayList<>(binder.errors());
        Set<String> failed = binder.failedPaths();
        Facts unchecked = builder.source(null).buildSkippingInvalid(e -> {
            if (!failed.contains(e.field())) {
                errors.add(e);
            }
        });
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(FactsReader::listOrder)
                    .thenComparingInt(e -> indexOf(e.field())).thenComparingInt(FactsReader::fieldOrder));
            throw new InvalidInputException(source == null ? errors
                    : errors.stream().map(e -> e.inSource(source)).toList());
        }
        return unchecked;
    }

    /** Position of an error's list in the document order, so errors read top to bottom. */
    private static int listOrder(InputError error) {
        String list = error.field().replaceFirst("[\\[.].*$", "");
        int position = new ArrayList<>(LISTS.keySet()).indexOf(list);
        return position >= 0 ? position : list.equals("holidays") ? LISTS.size() : -1;
    }

    /** Position of an error's field among its record's fields. */
    private static int fieldOrder(InputError error) {
        String list = error.field().replaceFirst("[\\[.].*$", "");
        Class<? extends Record> type = LISTS.get(list);
        int dot = error.field().indexOf("].");
        if (type == null || dot < 0) {
            return -1;
        }
        String field = error.field().substring(dot + 2).replaceFirst("[\\[.].*$", "");
        java.lang.reflect.RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(field)) {
                return i;
            }
        }
        return components.length;
    }

    private static int indexOf(String field) {
        int open = field.indexOf('[');
        int close = field.indexOf(']');
        return open < 0 || close < open ? -1 : Integer.parseInt(field.substring(open + 1, close));
    }

    private static <T> List<T> withoutIndexes(List<T> records, List<Integer> indexes) {
        if (indexes == null) {
            return records;
        }
        List<T> kept = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (!indexes.contains(i)) {
                kept.add(records.get(i));
            }
        }
        return kept;
    }

    @SuppressWarnings("unchecked")
    private static void addAll(Facts.Builder builder, Map<String, List<Record>> bound) {
        builder.units((List<Unit>) (List<?>) bound.get("units"))
                .officials((List<Official>) (List<?>) bound.get("officials"))
                .assessments((List<Assessment>) (List<?>) bound.get("assessments"))
                .plans((List<Plan>) (List<?>) bound.get("plans"))
                .disseminations((List<Dissemination>) (List<?>) bound.get("disseminations"))
                .declarations((List<Declaration>) (List<?>) bound.get("declarations"))
                .assetChanges((List<AssetChange>) (List<?>) bound.get("assetChanges"))
                .verificationPlans((List<VerificationPlan>) (List<?>) bound.get("verificationPlans"))
                .rotationPlans((List<RotationPlan>) (List<?>) bound.get("rotationPlans"))
                .rotations((List<Rotation>) (List<?>) bound.get("rotations"))
                .gifts((List<Gift>) (List<?>) bound.get("gifts"))
                .conflicts((List<Conflict>) (List<?>) bound.get("conflicts"))
                .inspectionPlans((List<InspectionPlan>) (List<?>) bound.get("inspectionPlans"))
                .cases((List<CorruptionCase>) (List<?>) bound.get("cases"))
                .reports((List<PeriodicReport>) (List<?>) bound.get("reports"));
    }

    /** {@code List<T>} as a reflective type, for binding a bare list. */
    private record ListOf(Class<?> element) implements java.lang.reflect.ParameterizedType {
        @Override
        public java.lang.reflect.Type[] getActualTypeArguments() {
            return new java.lang.reflect.Type[] {element};
        }

        @Override
        public java.lang.reflect.Type getRawType() {
            return List.class;
        }

        @Override
        public java.lang.reflect.Type getOwnerType() {
            return null;
        }
    }
}
