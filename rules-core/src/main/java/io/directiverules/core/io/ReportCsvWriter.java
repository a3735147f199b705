package io.directiverules.core.io;

import io.directiverules.core.ComplianceReport;
import io.directiverules.core.Violation;

import java.util.stream.Collectors;

/** Writes a report's violations as CSV (RFC 4180), one row per violation, for spreadsheets. */
public final class ReportCsvWriter {
    private ReportCsvWriter() {
    }

    /** The violations as CSV text with a header row. */
    public static String toCsv(ComplianceReport report) {
        StringBuilder out = new StringBuilder(
                "id,rule,severity,unitId,subjectId,dueOn,title,message,legalBasis,details\r\n");
        for (Violation v : report.violations()) {
            out.append(String.join(",", cell(v.id()), cell(v.rule()), cell(v.severity().name()), cell(v.unitId()),
                    cell(v.subjectId()), cell(v.dueOn() == null ? null : v.dueOn().toString()), cell(v.title()),
                    cell(v.message()), cell(String.join("; ", v.legalBasis())),
                    cell(v.details().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")))))
                    .append("\r\n");
        }
        return out.toString();
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
