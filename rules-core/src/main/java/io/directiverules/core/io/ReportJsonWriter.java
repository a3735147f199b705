package io.directiverules.core.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.directiverules.core.ComplianceReport;
import io.directiverules.core.Evidence;
import io.directiverules.core.ModuleInfo;
import io.directiverules.core.RequiredAction;
import io.directiverules.core.Violation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;

/** Writes a report as the JSON document facts-format.md ("Report format") describes. */
public final class ReportJsonWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ReportJsonWriter() {
    }

    /** Writes {@code report} to {@code out} (left open), UTF-8, indented. */
    public static void write(ComplianceReport report, OutputStream out) {
        try {
            MAPPER.writeValue(out, toTree(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report", e);
        }
    }

    /** The report as a JSON string. */
    public static String toJson(ComplianceReport report) {
        try {
            return MAPPER.writeValueAsString(toTree(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report", e);
        }
    }

    /** The report as a JSON tree, fields in the documented order; absent values are left out. */
    public static ObjectNode toTree(ComplianceReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("asOf", report.asOf().toString());
        root.put("language", report.language().code());
        ObjectNode ruleSet = root.putObject("ruleSet");
        ArrayNode modules = ruleSet.putArray("modules");
        for (ModuleInfo module : report.ruleSet().modules()) {
            modules.addObject().put("name", module.name()).put("version", module.version());
        }
        ruleSet.put("fingerprint", report.ruleSet().fingerprint());
        ObjectNode summary = root.putObject("summary");
        summary.put("violations", report.summary().violations());
        summary.put("actions", report.summary().actions());
        ObjectNode bySeverity = summary.putObject("bySeverity");
        report.summary().bySeverity().forEach((severity, count) -> bySeverity.put(severity.name(), count));
        summary.put("units", report.summary().units());
        summary.put("unitsWithViolations", report.summary().unitsWithViolations());
        ArrayNode violations = root.putArray("violations");
        report.violations().forEach(v -> violations.add(violation(v)));
        ArrayNode actions = root.putArray("actions");
        report.actions().forEach(a -> actions.add(action(a)));
        ArrayNode notes = root.putArray("notes");
        report.notes().forEach(notes::add);
        return root;
    }

    private static ObjectNode violation(Violation v) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", v.id());
        node.put("rule", v.rule());
        node.put("severity", v.severity().name());
        node.put("unitId", v.unitId());
        putIfPresent(node, "subjectId", v.subjectId());
        node.put("title", v.title());
        node.put("message", v.message());
        ArrayNode basis = node.putArray("legalBasis");
        v.legalBasis().forEach(basis::add);
        if (v.dueOn() != null) {
            node.put("dueOn", v.dueOn().toString());
        }
        if (!v.details().isEmpty()) {
            details(node.putObject("details"), v.details());
        }
        ArrayNode evidence = node.putArray("evidence");
        for (Evidence e : v.evidence()) {
            evidence.addObject().put("type", e.type()).put("id", e.id());
        }
        return node;
    }

    private static ObjectNode action(RequiredAction a) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", a.id());
        node.put("code", a.code());
        node.put("actor", a.actor().name());
        putIfPresent(node, "actorId", a.actorId());
        node.put("unitId", a.unitId());
        node.put("dueOn", a.dueOn().toString());
        ArrayNode because = node.putArray("because");
        a.because().forEach(because::add);
        node.put("description", a.description());
        if (!a.details().isEmpty()) {
            details(node.putObject("details"), a.details());
        }
        return node;
    }

    private static void details(ObjectNode node, Map<String, Object> details) {
        details.forEach((key, value) -> {
            if (value instanceof Integer i) {
                node.put(key, i);
            } else if (value instanceof Long l) {
                node.put(key, l);
            } else if (value instanceof BigDecimal d) {
                node.put(key, d);
            } else if (value != null) {
                node.put(key, value.toString());
            }
        });
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
