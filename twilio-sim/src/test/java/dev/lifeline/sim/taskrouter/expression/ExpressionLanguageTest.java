package dev.lifeline.sim.taskrouter.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Literals, quoting, key paths, prefixes, null semantics, keywords, precedence and parentheses. */
class ExpressionLanguageTest {

    private static final Map<String, Object> TASK = Map.of(
            "language", "fr",
            "type", "voice",
            "conversations", Map.of("followed_by", "Reconnect", "segments", List.of(Map.of("id", 11))),
            "object", Map.of("array", List.of("a", "b", "c"), "attr", "bar"));
    private static final Map<String, Object> WORKER = Map.of(
            "languages", List.of("en", "fr"),
            "skills", List.of("sales"),
            "contact_uri", "client:alice");

    private static boolean bare(String expression, Map<String, Object> attributes) {
        return Expression.parse(expression).matches(attributes, Map.of(), Map.of());
    }

    private static Object constant(String literal) {
        Node.Comparison comparison = (Node.Comparison) Expression.parse("x == " + literal).root();
        return ((Operand.Constant) comparison.right()).value();
    }

    @Test
    void stringsMayUseDoubleOrSingleQuotes() {
        assertThat(constant("\"sales\"")).isEqualTo("sales");
        assertThat(constant("'sales'")).isEqualTo("sales");
        assertThat(constant("'say \"hi\"'")).isEqualTo("say \"hi\"");
        assertThat(constant("\"it's\"")).isEqualTo("it's");
    }

    @Test
    void stringEscapesAreDecoded() {
        assertThat(constant("'it\\'s'")).isEqualTo("it's");
        assertThat(constant("\"a\\\"b\"")).isEqualTo("a\"b");
        assertThat(constant("'back\\\\slash'")).isEqualTo("back\\slash");
        assertThat(constant("'tab\\there\\nnext'")).isEqualTo("tab\there\nnext");
        assertThat(constant("'\\u00e9t\\u00E9'")).isEqualTo("été");
    }

    @Test
    void stringsKeepOperatorsAndKeywordsAsPlainText() {
        assertThat(constant("'a AND b == (c)'")).isEqualTo("a AND b == (c)");
    }

    @Test
    void numbersAreIntegersOrDecimalsAndMayBeNegative() {
        assertThat(constant("42")).isEqualTo(new BigDecimal("42"));
        assertThat(constant("-7")).isEqualTo(new BigDecimal("-7"));
        assertThat(constant("5.1")).isEqualTo(new BigDecimal("5.1"));
        assertThat(constant("-0.25")).isEqualTo(new BigDecimal("-0.25"));
    }

    @Test
    void booleansNullAndListsAreConstants() {
        assertThat(constant("true")).isEqualTo(Boolean.TRUE);
        assertThat(constant("FALSE")).isEqualTo(Boolean.FALSE);
        assertThat(constant("null")).isNull();
        assertThat(constant("[\"a\", 'b', 1, true, null, []]"))
                .isEqualTo(java.util.Arrays.asList("a", "b", new BigDecimal("1"), true, null, List.of()));
    }

    @Test
    void dottedPathsReachIntoNestedObjectsAndArrayIndices() {
        assertThat(bare("object.attr == 'bar'", TASK)).isTrue();
        assertThat(bare("object.array[2] == 'c'", TASK)).isTrue();
        assertThat(bare("object.array HAS 'b'", TASK)).isTrue();
        assertThat(bare("conversations.segments[0].id == 11", TASK)).isTrue();
        assertThat(bare("object.array[3] == null", TASK)).isTrue();
        assertThat(bare("object.attr.deeper == null", TASK)).isTrue();
        assertThat(bare("language[0] == null", TASK)).isTrue();
    }

    @Test
    void taskAndWorkerPrefixesResolveInTheirOwnDocuments() {
        Expression expression = Expression.parse(
                "task.conversations.followed_by == 'Reconnect' AND worker.skills HAS 'sales' AND type == 'voice'");

        assertThat(expression.matches(TASK, TASK, WORKER)).isTrue();
        assertThat(expression.matches(TASK, TASK, Map.of())).isFalse();
        assertThat(expression.matches(TASK, Map.of(), WORKER)).isFalse();
    }

    @Test
    void unprefixedNamesResolveOnlyInTheBareDocument() {
        assertThat(Expression.parse("language == 'fr'").matches(WORKER, TASK, WORKER)).isFalse();
        assertThat(Expression.parse("language == 'fr'").matches(TASK, Map.of(), Map.of())).isTrue();
    }

    @Test
    void aLoneTaskOrWorkerNameIsABareKeyNotAPrefix() {
        assertThat(bare("task == 'x' AND worker == 'y'", Map.of("task", "x", "worker", "y"))).isTrue();
    }

