package io.directiverules.directive09;

import io.directiverules.core.Actor;
import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.Language;
import io.directiverules.core.RuleInfo;
import io.directiverules.core.Severity;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module against the policy contract (catalogue-contract.txt, a copy of the catalogue's ids, severities,
 * action codes and actors): every catalogue id has a rule and every rule a catalogue id, with the same
 * severity, a legal basis, and a title and message in both languages; every action code is declared with its
 * actor and described in both languages.
 */
class Directive09CatalogueTest {
    private static final Path CATALOGUE = Path.of("../../shared/spec/directive09-catalogue.md");

    private static ComplianceEngine engine;
    private static Map<String, Severity> ruleSeverities;
    private static Map<String, Actor> actionActors;

    @BeforeAll
    static void load() throws IOException {
        engine = ComplianceEngine.builder().module(new Directive09Module()).build();
        ruleSeverities = new TreeMap<>();
        actionActors = new LinkedHashMap<>();
        try (InputStream in = Directive09CatalogueTest.class.getResourceAsStream("/catalogue-contract.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                String[] words = line.split(" ");
                if (words[0].equals("rule")) {
                    ruleSeverities.put(words[1], Severity.valueOf(words[2]));
                } else if (words[0].equals("action")) {
                    actionActors.put(words[1], Actor.valueOf(words[2]));
                }
            }
        }
        assertThat(ruleSeverities).hasSize(28);
        assertThat(actionActors).hasSize(28);
    }

    private static List<RuleInfo> violationRules() {
        return engine.rules().stream().filter(r -> r.ruleId() != null).toList();
    }

    @Test
    void everyCatalogueIdHasARuleAndEveryRuleACatalogueId() {
        assertThat(violationRules().stream().map(RuleInfo::ruleId).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(ruleSeverities.keySet());
    }

    @Test
    void everyRuleHasTheCatalogueSeverityAndALegalBasis() {
        for (RuleInfo rule : violationRules()) {
            assertThat(rule.severity()).as(rule.name()).isEqualTo(ruleSeverities.get(rule.ruleId()));
            assertThat(rule.legalBasis()).as(rule.name()).isNotEmpty()
                    .allSatisfy(citation -> assertThat(citation).matches(
                            "(Dir09 §\\d+|Dec279|Law36 Art\\. .+|Law132|Dec59 Art\\. .+|Dec130( Art\\. .+)?|Circ02 Art\\. .+"
                                    + "|Reg(131|132|114|41)|Concl05)"));
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyRuleHasATitleAndAMessage(Language language) {
        for (String id : ruleSeverities.keySet()) {
            assertThat(engine.message(language, id + ".title")).as(id + ".title in " + language).isPresent()
                    .get().asString().isNotBlank();
            assertThat(engine.message(language, id + ".message")).as(id + ".message in " + language).isPresent()
                    .get().asString().isNotBlank();
        }
    }

    @Test
    void everyActionCodeIsDeclaredWithItsActor() {
        assertThat(engine.actionCodes()).containsExactlyInAnyOrderEntriesOf(actionActors);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyActionCodeHasADescription(Language language) {
        for (String code : actionActors.keySet()) {
            assertThat(engine.message(language, code + ".description")).as(code + " in " + language).isPresent();
        }
    }

    @Test
    void vietnameseMessagesAreWrittenWithDiacritics() {
        String all = ruleSeverities.keySet().stream()
                .map(id -> engine.message(Language.VI, id + ".message").orElse(""))
                .collect(Collectors.joining(" "));
        assertThat(all).containsPattern("[ăâđêôơưáàảãạếềểễệốồổỗộớờởỡợứừửữự]");
    }

    @Test
    void theContractIsTheCatalogueWhereTheCatalogueIsAtHand() throws IOException {
        Assumptions.assumeTrue(Files.exists(CATALOGUE), "the shared catalogue is not beside this checkout");
        String catalogue = Files.readString(CATALOGUE, StandardCharsets.UTF_8);
        Map<String, Severity> ids = new TreeMap<>();
        Matcher rows = Pattern.compile("(?m)^\\| (D09-[A-Z]+-\\d\\d) \\|(.*)$").matcher(catalogue);
        while (rows.find()) {
            Matcher severity = Pattern.compile("\\| (LOW|MEDIUM|HIGH|CRITICAL) \\|").matcher(rows.group(2));
            assertThat(severity.find()).as(rows.group(1)).isTrue();
            ids.put(rows.group(1), Severity.valueOf(severity.group(1)));
        }
        assertThat(ids).isEqualTo(ruleSeverities);
        Matcher actions = Pattern.compile("(?m)^\\| ([A-Z_]+) \\| ([A-Z_]+)").matcher(catalogue);
        Map<String, Actor> codes = new LinkedHashMap<>();
        while (actions.find()) {
            if (!actions.group(1).equals("id")) {
                codes.put(actions.group(1), Actor.valueOf(actions.group(2)));
            }
        }
        assertThat(codes).containsExactlyInAnyOrderEntriesOf(actionActors);
    }
}
