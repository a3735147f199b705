package io.directiverules.core.io;

import io.directiverules.core.ComplianceReport;
import io.directiverules.core.Language;
import io.directiverules.core.RequiredAction;
import io.directiverules.core.Severity;
import io.directiverules.core.Violation;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a report as a readable summary for a terminal, grouped by unit, in the report's language. */
public final class ReportTextWriter {
    private ReportTextWriter() {
    }

    /** The report as text; with {@code explain} each violation also shows its evidence and id. */
    public static String toText(ComplianceReport report, boolean explain) {
        StringWriter buffer = new StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        boolean vi = report.language() == Language.VI;
        out.println((vi ? "Báo cáo tuân thủ, tính đến ngày " : "Compliance report as of ") + date(report.asOf(), vi));
        out.println((vi ? "Bộ quy tắc: " : "Rule set: ") + report.ruleSet().modules().stream()
                .map(m -> m.name() + " " + m.version()).collect(Collectors.joining(", "))
                + "  (" + shortFingerprint(report.ruleSet().fingerprint()) + ")");
        String bySeverity = report.summary().bySeverity().entrySet().stream()
                .map(e -> severity(e.getKey(), vi) + " " + e.getValue()).collect(Collectors.joining(", "));
        out.printf("%s %d (%s)   %s %d   %s %d/%d%n", vi ? "Vi phạm:" : "Violations:", report.summary().violations(),
                bySeverity, vi ? "Việc cần làm:" : "Actions:", report.summary().actions(),
                vi ? "Đơn vị có vi phạm:" : "Units with violations:", report.summary().unitsWithViolations(),
                report.summary().units());
        if (report.violations().isEmpty()) {
            out.println();
            out.println(vi ? "Không có vi phạm." : "No violations.");
        }
        Map<String, List<Violation>> byUnit = report.violations().stream()
                .collect(Collectors.groupingBy(Violation::unitId, LinkedHashMap::new, Collectors.toList()));
        byUnit.forEach((unit, violations) -> {
            out.println();
            out.println(unit);
            for (Violation v : violations) {
                out.printf("  %-12s %-12s %s%n", severity(v.severity(), vi), v.rule(), v.title());
                out.printf("  %-12s %-12s %s%n", "", "", v.message());
                if (explain) {
                    out.printf("  %-12s %-12s %s%s%n", "", "", String.join("; ", v.legalBasis()),
                            v.dueOn() == null ? "" : (vi ? " · hạn " : " · due ") + date(v.dueOn(), vi));
                    out.printf("  %-12s %-12s %s %s · %s%n", "", "", vi ? "dữ kiện:" : "evidence:",
                            v.evidence().stream().map(e -> e.type() + " " + e.id()).collect(Collectors.joining(", ")),
                            v.id());
                }
            }
        });
        if (!report.actions().isEmpty()) {
            out.println();
            out.println(vi ? "Việc cần làm" : "Required actions");
            for (RequiredAction a : report.actions()) {
                out.printf("  %s  %-27s %s%n", date(a.dueOn(), vi), a.code(), a.description());
            }
        }
        if (!report.notes().isEmpty()) {
            out.println();
            report.notes().forEach(n -> out.println((vi ? "Ghi chú: " : "Note: ") + n));
        }
        out.flush();
        return buffer.toString();
    }

    /** Severities as an inspector reads them in Vietnamese. */
    private static String severity(Severity severity, boolean vi) {
        if (!vi) {
            return severity.name();
        }
        return switch (severity) {
            case LOW -> "THẤP";
            case MEDIUM -> "TRUNG BÌNH";
            case HIGH -> "CAO";
            case CRITICAL -> "NGHIÊM TRỌNG";
        };
    }

    private static String date(java.time.LocalDate day, boolean vi) {
        return vi ? java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(day) : day.toString();
    }

    private static String shortFingerprint(String fingerprint) {
        return fingerprint.length() > 19 ? fingerprint.substring(0, 19) + "…" : fingerprint;
    }

    /** Whether any violation is at or above {@code threshold}. */
    public static boolean anyAtLeast(ComplianceReport report, Severity threshold) {
        return report.violations().stream().anyMatch(v -> v.severity().atLeast(threshold));
    }
}
