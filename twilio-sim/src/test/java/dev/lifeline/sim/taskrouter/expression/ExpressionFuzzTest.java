package dev.lifeline.sim.taskrouter.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random inputs: printed trees parse back to themselves, and garbage fails only with a syntax error. */
class ExpressionFuzzTest {

    private static final long SEED = 20261125L;
    private static final Map<String, Object> DOCUMENT = Map.of(
            "a", 1, "b", "x", "list", List.of("x", 1, 2.5), "obj", Map.of("k", List.of(true)));

    @Test
    void randomSyntaxTreesSurviveAPrintAndParseRoundTrip() {
        Random random = new Random(SEED);
        for (int i = 0; i < 300; i++) {
            Node tree = RandomTrees.node(random, 4);
            String text = ExpressionPrinter.print(tree);

            Expression parsed = Expression.parse(text);

            assertThat(parsed.root()).as(text).isEqualTo(tree);
            assertThatCode(() -> parsed.matches(DOCUMENT, DOCUMENT, DOCUMENT)).as(text).doesNotThrowAnyException();
        }
    }

    @Test
    void randomGarbageEitherParsesOrFailsWithASyntaxErrorNamingAColumn() {
        Random random = new Random(SEED);
        String alphabet = "ab.[]()'\"\\ =!<>&|,-019 AND OR NOT IN HAS CONTAINS null true #\t";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(30);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String input = text.toString();
            try {
                Expression.parse(input).matches(DOCUMENT, DOCUMENT, DOCUMENT);
            } catch (ExpressionSyntaxException e) {
                assertThat(e.getMessage()).as(input).matches("empty expression|.* at column \\d+");
            }
        }
    }

    @Test
    void randomlyMutatedValidExpressionsNeverThrowAnythingButASyntaxError() {
        Random random = new Random(SEED);
        for (int i = 0; i < 1_000; i++) {
            char[] text = ExpressionPrinter.print(RandomTrees.node(random, 3)).toCharArray();
            for (int edits = random.nextInt(3) + 1; edits > 0; edits--) {
                text[random.nextInt(text.length)] = (char) (random.nextInt(95) + 32);
            }
            String input = new String(text);
            try {
                Expression.parse(input).matches(DOCUMENT, DOCUMENT, DOCUMENT);
            } catch (ExpressionSyntaxException expected) {
                // the only acceptable failure
            }
        }
    }

    /** Builds random, well-formed syntax trees in the shape the parser produces. */
    private static final class RandomTrees {

        private static final String[] NAMES = {"a", "b", "list", "obj", "missing", "_x9"};

        static Node node(Random random, int depth) {
            int choice = depth == 0 ? 3 : random.nextInt(4);
            return switch (choice) {
                case 0 -> new Node.AnyOf(children(random, depth));
                case 1 -> new Node.AllOf(children(random, depth));
                case 2 -> new Node.Not(node(random, depth - 1));
                default -> new Node.Comparison(operand(random),
                        Operator.values()[random.nextInt(Operator.values().length)], operand(random));
            };
        }

        private static List<Node> children(Random random, int depth) {
            List<Node> children = new ArrayList<>();
            for (int i = random.nextInt(3) + 2; i > 0; i--) {
                children.add(node(random, depth - 1));
            }
            return children;
        }

        private static Operand operand(Random random) {
            if (random.nextBoolean()) {
                return new Operand.Constant(constant(random, 2));
            }
            List<Object> segments = new ArrayList<>();
            int prefix = random.nextInt(3);
            if (prefix == 1) {
                segments.add("task");
            } else if (prefix == 2) {
                segments.add("worker");
            }
            segments.add(NAMES[random.nextInt(NAMES.length)]);
            for (int i = random.nextInt(3); i > 0; i--) {
                segments.add(random.nextBoolean() ? NAMES[random.nextInt(NAMES.length)] : random.nextInt(4));
            }
            return new Operand.Attribute(AttributePath.of(segments));
        }

        private static Object constant(Random random, int depth) {
            return switch (random.nextInt(depth == 0 ? 5 : 6)) {
                case 0 -> randomString(random);
                case 1 -> BigDecimal.valueOf(random.nextInt(2001) - 1000, random.nextInt(3));
                case 2 -> random.nextBoolean();
                case 3 -> null;
                case 4 -> BigDecimal.valueOf(random.nextLong());
                default -> {
                    List<Object> elements = new ArrayList<>();
                    for (int i = random.nextInt(4); i > 0; i--) {
                        elements.add(constant(random, depth - 1));
                    }
                    yield Arrays.asList(elements.toArray());
                }
            };
        }

        private static String randomString(Random random) {
            String alphabet = "ab '\"\\\n\tAND()é";
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(6); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return text.toString();
        }
    }
}
