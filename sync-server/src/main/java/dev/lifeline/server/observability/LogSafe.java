package dev.lifeline.server.observability;

/**
 * Text a client chose (a sign-in name, an identity from a bad request), made fit for one log line: at most
 * {@value #MAX_CHARS} characters plus a note of how many were cut, and every control character, line or paragraph
 * separator and bidirectional override written as {@code \n} or {@code \\uXXXX}, so a name cannot start a forged
 * line of its own, reorder what a reader sees, or fill the disk.
 */
public final class LogSafe {

    public static final int MAX_CHARS = 64;

    private LogSafe() {
    }

    public static String text(String untrusted) {
        if (untrusted == null) {
            return "null";
        }
        int shown = Math.min(untrusted.length(), MAX_CHARS);
        if (shown < untrusted.length() && Character.isHighSurrogate(untrusted.charAt(shown - 1))) {
            shown--; // never cut a character in half
        }
        StringBuilder out = new StringBuilder(shown + 24);
        for (int i = 0; i < shown; i++) {
            char c = untrusted.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (needsEscape(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (untrusted.length() > shown) {
            out.append("…(+").append(untrusted.length() - shown).append(" chars)");
        }
        return out.toString();
    }

    private static boolean needsEscape(char c) {
        return Character.isISOControl(c)
                || c == '\u2028' || c == '\u2029'                 // line and paragraph separators
                || (c >= '\u202a' && c <= '\u202e')               // bidirectional embeddings and overrides
                || (c >= '\u2066' && c <= '\u2069');              // bidirectional isolates
    }
}