    @Test
    void missingKeysAreNull() {
        assertThat(bare("missing == null", TASK)).isTrue();
        assertThat(bare("missing != null", TASK)).isFalse();
        assertThat(bare("language != null", TASK)).isTrue();
        assertThat(bare("language == null", TASK)).isFalse();
        assertThat(bare("null == missing", TASK)).isTrue();
        assertThat(bare("missing == 'fr'", TASK)).isFalse();
        assertThat(bare("missing == false", TASK)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "language == 'fr' and type == 'voice'",
            "language == 'fr' AnD type == 'voice'",
            "language == 'fr' && type == 'voice'",
            "language == 'de' or type == 'voice'",
            "language == 'de' || type == 'voice'",
            "not language == 'de'",
            "Not (language == 'de')",
            "!(language == 'de')",
            "language In ['fr'] AND language nOt In ['de']",
            "conversations.followed_by Contains 'Re' AND TRUE == True AND NULL == missing",
    })
    void keywordsAreCaseInsensitiveAndSymbolsAreSynonyms(String expression) {
        assertThat(bare(expression, TASK)).isTrue();
    }

    @Test
    void keywordSpelledNamesAreKeysWhenDotted() {
        assertThat(bare("and.or == 1", Map.of("and", Map.of("or", 1)))).isTrue();
    }

    @Test
    void theConstantExpressionsMatchEverythingOrNothing() {
        assertThat(bare("1==1", Map.of())).isTrue();
        assertThat(bare("1 == 1", TASK)).isTrue();
        assertThat(bare("1 == 2", TASK)).isFalse();
        assertThat(bare("0 != 1", Map.of())).isTrue();
        assertThat(bare("\"apple\" != \"orange\"", Map.of())).isTrue();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            // AND binds tighter than OR
            "1 == 1 OR 1 == 2 AND 1 == 2        | true",
            "(1 == 1 OR 1 == 2) AND 1 == 2      | false",
            "1 == 2 AND 1 == 2 OR 1 == 1        | true",
            "1 == 2 AND (1 == 2 OR 1 == 1)      | false",
            // NOT binds tighter than AND and OR, and applies to the whole comparison after it
            "NOT 1 == 2 AND 1 == 1              | true",
            "NOT 1 == 1 OR 1 == 1               | true",
            "NOT (1 == 1 OR 1 == 1)             | false",
            "NOT 1 == 1 AND 1 == 1              | false",
            "! 1 == 2                           | true",
            "NOT NOT 1 == 1                     | true",
            "!!(1 == 2)                         | false",
            // parentheses nest
            "((1 == 1))                         | true",
            "((1 == 2) OR ((1 == 1) AND (2 == 2))) | true",
            "1 == 1 AND 2 == 2 AND 3 == 3 AND 4 == 5 | false",
            "1 == 2 OR 2 == 3 OR 3 == 4 OR 4 == 4    | true",
    })
    void precedenceIsNotThenComparisonThenAndThenOr(String expression, boolean expected) {
        assertThat(bare(expression, Map.of())).isEqualTo(expected);
    }

    @Test
    void precedenceShowsInTheSyntaxTree() {
        Node root = Expression.parse("a == 1 OR NOT b == 2 AND c == 3").root();

        assertThat(root).isInstanceOf(Node.AnyOf.class);
        Node.AnyOf or = (Node.AnyOf) root;
        assertThat(or.alternatives()).hasSize(2);
        assertThat(or.alternatives().get(0)).isInstanceOf(Node.Comparison.class);
        Node.AllOf and = (Node.AllOf) or.alternatives().get(1);
        assertThat(and.conditions().get(0)).isInstanceOf(Node.Not.class);
        assertThat(((Node.Not) and.conditions().get(0)).condition()).isInstanceOf(Node.Comparison.class);
        assertThat(and.conditions().get(1)).isInstanceOf(Node.Comparison.class);
    }

    @Test
    void twilioDocumentationExamplesParseAndEvaluate() {
        Map<String, Object> attributes = Map.of(
                "skills", List.of("support"), "languages", List.of("english"),
                "customer_value", "Gold", "type", "ticket", "language", "fr", "skill_rating", 6,
                "condition_a", false, "condition_b", true, "key", 2, "object", Map.of("param", "pear"));

        assertThat(bare("(skills HAS 'support') AND (languages HAS 'english')", attributes)).isTrue();
        assertThat(bare("customer_value == 'Gold' AND type == 'ticket'", attributes)).isTrue();
        assertThat(bare("key > 1", attributes)).isTrue();
        assertThat(bare("object.param != \"apple\"", attributes)).isTrue();
        assertThat(bare("language IN [\"en\", \"es\"]", attributes)).isFalse();
        assertThat(bare("(condition_a == true) OR (condition_b == true)", attributes)).isTrue();
        assertThat(bare("(language == \"en\" OR language == \"fr\") AND skill_rating >= 5.1", attributes)).isTrue();
        assertThat(bare("worker.activity_name in ['Generally Available', 'High Value Tasks']", attributes)).isFalse();
    }

    @Test
    void whitespaceIsInsignificantAndTextIsKept() {
        Expression expression = Expression.parse("  \tlanguage=='fr'\n&&type  ==  'voice'  ");

        assertThat(expression.matches(TASK, Map.of(), Map.of())).isTrue();
        assertThat(expression.text()).isEqualTo("  \tlanguage=='fr'\n&&type  ==  'voice'  ");
    }

    @Test
    void expressionsWithTheSameTextAreEqual() {
        assertThat(Expression.parse("a == 1")).isEqualTo(Expression.parse("a == 1"))
                .hasSameHashCodeAs(Expression.parse("a == 1"))
                .isNotEqualTo(Expression.parse("a == 2"))
                .hasToString("a == 1");
    }
}
