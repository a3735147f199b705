package io.directiverules.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every forbidden route out of the sandbox is a load error at its file, line and column. */
class SandboxTest {
    @TempDir
    Path temp;

    private static String consequence(String code) {
        return RuleFolder.HEADER + """
                rule "S-01 probe"
                when
                    $unit : Unit()
                then
                    %s
                end
                """.formatted(code);
    }

    private static String condition(String pattern) {
        return RuleFolder.HEADER + """
                rule "S-02 probe"
                when
                    $unit : Unit()
                    %s
                then
                end
                """.formatted(pattern);
    }

    /** {@code lines} placed after the package line of {@code drl}. */
    private static String afterPackage(String lines, String drl) {
        int end = drl.indexOf('\n') + 1;
        return drl.substring(0, end) + lines + drl.substring(end);
    }

    static Stream<Arguments> forbidden() {
        return Stream.of(
                arguments("System.exit", consequence("System.exit(1);"), "System", "forbidden"),
                arguments("Runtime.exec", consequence("Runtime.getRuntime().exec(\"rm -rf /\");"), "Runtime",
                        "forbidden"),
                arguments("ProcessBuilder", consequence("new ProcessBuilder(\"ls\").start();"), "ProcessBuilder",
                        "forbidden"),
                arguments("Thread", consequence("Thread.sleep(100000);"), "Thread", "forbidden"),
                arguments("fully-qualified System", consequence("java.lang.System.exit(0);"), "java.lang",
                        "`java.lang.System` is not on the rules' allow-list"),
                arguments("fully-qualified file", consequence("new java.io.File(\"/etc/passwd\").delete();"),
                        "java.io", "`java.io.File` is not on the rules' allow-list"),
                arguments("fully-qualified nio", consequence("java.nio.file.Files.delete(null);"), "java.nio",
                        "`java.nio.file.Files` is not on the rules' allow-list"),
                arguments("network", consequence("new java.net.Socket(\"example.org\", 80);"), "java.net",
                        "`java.net.Socket` is not on the rules' allow-list"),
                arguments("JNDI", consequence("new javax.naming.InitialContext().lookup(\"ldap://x/a\");"),
                        "javax.naming", "`javax.naming.InitialContext` is not on the rules' allow-list"),
                arguments("reflection from any object", consequence("\"\".getClass().getMethods();"), "getClass",
                        "forbidden"),
                arguments("Class.forName of a concatenation",
                        consequence("Object r = Class.forName(\"java.lang.\" + \"Run\" + \"time\");"), "Class",
                        "forbidden"),
                arguments("class loader in a condition", condition("Unit(this.getClass().getClassLoader() != null)"),
                        "getClass", "forbidden"),
                arguments("MVEL class property in a condition", condition("Unit(this.class.name == \"x\")"),
                        "class.name", "forbidden"),
                arguments("class property by key", condition("Unit(this[\"class\"] != null)"), "\"class\"",
                        "forbidden"),
                arguments("eval", condition("eval(System.getenv(\"HOME\") != null)"), "System", "forbidden"),
                arguments("from", condition("$home : String() from System.getProperty(\"user.home\")"), "System",
                        "forbidden"),
                arguments("inline accumulate", condition("$n : Number() from accumulate(Unit(), init(int c = 0;),"
                        + " action(Runtime.getRuntime().exec(\"x\");), result(c))"), "Runtime", "forbidden"),
                arguments("while loop", consequence("while (true) { }"), "while", "loops are not allowed"),
                arguments("counting for loop", consequence("for (int i = 0; ; i++) { }"), "for (int",
                        "loops are not allowed"),
                arguments("do loop", consequence("do { } while (true);"), "do {", "loops are not allowed"),
                arguments("anonymous class", consequence("Object o = new Object() { };"), "new Object",
                        "anonymous classes"),
                arguments("session through drools", consequence("drools.getKieRuntime().halt();"), "drools.get",
                        "may only be passed to Verdict"),
                arguments("drools handed to a helper", consequence("Object d = java.util.List.of(drools);"),
                        "drools)", "may only be passed to Verdict"),
                arguments("synchronized", consequence("synchronized ($unit) { }"), "synchronized", "forbidden"),
                arguments("unicode escape closing a string",
                        consequence("String s = \"\\u0022; System.exit(0); //\";"), "\\u0022", "unicode escapes"),
                arguments("unicode escape ending a comment", consequence("// \\u000a Runtime.getRuntime();"),
                        "\\u000a", "unicode escapes"),
                arguments("after a quote in a char literal", consequence("char q = '\"'; System.exit(0); // \""),
                        "System", "forbidden"),
                arguments("global", afterPackage("global java.util.List results;\n", consequence("int x = 1;")), "global",
                        "globals are not allowed"),
                arguments("the evaluation under another name", afterPackage("global Evaluation ctx;\n",
                        consequence("int x = 1;")), "global", "globals are not allowed"),
                arguments("another type named evaluation", afterPackage("global java.util.List evaluation;\n",
                        consequence("int x = 1;")), "global", "globals are not allowed"),
                arguments("import", afterPackage("import java.io.File;\n", consequence("int x = 1;")), "java.io.File",
                        "`java.io.File` is not on the rules' allow-list"),
                arguments("import of a package", afterPackage("import java.lang.reflect.*;\n", consequence("int x = 1;")),
                        "java.lang.reflect", "is not on the rules' allow-list"),
                arguments("import function", afterPackage("import function java.lang.System.exit;\n", consequence("exit(0);")),
                        "java.lang.System", "`java.lang.System` is not on the rules' allow-list"),
                arguments("declared function", afterPackage("function void boom() {\n    System.exit(0);\n}\n",
                        consequence("boom();")), "System", "forbidden"),
                arguments("recursive function", afterPackage("function int f(int n) {\n    return n == 0 ? 0 : g(n - 1);\n}\n"
                        + "function int g(int n) {\n    return f(n);\n}\n", consequence("int x = f(3);")),
                        "function int f", "calls itself through f -> g -> f"),
                arguments("mvel dialect", RuleFolder.HEADER + """
                        rule "S-03 mvel"
                            dialect "mvel"
                        when
                            $unit : Unit()
                        then
                            x = 1;
                        end
                        """, "\"mvel\"", "dialect \"mvel\" is not allowed"),
                arguments("a class of the engine", consequence("Object o = new ComplianceReport(null, null, null,"
                        + " null, null, null, null);"), "ComplianceReport", "is not on the rules' allow-list"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbidden")
    void aForbiddenRouteIsALoadErrorAtItsPlace(String route, String drl, String marker, String message) {
        RuleFolder folder = new RuleFolder(temp).write("probe.drl", drl);
        int offset = drl.indexOf(marker);
        assertThat(offset).as("marker %s", marker).isNotNegative();
        String before = drl.substring(0, offset);
        String location = folder.file("probe.drl") + ":" + (before.chars().filter(c -> c == '\n').count() + 1) + ":"
                + (offset - before.lastIndexOf('\n')) + ": error: ";

        List<String> errors = folder.errors();

        assertThat(errors).as(route).anySatisfy(e -> assertThat(e).startsWith(location).contains(message));
    }

    @Test
    void aRulePackageMayNotBeAJdkOrEnginePackage() {
        RuleFolder folder = new RuleFolder(temp).write("probe.drl", consequence("int x = 1;")
                .replace("package io.directiverules.analyst;", "package io.directiverules.core.internal;"));

        assertThat(folder.errors()).anySatisfy(e -> assertThat(e).startsWith(folder.file("probe.drl") + ":1:1: error:")
                .contains("package `io.directiverules.core.internal` is not allowed"));
    }

    @Test
    void forbiddenCodeNeverReachesDrools() {
        // The type error would be a Drools error; only the sandbox's error is reported, so Drools did not compile.
        RuleFolder folder = new RuleFolder(temp).write("probe.drl", consequence("int bad = \"x\"; System.exit(0);"));

        assertThat(folder.errors()).isNotEmpty().allSatisfy(e -> assertThat(e).contains("is forbidden in rules"))
                .anySatisfy(e -> assertThat(e).contains("`System` is forbidden"));
    }

    @Test
    void theEvaluationGlobalIsSetByTheEngineInEvaluationsAndSessions() {
        ComplianceEngine engine = new RuleFolder(temp).write("global.drl", RuleFolder.HEADER + """
                global io.directiverules.core.rule.Evaluation evaluation;

                rule "G-01 Unit judged on the evaluation date"
                    @ruleId("G-01") @severity("LOW") @legalBasis("Analyst §1")
                when
                    $unit : Unit(name.length() > 0, evaluation.asOf.year > 2000)
                then
                    insert(Verdict.violation(drools).unit($unit.id()).detail("asOf", evaluation.asOf()).build());
                end
                """).build();
        int units = TestModule.facts().units().size();

        ComplianceReport report = engine.evaluate(TestModule.facts(), TestModule.AS_OF);
        try (IncrementalSession session = engine.openSession(TestModule.facts(), TestModule.AS_OF, Language.EN)) {
            assertThat(session.report().violationsOf("G-01")).isEqualTo(report.violationsOf("G-01"));
        }

        assertThat(report.violationsOf("G-01")).hasSize(units)
                .allSatisfy(v -> assertThat(v.details().get("asOf")).isEqualTo(TestModule.AS_OF));
    }

    @Test
    void whatTheAllowListCoversLoadsAndRuns() {
        String drl = """
                package io.directiverules.analyst;
                import java.math.BigDecimal;
                import java.time.LocalDate;
                import java.time.temporal.ChronoUnit;
                import java.util.ArrayList;
                import java.util.List;
                import java.util.Map;
                import java.util.Optional;
                import java.util.stream.Collectors;
                import io.directiverules.core.Actor;
                import io.directiverules.core.Violation;
                import io.directiverules.core.model.*;
                import io.directiverules.core.rule.Evaluation;
                import io.directiverules.core.rule.Shares;
                import io.directiverules.core.rule.Verdict;

                declare Named
                    unitId : String
                    label : String
                end

                function String describe(Unit unit) {
                    return upper(unit.name()) + " (" + unit.kind() + ")";
                }

                function String upper(String text) {
                    return text.toUpperCase();
                }

                rule "Derive labels"
                when
                    $unit : Unit(kind != UnitKind.DIVISION, name.length() > 0)
                    $names : java.util.List() from collect(Unit(parentId == null))
                    $count : Number(intValue >= 0) from accumulate(Unit(), count(1))
                then
                    List<String> parts = new ArrayList<>();
                    for (Object other : $names) {
                        parts.add(((Unit) other).id());
                    }
                    String joined = parts.stream().sorted().collect(Collectors.joining(","));
                    long days = ChronoUnit.DAYS.between(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1));
                    BigDecimal share = Shares.ratio(Math.max(days, 1), 31);
                    Optional<String> head = Optional.ofNullable($unit.headId());
                    Map.Entry<String, Integer> entry = Map.entry(joined, $count.intValue());
                    insert(new Named($unit.id(), String.format("%s %s %s", describe($unit), share, entry.getKey())
                            + head.orElse("")));
                end

                rule "A-02 Unit labelled"
                    @ruleId("A-02") @severity("LOW") @legalBasis("Analyst §2")
                when
                    $named : Named(label.startsWith("UNIT ONE"))
                then
                    insert(Verdict.violation(drools).unit($named.getUnitId()).detail("label", $named.getLabel())
                            .build());
                end
                """;
        ComplianceEngine engine = new RuleFolder(temp).write("allowed.drl", drl).build();

        ComplianceReport report = engine.evaluate(TestModule.facts(), TestModule.AS_OF);

        assertThat(report.violationsOf("A-02")).singleElement().satisfies(v -> assertThat(v.details().get("label"))
                .asString().isEqualTo("UNIT ONE (DEPARTMENT) 1.0000 U1,U2"));
    }
}
