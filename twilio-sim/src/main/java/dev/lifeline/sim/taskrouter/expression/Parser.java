package dev.lifeline.sim.taskrouter.expression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Recursive-descent parser over the grammar (keywords case-insensitive):
 *
 * <pre>
 * expression := anyOf END
 * anyOf      := allOf (("OR" | "||") allOf)*
 * allOf      := condition (("AND" | "&&") condition)*
 * condition  := ("NOT" | "!") condition | "(" anyOf ")" | operand operator operand
 * operator   := "==" | "=" | "!=" | "<" | ">" | "<=" | ">=" | "HAS" | "CONTAINS" | "IN" | "NOT" "IN"
 * operand    := name | constant
 * constant   := string | number | "true" | "false" | "null" | "[" (constant ("," constant)*)? "]"
 * </pre>
 */
final class Parser {

    /** Deep enough for any real routing rule; shallow enough that recursion can never blow the stack. */
    private static final int MAX_NESTING = 64;

    private final List<Token> tokens;
    private int pos;
    private int depth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Node parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ExpressionSyntaxException("empty expression");
        }
        Parser parser = new Parser(Lexer.tokenize(text));
        Node root = parser.anyOf();
        Token trailing = parser.peek();
        if (trailing.type() != TokenType.END) {
            throw parser.unexpected(trailing);
        }
        return root;
    }

    private Node anyOf() {
        List<Node> alternatives = new ArrayList<>();
        alternatives.add(allOf());
        while (peek().type() == TokenType.OR) {
            Token or = advance();
            requireConditionAfter(or);
            alternatives.add(allOf());
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new Node.AnyOf(alternatives);
    }

    private Node allOf() {
        List<Node> conditions = new ArrayList<>();
        conditions.add(condition());
        while (peek().type() == TokenType.AND) {
            Token and = advance();
            requireConditionAfter(and);
            conditions.add(condition());
        }
        return conditions.size() == 1 ? conditions.get(0) : new Node.AllOf(conditions);
    }

    private Node condition() {
        enter();
        try {
            Token token = peek();
            if (token.type() == TokenType.NOT) {
                advance();
                requireConditionAfter(token);
                return new Node.Not(condition());
            }
            if (token.type() == TokenType.LPAREN) {
                advance();
                requireConditionAfter(token);
                Node inner = anyOf();
                if (peek().type() != TokenType.RPAREN) {
                    throw closingExpected(token, peek());
                }
                advance();
                return inner;
            }
            return comparison();
        } finally {
            depth--;
        }
    }

    private Node comparison() {
        Operand left = operand();
        Token leftToken = tokens.get(pos - 1);
        Operator operator = operator(leftToken);
        Token operatorToken = tokens.get(pos - 1);
        if (peek().type() == TokenType.END) {
            throw error("expected a value after " + operatorToken.describe(), peek());
        }
        return new Node.Comparison(left, operator, operand());
    }

    private Operator operator(Token after) {
        Token token = advance();
        return switch (token.type()) {
            case EQ -> Operator.EQUALS;
            case NE -> Operator.NOT_EQUALS;
            case LT -> Operator.LESS_THAN;
            case GT -> Operator.GREATER_THAN;
            case LE -> Operator.LESS_OR_EQUAL;
            case GE -> Operator.GREATER_OR_EQUAL;
            case HAS -> Operator.HAS;
            case CONTAINS -> Operator.CONTAINS;
            case IN -> Operator.IN;
            case NOT -> {
                if (peek().type() != TokenType.IN) {
                    throw error("expected 'IN' after " + token.describe(), peek());
                }
                advance();
                yield Operator.NOT_IN;
            }
            default -> throw error("expected an operator after " + after.describe(), token);
        };
    }

    private Operand operand() {
        Token token = peek();
        if (token.type() == TokenType.NAME) {
            advance();
            return new Operand.Attribute((AttributePath) token.value());
        }
        return new Operand.Constant(constant());
    }

    private Object constant() {
        Token token = advance();
        return switch (token.type()) {
            case STRING, NUMBER -> token.value();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case LBRACKET -> list(token);
            default -> throw unexpected(token);
        };
    }

    private List<Object> list(Token open) {
        enter();
        try {
            List<Object> elements = new ArrayList<>();
            if (peek().type() == TokenType.RBRACKET) {
                advance();
                return Collections.unmodifiableList(elements);
            }
            while (true) {
                if (peek().type() == TokenType.END) {
                    throw closingExpected(open, peek());
                }
                elements.add(constant());
                Token separator = peek();
                if (separator.type() == TokenType.RBRACKET) {
                    advance();
                    return Collections.unmodifiableList(elements);
                }
                if (separator.type() != TokenType.COMMA) {
                    throw closingExpected(open, separator);
                }
                advance();
            }
        } finally {
            depth--;
        }
    }

    private void requireConditionAfter(Token keyword) {
        if (peek().type() == TokenType.END) {
            throw error("expected a condition after " + keyword.describe(), peek());
        }
    }

    private void enter() {
        if (++depth > MAX_NESTING) {
            throw error("expression nested too deeply", peek());
        }
    }

    private ExpressionSyntaxException closingExpected(Token open, Token found) {
        if (found.type() == TokenType.END) {
            return error("unclosed " + open.describe(), open);
        }
        String closing = open.type() == TokenType.LPAREN ? "')'" : "',' or ']'";
        return error("expected " + closing + " but found " + found.describe(), found);
    }

    private ExpressionSyntaxException unexpected(Token token) {
        return error("unexpected token " + token.describe(), token);
    }

    private static ExpressionSyntaxException error(String problem, Token at) {
        return new ExpressionSyntaxException(problem + " at column " + at.column());
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token advance() {
        Token token = tokens.get(pos);
        if (token.type() != TokenType.END) {
            pos++;
        }
        return token;
    }
}
