package io.directiverules.core.io;

import io.directiverules.core.ComplianceReport;
import io.directiverules.core.Language;
import io.directiverules.core.RequiredAction;
import io.directiverules.core.Violation;

/** Writes a report as a self-contained HTML page (no scripts, no external resources). */
public final class ReportHtmlWriter {
    private ReportHtmlWriter() {
    }

    /** The report as an HTML document. */
    public static String toHtml(ComplianceReport report) {
        boolean vi = report.language() == Language.VI;
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"").append(report.language().code()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<title>").append(vi ? "Báo cáo tuân thủ " : "Compliance report ")
                .append(report.asOf()).append("</title>\n<style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;"
                        + "vertical-align:top}th{background:#eee}.CRITICAL,.HIGH{color:#a00}</style>\n</head>\n<body>\n")
                .append("<h1>").append(vi ? "Báo cáo tuân thủ, tính đến ngày " : "Compliance report as of ")
                .append(report.asOf()).append("</h1>\n<p>").append(escape(report.ruleSet().fingerprint()))
                .append("</p>\n<p>").append(vi ? "Vi phạm: " : "Violations: ").append(report.summary().violations())
                .append(" · ").append(vi ? "Việc cần làm: " : "Actions: ").append(report.summary().actions())
                .append("</p>\n<table>\n<tr><th>").append(vi ? "Mức" : "Severity").append("</th><th>")
                .append(vi ? "Quy tắc" : "Rule").append("</th><th>").append(vi ? "Đơn vị" : "Unit")
                .append("</th><th>").append(vi ? "Nội dung" : "Message").append("</th><th>")
                .append(vi ? "Căn cứ" : "Legal basis").append("</th></tr>\n");
        for (Violation v : report.violations()) {
            out.append("<tr class=\"").append(v.severity()).append("\"><td>").append(v.severity()).append("</td><td>")
                    .append(escape(v.rule())).append("<br>").append(escape(v.title())).append("</td><td>")
                    .append(escape(v.unitId())).append("</td><td>").append(escape(v.message())).append("</td><td>")
                    .append(escape(String.join("; ", v.legalBasis()))).append("</td></tr>\n");
        }
        out.append("</table>\n<h2>").append(vi ? "Việc cần làm" : "Required actions").append("</h2>\n<ul>\n");
        for (RequiredAction a : report.actions()) {
            out.append("<li>").append(a.dueOn()).append(" <b>").append(escape(a.code())).append("</b> ")
                    .append(escape(a.description())).append("</li>\n");
        }
        out.append("</ul>\n</body>\n</html>\n");
        return out.toString();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
