package io.directiverules.core.internal;

import io.directiverules.core.RuleSource;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule set of a long-lived session: every {@code insert(...)} of a rule consequence becomes
 * {@code insertLogical(...)}, so that what a rule inserted (a derived fact, a violation, an action) is
 * withdrawn by the engine when the facts that justified it change. A one-shot evaluation gives the same
 * result either way; a session that changes facts needs it to stay equal to a fresh evaluation. Lines keep
 * their numbers, so diagnostics still point into the analyst's file.
 */
public final class LogicalInserts {
    /** The end of a rule: {@code end} closing the line (alone, or after a one-line consequence). */
    private static final Pattern END = Pattern.compile("(?<![\\w.$])end\\s*(//.*)?$");
    private static final Pattern INSERT = Pattern.compile("(?<![\\w.$])((?:drools\\s*\\.\\s*)?)insert(\\s*\\()");

    private LogicalInserts() {
    }

    /** The sources with their consequences' inserts made logical. */
    public static List<RuleSource> rewrite(List<RuleSource> sources) {
        return sources.stream().map(s -> new RuleSource(s.path(), rewrite(s.content()))).toList();
    }

    static String rewrite(String drl) {
        StringBuilder out = new StringBuilder(drl.length() + 256);
        boolean inConsequence = false;
        for (String line : drl.split("\n", -1)) {
            String rest = line;
            if (!inConsequence) {
                int then = wordOutsideQuotes(line, "then");
                if (then < 0) {
                    out.append(line).append('\n');
                    continue;
                }
                out.append(line, 0, then + 4);
                rest = line.substring(then + 4);
                inConsequence = true;
            }
            Matcher end = END.matcher(rest);
            if (end.find()) {
                out.append(INSERT.matcher(rest.substring(0, end.start())).replaceAll("$1insertLogical$2"))
                        .append(rest.substring(end.start()));
                inConsequence = false;
            } else {
                out.append(INSERT.matcher(rest).replaceAll("$1insertLogical$2"));
            }
            out.append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /** Where {@code word} first stands alone outside a quoted string, or -1. */
    private static int wordOutsideQuotes(String line, String word) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && line.startsWith(word, i)
                    && (i == 0 || !Character.isJavaIdentifierPart(line.charAt(i - 1)))
                    && (i + word.length() == line.length()
                        || !Character.isJavaIdentifierPart(line.charAt(i + word.length())))) {
                return i;
            }
        }
        return -1;
    }
}
