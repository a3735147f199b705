package io.directiverules.core;

import io.directiverules.core.io.FactsReader;
import io.directiverules.core.model.Unit;
import io.directiverules.core.model.UnitKind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One test per kind of input error of facts-format.md, and a file with several errors. */
class FactsValidationTest {

    private static List<InputError> errorsOf(String yaml) {
        try {
            FactsReader.strict().read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "facts.yaml");
        } catch (InvalidInputException e) {
            return e.errors();
        }
        throw new AssertionError("the facts were accepted:\n" + yaml);
    }

    private static String only(List<InputError> errors) {
        assertThat(errors).hasSize(1);
        return errors.get(0).toString();
    }

    @Test
    void readsValidFacts() {
        Facts facts = FactsReader.strict().read(new ByteArrayInputStream("""
                units:
                  - {id: U1, name: Vụ A, kind: DEPARTMENT, headId: O1}
                officials:
                  - {id: O1, fullName: Trần B, unitId: U1, annualDeclarant: true}
                declarations:
                  - {id: D1, officialId: O1, kind: ANNUAL, year: 2024, totalAssets: 5200000000}
                holidays: [2024-01-01]
                """.getBytes(StandardCharsets.UTF_8)), "facts.yaml");
        assertThat(facts.unit("U1")).isPresent();
        assertThat(facts.official("O1").orElseThrow().annualDeclarant()).isTrue();
        assertThat(facts.declarations().get(0).totalAssets()).isEqualTo(5_200_000_000L);
        assertThat(facts.holidays()).hasSize(1);
    }

    @Test
    void readsJsonByExtensionAndRefusesDuplicateKeys() {
        String json = "{\"units\": [{\"id\": \"U1\", \"name\": \"A\", \"kind\": \"DEPARTMENT\"}]}";
        Facts facts = FactsReader.strict().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "facts.json");
        assertThat(facts.units()).hasSize(1);
        String duplicate = "{\"units\": [{\"id\": \"U1\", \"id\": \"U2\", \"name\": \"A\", \"kind\": \"DEPARTMENT\"}]}";
        assertThatThrownBy(() -> FactsReader.strict().read(new ByteArrayInputStream(
                duplicate.getBytes(StandardCharsets.UTF_8)), "facts.json"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid JSON at line 1")
                .hasMessageContaining("Duplicate field 'id'");
    }

    @Test
    void missingRequiredField() {
        assertThat(only(errorsOf("units:\n  - {id: U1, kind: DEPARTMENT}\n")))
                .isEqualTo("facts.yaml: units[0].name (id \"U1\"): is required");
    }

    @Test
    void duplicateIdIsReportedOnTheLaterOccurrence() {
        assertThat(only(errorsOf("""
                units:
                  - {id: U1, name: A, kind: DEPARTMENT}
                  - {id: U1, name: B, kind: BUREAU}
                """))).startsWith("facts.yaml: units[1].id (id \"U1\"): duplicate id");
    }

    @Test
    void referenceToAMissingId() {
        assertThat(only(errorsOf("""
                units:
                  - {id: U1, name: A, kind: DEPARTMENT}
                officials:
                  - {id: O1, fullName: B, unitId: U1}
                  - {id: O2, fullName: C, unitId: U1}
                  - {id: O3, fullName: D, unitId: U1}
                  - {id: O4, fullName: E, unitId: VTX}
                """))).isEqualTo("facts.yaml: officials[3].unitId (id \"O4\"): no unit with id \"VTX\"");
    }

    @Test
    void referencesInsideListsAndNestedRecords() {
        List<InputError> errors = errorsOf("""
                units:
                  - {id: U1, name: A, kind: DEPARTMENT, headId: NOBODY}
                plans:
                  - {id: P1, unitId: U1, year: 2024, tasks: [{id: T1, assigneeUnitId: U9, title: t, dueOn: 2024-06-30}]}
                rotationPlans:
                  - {id: R1, unitId: U1, year: 2024, officialIds: [O9]}
                """);
        assertThat(errors).extracting(InputError::field).containsExactly("units[0].headId",
                "plans[0].tasks[0].assigneeUnitId", "rotationPlans[0].officialIds[0]");
    }

    @Test
    void unknownEnumValue() {
        assertThat(only(errorsOf("units:\n  - {id: U1, name: A, kind: DEPARTEMENT}\n")))
                .startsWith("facts.yaml: units[0].kind (id \"U1\"): unknown value \"DEPARTEMENT\" (expected one of");
    }

    @Test
    void unknownFieldIsRefusedSoATypoCannotHideANonCompliance() {
        assertThat(only(errorsOf("""
                units:
                  - {id: U1, name: A, kind: DEPARTMENT}
                officials:
                  - {id: O1, fullName: B, unitId: U1, anualDeclarant: true}
                """))).startsWith("facts.yaml: officials[0].anualDeclarant (id \"O1\"): unknown field");
    }

    @Test
    void unknownFieldsCanBeIgnoredWhenTheHostOptsIn() {
        Facts facts = FactsReader.strict().ignoringUnknownFields().read(new ByteArrayInputStream(
                "units:\n  - {id: U1, name: A, kind: DEPARTMENT, color: blue}\n".getBytes(StandardCharsets.UTF_8)),
                "facts.yaml");
        assertThat(facts.units()).hasSize(1);
    }

    @Test
    void unknownList() {
        assertThat(only(errorsOf("unitz: []\n"))).startsWith("facts.yaml: unitz: unknown list");
    }

    @Test
    void malformedDate() {
        assertThat(only(errorsOf("""
                units:
                  - {id: U1, name: A, kind: DEPARTMENT}
                plans:
                  - {id: P1, unitId: U1, year: 2024, issuedOn: 2024-02-30}
                """))).isEqualTo("facts.yaml: plans[0].issuedOn (id \"P1\"): malformed date \"2024-02-30\""
                + " (expected YYYY-MM-DD)");
    }

    @Test
    void negativeAmount() {
        assertThat(only(errorsOf("""
                units:
                  - {id: U1, name: A, kind: DEPARTMENT}
                officials:
                  - {id: O1, fullName: B, unitId: U1}
                assetChanges:
                  - {officialId: O1, changedOn: 2024-08-14, amountVnd: -5}
                """))).startsWith("facts.yaml: assetChanges[0].amountVnd: must not be negative");
    }

    @Test
    void impossibleDateOrder() {
        List<InputError> errors = errorsOf("""
                units:
                  - {id: U1, name: A, kind: DEPARTMENT}
                officials:
                  - {id: O1, fullName: B, unitId: U1, postponements: [{reason: MATERNITY, from: 2024-05-01, to: 2024-01-01}]}
                declarations:
                  - {id: D1, officialId: O1, kind: ANNUAL, year: 2024, returnedOn: 2024-03-10, correctedOn: 2024-03-01}
                """);
        assertThat(errors).extracting(InputError::field)
                .containsExactly("officials[0].postponements[0].to", "declarations[0].correctedOn");
    }

    @Test
    void cycleInTheUnitTree() {
        List<InputError> errors = errorsOf("""
                units:
                  - {id: A, name: A, kind: DEPARTMENT, parentId: B}
                  - {id: B, name: B, kind: DEPARTMENT, parentId: A}
                """);
        assertThat(errors).extracting(InputError::field).containsExactly("units[0].parentId", "units[1].parentId");
        assertThat(errors.get(0).message()).contains("own ancestor");
    }

    @Test
    void concludedCaseWithoutSeverity() {
        assertThat(only(errorsOf("""
                units:
                  - {id: U1, name: A, kind: DEPARTMENT}
                cases:
                  - {id: C1, unitId: U1, detectedOn: 2024-01-05, detectedBy: PRESS, concludedOn: 2024-05-01}
                """))).isEqualTo("facts.yaml: cases[0].severity (id \"C1\"): a concluded case must have a severity");
    }

    @Test
    void twoInspectoratesInOneTree() {
        assertThat(only(errorsOf("""
                units:
                  - {id: M, name: Bộ, kind: MINISTRY}
                  - {id: T1, name: Thanh tra 1, kind: INSPECTORATE, parentId: M}
                  - {id: T2, name: Thanh tra 2, kind: INSPECTORATE, parentId: M}
                  - {id: X, name: Other ministry, kind: MINISTRY}
                  - {id: T3, name: Thanh tra 3, kind: INSPECTORATE, parentId: X}
                """))).startsWith("facts.yaml: units[2].kind (id \"T2\"): a second unit of kind INSPECTORATE");
    }

    @Test
    void twoAssetControlAgenciesInOneTree() {
        assertThat(only(errorsOf("""
                units:
                  - {id: M, name: Bộ, kind: MINISTRY}
                  - {id: A1, name: KS 1, kind: ASSET_CONTROL_AGENCY, parentId: M}
                  - {id: A2, name: KS 2, kind: ASSET_CONTROL_AGENCY, parentId: M}
                """))).contains("a second unit of kind ASSET_CONTROL_AGENCY");
    }

    @Test
    void wrongTypeOfValue() {
        assertThat(only(errorsOf("""
                units:
                  - {id: U1, name: A, kind: DEPARTMENT}
                plans:
                  - {id: P1, unitId: U1, year: twenty}
                """))).startsWith("facts.yaml: plans[0].year (id \"P1\"): must be a whole number");
    }

    @Test
    void syntaxErrorNamesTheLine() {
        assertThat(only(errorsOf("units:\n  - {id: U1, name: A\n"))).startsWith("facts.yaml: document: not valid YAML at line");
    }

    @Test
    void aFileWithSeveralErrorsReportsAllOfThemInOnePass() throws Exception {
        Path file = Path.of(getClass().getResource("/facts/several-errors.yaml").toURI());
        InvalidInputException refused = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> FactsReader.strict().read(file));
        assertThat(refused.errors()).extracting(InputError::field).containsExactly(
                "units[1].kind", "officials[0].unitId", "officials[1].fullName", "officials[1].positionSince",
                "declarations[0].kind", "declarations[0].totalAssets");
        assertThat(refused.errors()).allSatisfy(e -> assertThat(e.source()).endsWith("several-errors.yaml"));
    }

    @Test
    void aHostCanSkipBadFactsAndKeepTheRest() {
        List<InputError> skipped = new ArrayList<>();
        Facts facts = FactsReader.strict().skippingInvalidFacts(skipped::add).read(new ByteArrayInputStream("""
                units:
                  - {id: U1, name: A, kind: DEPARTMENT}
                  - {id: U2, name: B, kind: NOPE}
                officials:
                  - {id: O1, fullName: B, unitId: U1}
                  - {id: O2, fullName: C, unitId: U2}
                declarations:
                  - {id: D1, officialId: O2, kind: ANNUAL, year: 2024}
                """.getBytes(StandardCharsets.UTF_8)), "facts.yaml");
        assertThat(facts.units()).extracting(Unit::id).containsExactly("U1");
        assertThat(facts.officials()).hasSize(1);
        assertThat(facts.declarations()).isEmpty();
        assertThat(skipped).extracting(InputError::field)
                .containsExactly("units[1].kind", "officials[1].unitId", "declarations[0].officialId");
    }

    @Test
    void recordsAcceptImmutableEmptyListsFromJava() {
        io.directiverules.core.model.Official official = new io.directiverules.core.model.Official("O1", "B", "U1",
                null, null, false, null, false, false, false, null, List.of());
        assertThat(official.postponements()).isEmpty();
    }

    @Test
    void factsBuiltInJavaAreValidatedTheSameWay() {
        assertThatThrownBy(() -> Facts.builder()
                .unit(new Unit("U1", "A", UnitKind.DEPARTMENT, "MISSING", null))
                .build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("units[0].parentId (id \"U1\"): no unit with id \"MISSING\"");
    }
}
