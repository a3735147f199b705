package io.directiverules.core.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogicalInsertsTest {

    @Test
    void makesTheInsertsOfConsequencesLogicalAndLeavesTheRestAlone() {
        String drl = """
                rule "R insert(in a name)"
                when
                    $x : Thing(insert == 1)
                then
                    insert(new A());
                    drools.insert(new B()); list.insert(3); insertLogical(new C());
                end
                rule "S" when Thing() then insert(new D()); end
                """;
        String rewritten = LogicalInserts.rewrite(drl);
        assertThat(rewritten).contains("rule \"R insert(in a name)\"", "$x : Thing(insert == 1)",
                "    insertLogical(new A());", "drools.insertLogical(new B());", "list.insert(3);",
                "insertLogical(new C());", "then insertLogical(new D()); end");
        assertThat(rewritten.lines().count()).isEqualTo(drl.lines().count());
    }
}
