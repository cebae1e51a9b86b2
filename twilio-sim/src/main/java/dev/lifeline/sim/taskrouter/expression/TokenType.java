package dev.lifeline.sim.taskrouter.expression;

/** The kinds of lexeme in a TaskRouter expression. */
enum TokenType {
    NAME, STRING, NUMBER, TRUE, FALSE, NULL,
    AND, OR, NOT,
    EQ, NE, LT, GT, LE, GE, HAS, CONTAINS, IN,
    LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA,
    END
}
