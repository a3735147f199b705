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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message templates per language, merged from every module and rule folder (later ones win), and the
 * rendering of {@code {name}} placeholders with values formatted for the language.
 */
public final class MessageCatalog {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.]*)}");
    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Map<Language, Map<String, String>> templates = new EnumMap<>(Language.class);
    /** Templates already parsed, by text; read by the threads of a partitioned evaluation. */
    private final Map<String, Template> compiledTemplates = new ConcurrentHashMap<>();

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
        return template(language, key).map(t -> compiled(t).fill(this, language, values)).orElse(fallback);
    }

    /**
     * Replaces {@code {name}} placeholders; an upper-case code value ({@code ASSET_DECLARATION}) is written
     * with its {@code label.<CODE>} template when the catalog has one. An unknown name is left as written,
     * so a test can find it.
     */
    public String fill(Language language, String template, Map<String, Object> values) {
        return Template.parse(template).fill(this, language, values);
    }

    /** A catalog template parsed into text and placeholders, once: a report renders it many times. */
    private Template compiled(String template) {
        Template compiled = compiledTemplates.get(template);
        if (compiled == null) {
            compiled = Template.parse(template);
            compiledTemplates.putIfAbsent(template, compiled);
        }
        return compiled;
    }

    /**
     * A template split at its placeholders: {@code texts[i]} precedes placeholder {@code names[i]}, and the
     * last text ends the template ({@code texts} has one more element than {@code names}).
     */
    private record Template(String[] texts, String[] names, String[] written) {
        static Template parse(String template) {
            Matcher matcher = PLACEHOLDER.matcher(template);
            List<String> texts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<String> written = new ArrayList<>();
            int end = 0;
            while (matcher.find()) {
                texts.add(template.substring(end, matcher.start()));
                names.add(matcher.group(1));
                written.add(matcher.group());
                end = matcher.end();
            }
            texts.add(template.substring(end));
            return new Template(texts.toArray(String[]::new), names.toArray(String[]::new),
                    written.toArray(String[]::new));
        }

        String fill(MessageCatalog catalog, Language language, Map<String, Object> values) {
            StringBuilder out = new StringBuilder(64);
            for (int i = 0; i < names.length; i++) {
                out.append(texts[i]);
                Object value = values.get(names[i]);
                out.append(value != null ? catalog.label(language, format(language, value)) : written[i]);
            }
            return out.append(texts[names.length]).toString();
        }
    }

    private String label(Language language, String value) {
        return isCode(value) ? template(language, "label." + value).orElse(value) : value;
    }

    /** Whether {@code value} is an upper-case code ({@code [A-Z][A-Z0-9_]+}), without a regex per value. */
    private static boolean isCode(String value) {
        if (value.length() < 2 || value.charAt(0) < 'A' || value.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
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
