package org.digestpress.problem;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Every JSON digestpress writes or reads goes through Jackson, configured once here. Maps, lists,
 * strings, numbers and booleans are written with Jackson's streaming generator (jackson-core):
 * a build writes its manifest on every run, and the data-binding layer costs a cold process a few
 * hundred milliseconds to start, which the generator does not. Records (the archive record) are
 * written and JSON is read with the data-binding {@link #mapper()}, built on first use. Keys are
 * sorted (record components and map entries alike) unless a format documents its own order, so
 * the same value always gives the same bytes.
 */
public final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    /** Built on first use: only the archive and the preview server's readers need data binding. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = JsonMapper.builder()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
    }

    /** Jackson's data binding, keys sorted: for records and for reading. */
    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    private static DefaultPrettyPrinter pretty() {
        return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    }

    /** Indented, keys sorted, ending in a newline: for files (archive.json, manifests). */
    public static String file(Object value) {
        if (!(value instanceof Map<?, ?> || value instanceof List<?>)) {
            try {
                return mapper().writer(pretty()).writeValueAsString(value) + "\n";
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return write(value, true, true) + "\n";
    }

    /** On one line, keys sorted. */
    public static String line(Object value) {
        return write(value, false, true);
    }

    /**
     * On one line, map entries in the caller's order (a {@link java.util.LinkedHashMap}): for the
     * formats whose field order is documented ({@code check --format json}, {@code /status.json}).
     */
    public static String lineInOrder(Object value) {
        return write(value, false, false);
    }

    /** A JSON tree; the message of the exception is one plain sentence naming line and column. */
    public static JsonNode read(String text) throws IOException {
        try {
            return mapper().readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new IOException(at == null ? "it is not valid JSON"
                    : "it is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")", e);
        }
    }

    private static String write(Object value, boolean indented, boolean sorted) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            if (indented) {
                generator.setPrettyPrinter(pretty());
            }
            value(generator, value, sorted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void value(JsonGenerator out, Object value, boolean sorted) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof java.math.BigDecimal d) {
            out.writeNumber(d);
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            Map<?, ?> entries = sorted ? new TreeMap<>(map) : map;
            for (Map.Entry<?, ?> e : entries.entrySet()) {
                out.writeFieldName(String.valueOf(e.getKey()));
                value(out, e.getValue(), sorted);
            }
            out.writeEndObject();
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object item : list) {
                value(out, item, sorted);
            }
            out.writeEndArray();
        } else {
            throw new IllegalArgumentException("not a JSON value here: " + value.getClass().getName());
        }
    }
}
