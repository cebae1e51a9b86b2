package dev.lifeline.sim.taskrouter.expression;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionSyntaxErrorTest {

    private static void assertRejected(String expression, String message) {
        assertThatThrownBy(() -> Expression.parse(expression))
                .isInstanceOf(ExpressionSyntaxException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void blankTextIsAnEmptyExpression(String expression) {
        assertRejected(expression, "empty expression");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " -> ", value = {
            "(a == 1 -> unclosed '(' at column 1",
            "((a == 1) OR (b == 2) -> unclosed '(' at column 1",
            "a == 1 AND (b == 2 -> unclosed '(' at column 12",
            "(a == 1 b -> expected ')' but found 'b' at column 9",
            "a == 1) -> unexpected token ')' at column 7",
            "(a == 1) OR b == 2) -> unexpected token ')' at column 19",
            "() -> unexpected token ')' at column 2",
            "a IN ['x', 'y' -> unclosed '[' at column 6",
            "a IN ['x' 'y'] -> expected ',' or ']' but found ''y'' at column 11",
            "a IN ['x',] -> unexpected token ']' at column 11",
    })
    void unbalancedParenthesesAndBracketsAreReportedWhereTheyOpenOrBreak(String expression, String message) {
        assertRejected(expression, message);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " -> ", value = {
            "a == -> expected a value after '==' at column 5",
            "a IN -> expected a value after 'IN' at column 5",
            "a == 1 AND -> expected a condition after 'AND' at column 11",
            "a == 1 || -> expected a condition after '||' at column 10",
            "NOT -> expected a condition after 'NOT' at column 4",
            "AND a == 1 -> unexpected token 'AND' at column 1",
            "== 1 -> unexpected token '==' at column 1",
            "a == == 1 -> unexpected token '==' at column 6",
            "a == 1 AND OR b == 2 -> unexpected token 'OR' at column 12",
            "a == 1 b == 2 -> unexpected token 'b' at column 8",
    })
    void danglingAndMisplacedOperatorsAreReported(String expression, String message) {
        assertRejected(expression, message);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " -> ", value = {
            "skills -> expected an operator after 'skills' at column 7",
            "skills 'sales' -> expected an operator after 'skills' at column 8",
            "(skills) HAS 'x' -> expected an operator after 'skills' at column 8",
            "true -> expected an operator after 'true' at column 5",
            "a NOT 'x' -> expected 'IN' after 'NOT' at column 7",
            "a IS null -> expected an operator after 'a' at column 3",
    })
    void aComparisonWithoutAnOperatorIsReported(String expression, String message) {
        assertRejected(expression, message);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " -> ", value = {
            "a == 'abc -> unterminated string starting at column 6",
            "a == \"abc -> unterminated string starting at column 6",
            "a == 'abc\" -> unterminated string starting at column 6",
            "a == 'ab\\ -> unterminated string starting at column 6",
            "a == 'a\\qb' -> unknown escape '\\q' in string at column 8",
            "a == '\\u12' -> incomplete unicode escape in string at column 7",
    })
    void badStringsAreReported(String expression, String message) {
        assertRejected(expression, message);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " -> ", value = {
            "a == 1 # comment -> unexpected character '#' at column 8",
            "a-b == 1 -> unexpected character '-' at column 2",
            "a == 1 & b == 2 -> unexpected character '&' at column 8",
            "a == 1 | b == 2 -> unexpected character '|' at column 8",
            "a == 1. -> expected a digit after '.' at column 8",
            "a. == 1 -> expected a name after '.' at column 3",
            "a[x] == 1 -> expected an array index like [0] at column 2",
            "a[-1] == 1 -> expected an array index like [0] at column 2",
            "a == 😀 -> unexpected character '😀' at column 6",
    })
    void unknownCharactersAndMalformedTokensAreReported(String expression, String message) {
        assertRejected(expression, message);
    }

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {65, 10_000})
    void absurdNestingIsRejectedInsteadOfOverflowingTheStack(int depth) {
        String expression = "(".repeat(depth) + "1 == 1" + ")".repeat(depth);

        assertThatThrownBy(() -> Expression.parse(expression))
                .isInstanceOf(ExpressionSyntaxException.class)
                .hasMessageStartingWith("expression nested too deeply at column ");
    }
}
