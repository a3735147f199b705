package io.directiverules.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The text of one DRL file as tokens with their offsets, and offsets turned into lines and columns. The
 * sandbox and the lint read every token of the file (imports, functions, conditions, consequences, metadata),
 * so no part of it escapes them because the parser filed it somewhere unexpected.
 *
 * <p>Comments are skipped and string literals kept as one token. When in doubt the tokenizer keeps text as
 * code rather than hiding it: a check then sees too much, never too little.
 */
final class DrlText {
    /** What a token is. */
    enum Kind { IDENTIFIER, NUMBER, STRING, SYMBOL }

    /**
     * One token.
     *
     * @param kind its kind
     * @param text the identifier, number, symbol, or a string's content without its quotes
     * @param offset where it starts in the file
     */
    record Token(Kind kind, String text, int offset) {
        boolean is(String symbolOrWord) {
            return (kind == Kind.SYMBOL || kind == Kind.IDENTIFIER) && text.equals(symbolOrWord);
        }
    }

    private final String source;
    private final int[] lineStarts;
    private final List<Token> tokens;

    DrlText(String source) {
        this.source = source;
        this.lineStarts = lineStarts(source);
        this.tokens = List.copyOf(tokenize(source));
    }

    String source() {
        return source;
    }

    List<Token> tokens() {
        return tokens;
    }

    /** The 1-based line of {@code offset}. */
    int line(int offset) {
        int index = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, source.length())));
        return (index >= 0 ? index : -index - 2) + 1;
    }

    /** The 1-based column of {@code offset}. */
    int column(int offset) {
        int clamped = Math.max(0, Math.min(offset, source.length()));
        return clamped - lineStarts[line(clamped) - 1] + 1;
    }

    /** The offset of 1-based {@code line} and 1-based {@code column}, clamped to the file. */
    int offset(int line, int column) {
        if (line < 1) {
            return 0;
        }
        if (line > lineStarts.length) {
            return source.length();
        }
        return Math.min(source.length(), lineStarts[line - 1] + Math.max(0, column - 1));
    }

    /** The text of 1-based {@code line}, without its line break. */
    String lineText(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : source.length();
        String text = source.substring(start, Math.max(start, end));
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** The index of the first token at or after {@code offset}. */
    int tokenAt(int offset) {
        int low = 0;
        int high = tokens.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (tokens.get(mid).offset() < offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static int[] lineStarts(String source) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<Token> tokenize(String s) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '"' && s.startsWith("\"\"\"", i)) {
                int end = closing(s, i + 3, "\"\"\"");
                tokens.add(new Token(Kind.STRING, s.substring(i + 3, Math.min(end, n)), i));
                i = Math.min(n, end + 3);
            } else if (c == '"' || c == '\'') {
                int end = closing(s, i + 1, String.valueOf(c));
                tokens.add(new Token(Kind.STRING, s.substring(i + 1, Math.min(end, n)), i));
                i = Math.min(n, end + 1);
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.IDENTIFIER, s.substring(start, i), start));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                int start = i;
                boolean hex = c == '0' && i + 1 < n && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X');
                while (i < n) {
                    char d = s.charAt(i);
                    char previous = s.charAt(i - 1 < start ? start : i - 1);
                    if (Character.isLetterOrDigit(d) || d == '_' || (d == '.' && !(i + 1 < n && s.charAt(i + 1) == '.'))
                            || ((d == '+' || d == '-') && !hex && i > start && (previous == 'e' || previous == 'E'))) {
                        i++;
                    } else {
                        break;
                    }
                }
                tokens.add(new Token(Kind.NUMBER, s.substring(start, i), start));
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
                i++;
            }
        }
        return tokens;
    }

    /** The offset of the unescaped {@code quote} that closes a literal opened before {@code from}. */
    private static int closing(String s, int from, String quote) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) == '\\') {
                i += 2;
            } else if (s.startsWith(quote, i)) {
                return i;
            } else {
                i++;
            }
        }
        return s.length();
    }
}
