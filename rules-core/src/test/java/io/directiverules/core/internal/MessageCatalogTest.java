package io.directiverules.core.internal;

import io.directiverules.core.Language;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MessageCatalogTest {
    private final MessageCatalog catalog = new MessageCatalog();

    MessageCatalogTest() throws IOException {
        add(Language.EN, """
                greeting={unit} must act by {dueOn}{suffix}
                twice={a}{b}{a}
                label.UNIT_HEAD=the head of the unit
                """);
        add(Language.VI, """
                greeting={unit} phải thực hiện trước {dueOn}{suffix}
                label.UNIT_HEAD=thủ trưởng đơn vị
                """);
    }

    private void add(Language language, String properties) throws IOException {
        catalog.add(language, new ByteArrayInputStream(properties.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void placeholdersAreFilledWithValuesFormattedForTheLanguage() {
        Map<String, Object> values = Map.of("unit", "Vụ Pháp chế", "dueOn", LocalDate.of(2025, 3, 31), "suffix", ".");
        assertThat(catalog.render(Language.EN, "greeting", values, "?"))
                .isEqualTo("Vụ Pháp chế must act by 2025-03-31.");
        assertThat(catalog.render(Language.VI, "greeting", values, "?"))
                .isEqualTo("Vụ Pháp chế phải thực hiện trước 31/03/2025.");
    }

    @Test
    void renderingTheSameTemplateAgainGivesEachCallItsOwnValues() {
        assertThat(catalog.render(Language.EN, "twice", Map.of("a", "1", "b", "2"), "?")).isEqualTo("121");
        assertThat(catalog.render(Language.EN, "twice", Map.of("a", "x", "b", "y"), "?")).isEqualTo("xyx");
    }

    @Test
    void aMissingOrNullValueLeavesThePlaceholderAsWritten() {
        Map<String, Object> values = new HashMap<>();
        values.put("unit", "U1");
        values.put("suffix", null);
        assertThat(catalog.render(Language.EN, "greeting", values, "?")).isEqualTo("U1 must act by {dueOn}{suffix}");
    }

    @Test
    void aCodeValueIsWrittenWithItsLabelAndOtherValuesAsTheyAre() {
        assertThat(catalog.fill(Language.EN, "actor: {actor}", Map.of("actor", "UNIT_HEAD")))
                .isEqualTo("actor: the head of the unit");
        assertThat(catalog.fill(Language.VI, "actor: {actor}", Map.of("actor", "UNIT_HEAD")))
                .isEqualTo("actor: thủ trưởng đơn vị");
        // Upper case but not a code with a label, and not a code at all: written as given.
        assertThat(catalog.fill(Language.EN, "{a}|{b}|{c}", Map.of("a", "PERSONNEL_DEPARTMENT", "b", "Unit_Head",
                "c", "U"))).isEqualTo("PERSONNEL_DEPARTMENT|Unit_Head|U");
    }

    @Test
    void valuesWithRegexReplacementCharactersAreWrittenLiterally() {
        assertThat(catalog.fill(Language.EN, "{a} and {b}", Map.of("a", "$1", "b", "C:\\dir")))
                .isEqualTo("$1 and C:\\dir");
    }

    @Test
    void decimalsUseTheLanguagesSeparatorAndAMissingTemplateGivesTheFallback() {
        assertThat(catalog.fill(Language.VI, "{share}", Map.of("share", new BigDecimal("0.250"))))
                .isEqualTo("0,25");
        assertThat(catalog.fill(Language.EN, "{share}", Map.of("share", new BigDecimal("0.250"))))
                .isEqualTo("0.25");
        assertThat(catalog.render(Language.EN, "no.such.key", Map.of(), "fallback")).isEqualTo("fallback");
    }
}
