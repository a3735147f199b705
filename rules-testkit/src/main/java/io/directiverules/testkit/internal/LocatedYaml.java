package io.directiverules.testkit.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document parsed to a tree, with the line of every key and list element, so that errors can name
 * the line an analyst must fix.
 *
 * @param root the document
 * @param lines 1-based line of each path ({@code scenarios[1].expect.only})
 */
public record LocatedYaml(JsonNode root, Map<String, Integer> lines) {
    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Parses {@code reader}; a syntax error is thrown as {@link com.fasterxml.jackson.core.JsonProcessingException}. */
    public static LocatedYaml parse(Reader reader) throws IOException {
        try (JsonParser parser = MAPPER.getFactory().createParser(reader)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            Map<String, Integer> lines = new HashMap<>();
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new LocatedYaml(JsonNodeFactory.instance.objectNode(), lines);
            }
            JsonNode root = read(parser, "", lines);
            return new LocatedYaml(root, lines);
        }
    }

    /** The line of {@code path}, or of its nearest parent that has one, or 1. */
    public int lineOf(String path) {
        String current = path;
        while (!current.isEmpty()) {
            Integer line = lines.get(current);
            if (line != null) {
                return line;
            }
            int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
            current = cut < 0 ? "" : current.substring(0, cut);
        }
        return 1;
    }

    private static JsonNode read(JsonParser parser, String path, Map<String, Integer> lines) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                String child = path.isEmpty() ? name : path + "." + name;
                lines.put(child, parser.currentLocation().getLineNr());
                parser.nextToken();
                node.set(name, read(parser, child, lines));
            }
            return node;
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode node = JsonNodeFactory.instance.arrayNode();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                String child = path + "[" + index++ + "]";
                lines.put(child, parser.currentLocation().getLineNr());
                node.add(read(parser, child, lines));
            }
            return node;
        }
        return MAPPER.readTree(parser);
    }
}
