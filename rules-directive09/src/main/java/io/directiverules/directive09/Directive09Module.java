package io.directiverules.directive09;

import io.directiverules.core.Actor;
import io.directiverules.core.ParameterDefinition;
import io.directiverules.core.RuleModule;
import io.directiverules.core.RuleSource;
import io.directiverules.core.io.ParametersReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of Directive 09/CT-BCT (2024) of the Minister of Industry and Trade, as the rule catalogue
 * ({@code directive09-catalogue.md}) defines them: DRL files per area, their parameters with the legal
 * basis of each default, messages in Vietnamese and English, and a sample ministry.
 */
public final class Directive09Module implements RuleModule {
    /** Where the module's resources live; also the DRL package. */
    public static final String BASE = "io/directiverules/directive09/";
    /** The date the bundled sample ministry is meant to be evaluated on. */
    public static final LocalDate SAMPLE_AS_OF = LocalDate.of(2025, 7, 31);

    /** The DRL files, one per area of the catalogue. */
    static final List<String> RULE_FILES = List.of("plan.drl");

    /** The parameter files, one per area. */
    static final List<String> PARAMETER_FILES = List.of("evaluation.yaml", "plan.yaml");

    private static final Map<String, Actor> ACTION_CODES = defineActionCodes();

    private static Map<String, Actor> defineActionCodes() {
        Map<String, Actor> codes = new LinkedHashMap<>();
        codes.put("ISSUE_PLAN", Actor.UNIT_HEAD);
        codes.put("URGE_UNIT", Actor.INSPECTORATE);
        codes.put("REVIEW_DELAY_RESPONSIBILITY", Actor.UNIT_HEAD);
        codes.put("AMEND_PLAN", Actor.UNIT_HEAD);
        codes.put("ASSIGN_TASKS", Actor.UNIT_HEAD);
        codes.put("COMPLETE_TASK", Actor.UNIT_HEAD);
        codes.put("REPORT_REASONS", Actor.UNIT_HEAD);
        return Collections.unmodifiableMap(codes);
    }

    /** Creates the module; ServiceLoader does this for {@code discoverModules()}. */
    public Directive09Module() {
        // Resources are read on demand: the engine builder asks once.
    }

    @Override
    public String name() {
        return "directive09";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public List<RuleSource> rules() {
        return RULE_FILES.stream().map(file -> RuleSource.classpath(Directive09Module.class, BASE + file)).toList();
    }

    @Override
    public List<ParameterDefinition> parameters() {
        List<ParameterDefinition> definitions = new ArrayList<>();
        for (String file : PARAMETER_FILES) {
            String resource = BASE + "parameters/" + file;
            try (InputStream in = Directive09Module.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("parameter resource not found: " + resource);
                }
                definitions.addAll(ParametersReader.readDefinitions(in, resource));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return definitions;
    }

    @Override
    public String messageBundle() {
        return BASE + "messages";
    }

    @Override
    public Map<String, Actor> actionCodes() {
        return ACTION_CODES;
    }

    @Override
    public Optional<Sample> sample() {
        return Optional.of(new Sample(BASE + "sample/ministry.yaml", Directive09Module.class.getClassLoader(),
                SAMPLE_AS_OF));
    }
}
