package dev.lifeline.sim.taskrouter.expression;

/**
 * One lexeme.
 *
 * @param text   the exact source text (quotes included for strings), used in error messages
 * @param value  the decoded value: the unescaped {@code String}, the {@code BigDecimal}, or the
 *               {@link AttributePath} of a name; {@code null} for everything else
 * @param column 1-based column of the first character
 */
record Token(TokenType type, String text, Object value, int column) {

    /** How the token is named in an error message. */
    String describe() {
        return type == TokenType.END ? "end of expression" : "'" + text + "'";
    }
}
