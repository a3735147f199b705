package io.directiverules.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.directiverules.core.ComplianceEngine;
import io.directiverules.core.RuleInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code directive-rules rules}: lists every loaded rule that emits violations. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Lists every loaded rule: id, severity, title, legal basis, source file and line.")
final class RulesCommand implements Callable<Integer> {

    /** Listing formats. */
    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    EngineOptions engineOptions = new EngineOptions();

    @Option(names = "--format", defaultValue = "text", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--all", description = "Also list helper rules (derivations and actions) that emit no violation.")
    boolean all;

    @Override
    public Integer call() throws Exception {
        ComplianceEngine engine = engineOptions.build();
        PrintWriter out = spec.commandLine().getOut();
        var rules = engine.rules().stream().filter(r -> all || r.ruleId() != null).toList();
        if (format == Format.json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode list = mapper.createArrayNode();
            for (RuleInfo rule : rules) {
                ObjectNode node = list.addObject();
                node.put("id", rule.ruleId());
                node.put("name", rule.name());
                node.put("severity", rule.severity() == null ? null : rule.severity().name());
                node.put("title", rule.title());
                ArrayNode basis = node.putArray("legalBasis");
                rule.legalBasis().forEach(basis::add);
                node.put("file", rule.file());
                node.put("line", rule.line());
            }
            out.println(mapper.writeValueAsString(list));
        } else {
            for (RuleInfo rule : rules) {
                out.printf("%-12s %-8s %-45s %-28s %s:%d%n", rule.ruleId() == null ? "-" : rule.ruleId(),
                        rule.severity() == null ? "-" : rule.severity(), rule.title(),
                        String.join("; ", rule.legalBasis()), rule.file(), rule.line());
            }
            out.println(rules.size() + " rules");
        }
        out.flush();
        return DirectiveRulesCommand.OK;
    }
}
