package io.directiverules.core;

import java.util.Locale;

/** Languages a report's messages can be written in. */
public enum Language {
    /** English. */
    EN(Locale.ENGLISH),
    /** Vietnamese, with diacritics. */
    VI(Locale.forLanguageTag("vi"));

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    /** The locale of this language. */
    public Locale locale() {
        return locale;
    }

    /** The language of a code such as {@code en} or {@code vi}. */
    public static Language of(String code) {
        for (Language language : values()) {
            if (language.name().equalsIgnoreCase(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language \"" + code + "\" (expected en or vi)");
    }

    /** The lower-case code, {@code en} or {@code vi}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
