package io.directiverules.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Drools' own errors come out as {@code FILE:LINE:COL} on the analyst's file, at the offending text. */
class DroolsErrorLocationTest {
    @TempDir
    Path temp;

    /** {@code FILE:LINE:COL: error: } of the first occurrence of {@code marker} in {@code drl}. */
    private static String at(RuleFolder folder, String drl, String marker) {
        int offset = drl.indexOf(marker);
        assertThat(offset).as("marker %s", marker).isNotNegative();
        assertThat(drl.indexOf(marker, offset + 1)).as("marker %s is unique", marker).isNegative();
        String before = drl.substring(0, offset);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = offset - before.lastIndexOf('\n');
        return folder.file("broken.drl") + ":" + line + ":" + column + ": error: ";
    }

    private List<String> errorsOf(String drl) {
        return new RuleFolder(temp).write("broken.drl", drl).errors();
    }

    @Test
    void aParserErrorIsAtTheUnexpectedToken() {
        String drl = RuleFolder.HEADER + """
                rule "P-01 broken"
                when
                    $unit : Unit(name == )
                then
                end
                """;
        assertThat(errorsOf(drl)).singleElement().asString().startsWith(at(new RuleFolder(temp), drl, ")\nthen"));
    }

    @Test
    void anUnknownFieldInAConditionIsAtTheConstraint() {
        String drl = RuleFolder.HEADER + """
                rule "L-01 unknown field"
                when
                    $unit : Unit(kind != null,   nosuchField == "x")
                then
                end
                """;
        assertThat(errorsOf(drl)).singleElement().asString()
                .startsWith(at(new RuleFolder(temp), drl, "nosuchField")).contains("nosuchField");
    }

    @Test
    void anUnknownTypeIsAtThePattern() {
        String drl = RuleFolder.HEADER + """
                rule "L-02 unknown type"
                when
                    $unit : Unit()
                      Nope()
                then
                end
                """;
        // The sandbox reports a type it does not know before Drools sees it.
        assertThat(errorsOf(drl)).singleElement().asString()
                .startsWith(at(new RuleFolder(temp), drl, "Nope")).contains("`Nope` is not on the rules' allow-list");
    }

    @Test
    void aConsequenceErrorIsAtItsOwnLineAndColumnEvenAfterRewrites() {
        String drl = RuleFolder.HEADER + """
                rule "C-01 broken consequence"
                when
                    $unit : Unit()
                then

                    // a comment before the code
                    String fine = $unit.name();
                    insert(new Evaluation(null, 0, null, null, null));  int bad = "text";
                      String also = $unit.nosuch();
                end
                """;
        RuleFolder folder = new RuleFolder(temp);
        assertThat(errorsOf(drl)).containsExactly(
                at(folder, drl, "\"text\"") + "Type mismatch: cannot convert from String to int",
                at(folder, drl, "nosuch()") + "The method nosuch() is undefined for the type Unit");
    }

    @Test
    void aConsequenceErrorOnTheThenLineAndAfterAModifyBlock() {
        String drl = RuleFolder.HEADER + """
                declare Counter
                    n : int
                end
                rule "C-02 same line" when $c : Counter() then int one = "1";
                end
                rule "C-03 after modify"
                when
                    $c : Counter()
                then
                    modify($c) {
                        setN(2)
                    };
                    retract($c); int two = "2";
                end
                rule "C-04 makes counters"
                when
                    $unit : Unit()
                then
                    insert(new Counter(1));
                end
                """;
        RuleFolder folder = new RuleFolder(temp);
        assertThat(errorsOf(drl)).containsExactly(
                at(folder, drl, "\"1\"") + "Type mismatch: cannot convert from String to int",
                at(folder, drl, "\"2\"") + "Type mismatch: cannot convert from String to int");
    }

    @Test
    void aFunctionErrorIsInTheFunctionBodyWithoutEchoesInRules() {
        String drl = RuleFolder.HEADER + """
                function int twice(int n) {
                    int k = n;
                    return k * "2";
                }
                rule "F-01 uses the function"
                when
                    $unit : Unit()
                then
                    int x = twice(2);
                end
                """;
        assertThat(errorsOf(drl)).singleElement().asString()
                .startsWith(at(new RuleFolder(temp), drl, "k * \"2\"")).contains("operator * is undefined");
    }

    @Test
    void anEvalErrorIsInTheEval() {
        String drl = RuleFolder.HEADER + """
                rule "E-01 broken eval"
                when
                    $unit : Unit()
                    eval( $unit.name().nosuchMethod() )
                then
                end
                """;
        assertThat(errorsOf(drl)).singleElement().asString()
                .startsWith(at(new RuleFolder(temp), drl, "nosuchMethod")).contains("nosuchMethod()");
    }

    @Test
    void aFromErrorIsInTheFromExpression() {
        String drl = RuleFolder.HEADER + """
                rule "E-02 broken from"
                when
                    $unit : Unit()
                    $name : String() from $unit.nosuchList
                then
                end
                """;
        assertThat(errorsOf(drl)).singleElement().asString()
                .startsWith(at(new RuleFolder(temp), drl, "nosuchList")).contains("nosuchList");
    }

    @Test
    void aDeclaredFieldOfAnUnknownTypeIsAtTheField() {
        String drl = RuleFolder.HEADER + """
                declare Holder
                    good : String
                    bad : Nowhere
                end
                """;
        // The sandbox stops an unknown type name first; either way the field's line and column are named.
        assertThat(errorsOf(drl)).singleElement().asString()
                .startsWith(at(new RuleFolder(temp), drl, "Nowhere"));
    }
}
