package io.directiverules.testkit.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes facts as a facts document with Jackson's streaming generator: one record at a time, never a tree.
 * Fields with no value (null, false, an empty list) are left out, as a person writing the file would.
 */
final class JsonFactWriter implements FactSink, AutoCloseable {
    private static final ClassValue<Field[]> FIELDS = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Field[] fields = new Field[components.length];
            for (int i = 0; i < components.length; i++) {
                try {
                    fields[i] = new Field(components[i].getName(),
                            MethodHandles.publicLookup().unreflect(components[i].getAccessor()));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("fact records are public: " + type.getName(), e);
                }
            }
            return fields;
        }
    };

    private record Field(String name, MethodHandle accessor) {
    }

    private final JsonGenerator json;

    /** A writer to {@code out} (left open); {@link #close()} ends the document. */
    JsonFactWriter(OutputStream out) {
        try {
            json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void begin(String list) {
        try {
            json.writeRaw('\n');
            json.writeArrayFieldStart(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void fact(Object fact) {
        try {
            // One record a line keeps a national-size file readable with ordinary tools.
            json.writeRaw('\n');
            writeRecord(fact);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void end(String list) {
        try {
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            json.writeEndObject();
            json.writeRaw('\n');
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeRecord(Object record) throws IOException {
        json.writeStartObject();
        for (Field field : FIELDS.get(record.getClass())) {
            Object value;
            try {
                value = field.accessor().invoke(record);
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read " + field.name() + " of " + record, e);
            }
            if (value == null || Boolean.FALSE.equals(value) || value instanceof List<?> list && list.isEmpty()) {
                continue;
            }
            json.writeFieldName(field.name());
            writeValue(value);
        }
        json.writeEndObject();
    }

    private void writeValue(Object value) throws IOException {
        if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof LocalDate day) {
            json.writeString(day.toString());
        } else if (value instanceof Enum<?> constant) {
            json.writeString(constant.name());
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                writeValue(element);
            }
            json.writeEndArray();
        } else if (value instanceof Record record) {
            writeRecord(record);
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName());
        }
    }
}
