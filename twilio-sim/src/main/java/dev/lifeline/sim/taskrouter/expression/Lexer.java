package dev.lifeline.sim.taskrouter.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Splits expression text into {@link Token}s; columns in error messages are 1-based. */
final class Lexer {

    /** TaskRouter keywords are case-insensitive ({@code and}, {@code AND}, {@code Has}). */
    private static final Map<String, TokenType> KEYWORDS = Map.of(
            "AND", TokenType.AND,
            "OR", TokenType.OR,
            "NOT", TokenType.NOT,
            "IN", TokenType.IN,
            "HAS", TokenType.HAS,
            "CONTAINS", TokenType.CONTAINS,
            "TRUE", TokenType.TRUE,
            "FALSE", TokenType.FALSE,
            "NULL", TokenType.NULL);

    private final String text;
    private int pos;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) {
        return new Lexer(text).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (pos >= text.length()) {
                tokens.add(new Token(TokenType.END, "", null, pos + 1));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int start = pos;
        char c = text.charAt(pos);
        if (c == '"' || c == '\'') {
            return string(c);
        }
        if (isDigit(c) || (c == '-' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
            return number();
        }
        if (isNameStart(c)) {
            return nameOrKeyword();
        }
        String two = pos + 1 < text.length() ? text.substring(pos, pos + 2) : "";
        TokenType twoCharType = switch (two) {
            case "==" -> TokenType.EQ;
            case "!=" -> TokenType.NE;
            case "<=" -> TokenType.LE;
            case ">=" -> TokenType.GE;
            case "&&" -> TokenType.AND;
            case "||" -> TokenType.OR;
            default -> null;
        };
        if (twoCharType != null) {
            pos += 2;
            return new Token(twoCharType, two, null, start + 1);
        }
        TokenType oneCharType = switch (c) {
            case '=' -> TokenType.EQ;
            case '<' -> TokenType.LT;
            case '>' -> TokenType.GT;
            case '!' -> TokenType.NOT;
            case '(' -> TokenType.LPAREN;
            case ')' -> TokenType.RPAREN;
            case '[' -> TokenType.LBRACKET;
            case ']' -> TokenType.RBRACKET;
            case ',' -> TokenType.COMMA;
            default -> throw error("unexpected character " + quoteChar(start), start);
        };
        pos++;
        return new Token(oneCharType, String.valueOf(c), null, start + 1);
    }

    private Token string(char quote) {
        int start = pos;
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string", start, "starting at");
            }
            char c = text.charAt(pos);
            if (c == quote) {
                pos++;
                return new Token(TokenType.STRING, text.substring(start, pos), value.toString(), start + 1);
            }
            if (c == '\\') {
                value.append(escape(start));
            } else {
                value.append(c);
                pos++;
            }
        }
    }

    /** Decodes the escape at {@code pos} (which is on the backslash) and moves past it. */
    private char escape(int stringStart) {
        int start = pos;
        if (pos + 1 >= text.length()) {
            throw error("unterminated string", stringStart, "starting at");
        }
        char code = text.charAt(pos + 1);
        pos += 2;
        return switch (code) {
            case '"', '\'', '\\', '/' -> code;
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'u' -> unicodeEscape(start);
            default -> throw error("unknown escape '\\" + code + "' in string", start);
        };
    }

    private char unicodeEscape(int start) {
        if (pos + 4 > text.length()) {
            throw error("incomplete unicode escape in string", start);
        }
        int codeUnit = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos + i), 16);
            if (digit < 0) {
                throw error("incomplete unicode escape in string", start);
            }
            codeUnit = codeUnit * 16 + digit;
        }
        pos += 4;
        return (char) codeUnit;
    }

    private Token number() {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        skipDigits();
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            if (pos >= text.length() || !isDigit(text.charAt(pos))) {
                throw error("expected a digit after '.'", pos);
            }
            skipDigits();
        }
        String literal = text.substring(start, pos);
        return new Token(TokenType.NUMBER, literal, new BigDecimal(literal), start + 1);
    }

    /**
     * A keyword, or a key path: names separated by dots, each optionally followed by {@code [index]}
     * ("dot notation to reference sub-properties and square brackets to reference array indices").
     */
    private Token nameOrKeyword() {
        int start = pos;
        String first = name();
        TokenType keyword = KEYWORDS.get(first.toUpperCase(Locale.ROOT));
        if (keyword != null && !(pos < text.length() && text.charAt(pos) == '.')) {
            return new Token(keyword, first, null, start + 1);
        }
        List<Object> segments = new ArrayList<>();
        segments.add(first);
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '[') {
                segments.add(index());
            } else if (c == '.') {
                pos++;
                if (pos >= text.length() || !isNamePart(text.charAt(pos))) {
                    throw error("expected a name after '.'", pos);
                }
                segments.add(name());
            } else {
                break;
            }
        }
        return new Token(TokenType.NAME, text.substring(start, pos), AttributePath.of(segments), start + 1);
    }

    private String name() {
        int start = pos;
        while (pos < text.length() && isNamePart(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private Integer index() {
        int bracket = pos;
        pos++;
        int digitsStart = pos;
        skipDigits();
        if (pos == digitsStart || pos >= text.length() || text.charAt(pos) != ']') {
            throw error("expected an array index like [0]", bracket);
        }
        String digits = text.substring(digitsStart, pos);
        pos++;
        if (digits.length() > 9) {
            throw error("array index too large", bracket);
        }
        return Integer.valueOf(digits);
    }

    private void skipDigits() {
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private String quoteChar(int at) {
        return "'" + new String(Character.toChars(text.codePointAt(at))) + "'";
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    /** Twilio: "Hyphens are not supported in TaskRouter expressions", so keys are letters, digits, '_'. */
    private static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }

    private static ExpressionSyntaxException error(String problem, int index) {
        return error(problem, index, "at");
    }

    private static ExpressionSyntaxException error(String problem, int index, String preposition) {
        return new ExpressionSyntaxException(problem + " " + preposition + " column " + (index + 1));
    }
}
