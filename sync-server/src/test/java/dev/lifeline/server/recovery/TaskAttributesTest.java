package dev.lifeline.server.recovery;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskAttributesTest {

    @Test
    void mergeKeepsNestedKeysThePatchDoesNotMention() {
        TaskAttributes current = TaskAttributes.of(Map.of("conversations",
                Map.of("followed_by", "Reconnect Agent", "conversation_id", "WT1"), "call_sid", "CA1"));

        TaskAttributes merged = current.mergedWith(TaskAttributes.of(Map.of("wasPingSuccessful", true,
                "conversations", Map.of("conversation_id", "WT9"))));

        assertThat(merged.object("conversations").values())
                .containsEntry("followed_by", "Reconnect Agent")
                .containsEntry("conversation_id", "WT9");
        assertThat(merged.values()).containsEntry("call_sid", "CA1").containsEntry("wasPingSuccessful", true);
    }

    @Test
    void attributesAreACopyTheCallerCannotChangeLater() {
        Map<String, Object> nested = new HashMap<>(Map.of("a", 1));
        List<Object> list = new ArrayList<>(List.of("x"));
        Map<String, Object> source = new HashMap<>(Map.of("nested", nested, "list", list));
        TaskAttributes attributes = TaskAttributes.of(source);

        nested.put("b", 2);
        list.add("y");
        source.put("late", true);

        assertThat(attributes.object("nested").values()).containsOnlyKeys("a");
        assertThat(attributes.values().get("list")).isEqualTo(List.of("x"));
        assertThat(attributes.has("late")).isFalse();
    }

    @Test
    void jsonNullsAreDropped() {
        Map<String, Object> source = new HashMap<>();
        source.put("targetWorkerSid", null);
        source.put("kept", "yes");

        assertThat(TaskAttributes.of(source).values()).containsOnlyKeys("kept");
    }

    @Test
    void numbersAreReadWhetherStoredAsNumbersOrText() {
        TaskAttributes attributes = TaskAttributes.of(Map.of("a", 2, "b", "3", "c", "x", "d", 4.0));

        assertThat(attributes.number("a")).contains(2L);
        assertThat(attributes.number("b")).contains(3L);
        assertThat(attributes.number("c")).isEmpty();
        assertThat(attributes.number("d")).contains(4L);
    }

    @Test
    void nonJsonValuesAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> TaskAttributes.of(Map.of("when", new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a JSON value");
    }
}
