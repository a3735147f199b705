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

    /**
     * The areas of the catalogue. Each has {@code <area>.drl}, {@code parameters/<area>.yaml} and
     * {@code messages/<area>_en.properties} / {@code _vi.properties}.
     */
    static final List<String> AREAS = List.of("plan", "dissemination", "declaration", "verification", "rotation",
            "gifts", "inspection", "cases", "reporting", "escalation");

    /** Parameter files that belong to no single area. */
    static final List<String> COMMON_PARAMETER_FILES = List.of("evaluation.yaml", "calendar.yaml");

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
        codes.put("ORGANIZE_DISSEMINATION", Actor.UNIT_HEAD);
        codes.put("DECLARE_ASSETS", Actor.OFFICIAL);
        codes.put("REQUEST_DECLARATION", Actor.PERSONNEL_DEPARTMENT);
        codes.put("VERIFY_DECLARATION", Actor.ASSET_CONTROL_AGENCY);
        codes.put("CORRECT_DECLARATION", Actor.OFFICIAL);
        codes.put("POSTPONE_APPOINTMENT", Actor.PERSONNEL_DEPARTMENT);
        codes.put("PUBLICIZE_DECLARATION", Actor.UNIT_HEAD);
        codes.put("ISSUE_VERIFICATION_PLAN", Actor.ASSET_CONTROL_AGENCY);
        codes.put("WIDEN_VERIFICATION", Actor.ASSET_CONTROL_AGENCY);
        codes.put("ISSUE_ROTATION_PLAN", Actor.UNIT_HEAD);
        codes.put("PUBLISH_ROTATION_PLAN", Actor.UNIT_HEAD);
        codes.put("SCHEDULE_ROTATION", Actor.UNIT_HEAD);
        codes.put("REPORT_GIFT", Actor.OFFICIAL);
        codes.put("REPORT_CONFLICT", Actor.OFFICIAL);
        codes.put("ISSUE_INSPECTION_PLAN", Actor.INSPECTORATE);
        codes.put("AMEND_INSPECTION_PLAN", Actor.INSPECTORATE);
        codes.put("TRANSFER_CASE", Actor.INSPECTORATE);
        codes.put("REVIEW_HEAD_RESPONSIBILITY", Actor.MINISTER);
        codes.put("EXPLAIN_DETECTION_FAILURE", Actor.UNIT_HEAD);
        codes.put("SUBMIT_REPORT", Actor.UNIT_HEAD);
        codes.put("SCHEDULE_INSPECTION", Actor.INSPECTORATE);
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
        return AREAS.stream().map(area -> RuleSource.classpath(Directive09Module.class, BASE + area + ".drl")).toList();
    }

    @Override
    public List<ParameterDefinition> parameters() {
        List<ParameterDefinition> definitions = new ArrayList<>();
        List<String> files = new ArrayList<>(COMMON_PARAMETER_FILES);
        AREAS.forEach(area -> files.add(area + ".yaml"));
        for (String file : files) {
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
    public List<String> messageBundles() {
        List<String> bundles = new ArrayList<>();
        bundles.add(BASE + "messages/labels");
        AREAS.forEach(area -> bundles.add(BASE + "messages/" + area));
        return bundles;
    }

    @Override
    public Map<String, Actor> actionCodes() {
        return ACTION_CODES;
    }

    /** The reviewed Java helpers the module's rules call: plain arithmetic over facts, nothing else. */
    @Override
    public List<Class<?>> ruleHelpers() {
        return List.of(CaseDiscipline.class, DeclarationMath.class, ThresholdReached.class,
                VerificationMath.class, RotationMath.class);
    }

    @Override
    public Optional<Sample> sample() {
        return Optional.of(new Sample(BASE + "sample/ministry.yaml", Directive09Module.class.getClassLoader(),
                SAMPLE_AS_OF));
    }
}
