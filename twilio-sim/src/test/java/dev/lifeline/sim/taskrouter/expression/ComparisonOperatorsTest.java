package dev.lifeline.sim.taskrouter.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparisonOperatorsTest {

    private static final Map<String, Object> WORKER = Map.of(
            "name", "alice",
            "level", 5,
            "rating", 4.5,
            "big", 10_000_000_000L,
            "exact", new BigDecimal("2.50"),
            "huge", BigInteger.valueOf(7),
            "vip", true,
            "skills", List.of("sales", "support", 3),
            "routing", Map.of("skills", List.of("sales", "billing"), "levels", Map.of("sales", 7)));

    private static boolean matches(String expression) {
        return Expression.parse(expression).matches(WORKER, Map.of(), Map.of());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "name == 'alice'        | true",
            "name == 'Alice'        | false",
            "name = 'alice'         | true",
            "name != 'bob'          | true",
            "name != 'alice'        | false",
            "level == 5             | true",
            "level == 5.0           | true",
            "level != 5             | false",
            "rating == 4.5          | true",
            "big == 10000000000     | true",
            "exact == 2.5           | true",
            "huge == 7              | true",
            "vip == true            | true",
            "vip == false           | false",
            "vip != false           | true",
            "routing.levels.sales == 7 | true",
    })
    void equalityComparesStringsExactlyAndNumbersByValue(String expression, boolean expected) {
        assertThat(matches(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "level > 4       | true",
            "level > 5       | false",
            "level >= 5      | true",
            "level < 5.01    | true",
            "level <= 4.99   | false",
            "rating > 4      | true",
            "rating < 4.51   | true",
            "big > level     | true",
            "exact >= 2.5    | true",
            "level > -1      | true",
            "-3 < -2         | true",
            "name > 'al'     | true",
            "name < 'bob'    | true",
            "name >= 'alice' | true",
            "'B' < 'a'       | true",
    })
    void orderingComparesNumbersAcrossTypesAndStringsLexically(String expression, boolean expected) {
        assertThat(matches(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is false")
    @CsvSource(delimiter = '|', value = {
            "name == 5",
            "level == '5'",
            "name > 1",
            "level < 'z'",
            "vip > false",
            "vip == 'true'",
            "skills > 1",
            "skills == 'sales'",
            "name HAS 'a'",
            "level IN 5",
            "level NOT IN 5",
            "level CONTAINS 5",
            "name CONTAINS 5",
            "missing < 1",
            "missing > 'a'",
    })
    void typeMismatchesAreFalseNotErrors(String expression) {
        assertThat(matches(expression)).isFalse();
    }

    @Test
    void notEqualsIsTheNegationOfEqualsEvenAcrossTypes() {
        assertThat(matches("name != 5")).isTrue();
        assertThat(matches("missing != 'x'")).isTrue();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "skills HAS 'sales'            | true",
            "skills HAS 'Sales'            | false",
            "skills HAS 3                  | true",
            "skills HAS 3.0                | true",
            "skills has 'support'          | true",
            "routing.skills HAS 'billing'  | true",
            "routing.skills HAS 'support'  | false",
            "['a', 'b'] HAS 'b'            | true",
            "missing HAS 'a'               | false",
    })
    void hasIsTrueWhenTheLeftArrayHoldsTheValue(String expression, boolean expected) {
        assertThat(matches(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "name IN ['bob', 'alice']        | true",
            "name IN ['bob']                 | false",
            "name IN []                      | false",
            "level IN [1, 5.0]               | true",
            "'support' IN skills             | true",
            "'billing' IN routing.skills     | true",
            "name in ['alice']               | true",
            "name NOT IN ['bob']             | true",
            "name NOT IN ['alice', 'bob']    | false",
            "name not in ['bob']             | true",
            "'x' NOT IN skills               | true",
            "missing IN ['a']                | false",
            "missing IN ['a', null]          | true",
            "missing NOT IN ['a']            | true",
            "name IN missing                 | false",
            "name NOT IN missing             | false",
    })
    void inAndNotInLookForTheValueInTheRightArray(String expression, boolean expected) {
        assertThat(matches(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "name CONTAINS 'lic'           | true",
            "name CONTAINS 'alice'         | true",
            "name CONTAINS 'LIC'           | false",
            "name CONTAINS ''              | true",
            "skills CONTAINS 'sales'       | true",
            "skills CONTAINS 'port'        | true",
            "skills CONTAINS 3             | true",
            "skills CONTAINS 'billing'     | false",
            "missing CONTAINS 'a'          | false",
            "name contains 'al'            | true",
    })
    void containsFindsASubstringOrAnArrayElement(String expression, boolean expected) {
        assertThat(matches(expression)).isEqualTo(expected);
    }

    @Test
    void equalityComparesListsAndObjectsDeeply() {
        assertThat(matches("routing.skills == ['sales', 'billing']")).isTrue();
        assertThat(matches("routing.skills == ['billing', 'sales']")).isFalse();
        assertThat(matches("skills == ['sales', 'support', 3.0]")).isTrue();
    }

    @Test
    void jsonNullsAndNonFiniteDoublesAreComparedWithoutThrowing() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("gone", null);
        attributes.put("inf", Double.POSITIVE_INFINITY);
        attributes.put("nan", Double.NaN);
        attributes.put("list", Arrays.asList("a", null));

        assertThat(Expression.parse("gone == null").matches(attributes, Map.of(), Map.of())).isTrue();
        assertThat(Expression.parse("list HAS null").matches(attributes, Map.of(), Map.of())).isTrue();
        assertThat(Expression.parse("inf > 1000000").matches(attributes, Map.of(), Map.of())).isTrue();
        assertThatCode(() -> Expression.parse("nan == 1 OR nan < 1.5").matches(attributes, Map.of(), Map.of()))
                .doesNotThrowAnyException();
    }

    @Test
    void nullDocumentsAreTreatedAsEmpty() {
        assertThat(Expression.parse("x == null AND task.y == null").matches(null, null, null)).isTrue();
    }
}
