package io.directiverules.core.internal;

import io.directiverules.core.Language;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message templates per language, merged from every module and rule folder (later ones win), and the
 * rendering of {@code {name}} placeholders with values formatted for the language.
 */
public final class MessageCatalog {
    /** An upper-case code value ({@code ASSET_DECLARATION}), compiled once: reports render many messages. */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.]*)}");
    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Map<Language, Map<String, String>> templates = new EnumMap<>(Language.class);

    /** An empty catalog. */
    public MessageCatalog() {
        for (Language language : Language.values()) {
            templates.put(language, new HashMap<>());
        }
    }

    /** Adds the bundle {@code baseName} of {@code loader} in every language it has, as UTF-8 properties. */
    public void addBundle(ClassLoader loader, String baseName) {
        for (Language language : Language.values()) {
            String resource = baseName.replace('.', '/') + "_" + language.code() + ".properties";
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in != null) {
                    add(language, in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
    }

    /** Adds UTF-8 properties of one language. */
    public void add(Language language, InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        properties.forEach((k, v) -> templates.get(language).put(k.toString(), v.toString()));
    }

    /** The template of {@code key} in {@code language}, if any. */
    public Optional<String> template(Language language, String key) {
        return Optional.ofNullable(templates.get(language).get(key));
    }

    /** Every key known in {@code language}. */
    public java.util.Set<String> keys(Language language) {
        return java.util.Set.copyOf(templates.get(language).keySet());
    }

    /** Renders {@code key} with {@code values}; a missing template gives {@code fallback}. */
    public String render(Language language, String key, Map<String, Object> values, String fallback) {
        return template(language, key).map(t -> fill(language, t, values)).orElse(fallback);
    }

    /**
     * Replaces {@code {name}} placeholders; an upper-case code value ({@code ASSET_DECLARATION}) is written
     * with its {@code label.<CODE>} template when the catalog has one. An unknown name is left as written,
     * so a test can find it.
     */
    public String fill(Language language, String template, Map<String, Object> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = values.containsKey(name) && values.get(name) != null
                    ? label(language, format(language, values.get(name))) : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String label(Language language, String value) {
        return CODE.matcher(value).matches() ? template(language, "label." + value).orElse(value) : value;
    }

    private static String format(Language language, Object value) {
        if (value instanceof LocalDate date) {
            return language == Language.VI ? VI_DATE.format(date) : date.toString();
        }
        if (value instanceof BigDecimal decimal) {
            String plain = decimal.stripTrailingZeros().toPlainString();
            return language == Language.VI ? plain.replace('.', ',') : plain;
        }
        return value.toString();
    }
}
