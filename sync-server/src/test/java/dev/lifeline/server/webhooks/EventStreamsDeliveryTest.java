package dev.lifeline.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.server.taskrouter.TaskRouterEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventStreamsDeliveryTest {

    private static String event(String id, String type, String taskSid) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"com.twilio.taskrouter." + type + "\","
                + "\"data\":{\"payload\":{\"eventtype\":\"" + type + "\",\"task_sid\":\"" + taskSid + "\","
                + "\"task_attributes\":\"{\\\"call_sid\\\":\\\"CA1\\\"}\",\"workflow_sid\":\"WW1\",\"future_field\":7}}}";
    }

    @Test
    void everyEventOfABatchIsReturnedNotOnlyTheFirst() {
        List<TaskRouterEvent> events = EventStreamsDelivery.parse(
                "[" + event("EV1", "reservation.accepted", "WT1") + "," + event("EV2", "task.canceled", "WT2") + "]");

        assertThat(events).extracting(TaskRouterEvent::id).containsExactly("EV1", "EV2");
        assertThat(events.get(1).eventType()).isEqualTo("task.canceled");
        assertThat(events.get(0).taskAttributes()).isEqualTo("{\"call_sid\":\"CA1\"}");
    }

    @Test
    void aSingleUnbatchedObjectIsAccepted() {
        assertThat(EventStreamsDelivery.parse(event("EV9", "task-queue.entered", "WT9")))
                .singleElement().satisfies(e -> assertThat(e.taskSid()).isEqualTo("WT9"));
    }

    @Test
    void malformedJsonIsRefusedNamingTheBody() {
        assertThatThrownBy(() -> EventStreamsDelivery.parse("[{\"id\":"))
                .isInstanceOf(WebhookFormatException.class)
                .hasMessageStartingWith("body: is not valid JSON");
    }

    @Test
    void aMissingIdIsRefusedNamingTheElement() {
        assertThatThrownBy(() -> EventStreamsDelivery.parse("[" + event("EV1", "task.created", "WT1") + ",{\"type\":\"x\",\"data\":{\"payload\":{}}}]"))
                .hasMessage("[1]id: is required");
    }

    @Test
    void aNonStringFieldIsRefusedNamingTheField() {
        assertThatThrownBy(() -> EventStreamsDelivery.parse("{\"id\":\"EV1\",\"type\":\"t\",\"data\":{\"payload\":{\"task_sid\":5}}}"))
                .hasMessage("data.payload.task_sid: must be a string");
    }
}
