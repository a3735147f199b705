package io.directiverules.core.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Jackson mappers for the documents this library reads, JSON or YAML by file name. */
final class Documents {
    private static final ObjectMapper JSON = configure(new ObjectMapper());
    private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));

    private Documents() {
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // Shares and amounts must stay exact: ceil(0.07 x 100) is 7, not 8.
        mapper.enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        return mapper;
    }

    static ObjectMapper mapperFor(String source) {
        return isJson(source) ? JSON : YAML;
    }

    static String formatName(String source) {
        return isJson(source) ? "JSON" : "YAML";
    }

    /** JSON by extension; anything else is read as YAML, a superset of JSON. */
    private static boolean isJson(String source) {
        return source != null && source.toLowerCase(java.util.Locale.ROOT).endsWith(".json");
    }
}
