package dev.lifeline.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lifeline.server.taskrouter.TaskRouterEvent;
import dev.lifeline.server.webhooks.EventStreamsDelivery;
import dev.lifeline.server.webhooks.WebhookFormatException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Event Streams delivery parser (a CloudEvent or a batch of them, twilio-api.md §4) either returns every
 * event with its id and type, or refuses the delivery with a {@link WebhookFormatException} (a 400).
 */
class TaskRouterEventFuzzTest {

    /** Seeds: {@code TaskRouterEventFuzzTestInputs/deliveriesParseOrAreRefusedAsBadRequests/}, JSON bodies. */
    @FuzzTest(maxDuration = "60s")
    void deliveriesParseOrAreRefusedAsBadRequests(byte[] body) {
        List<TaskRouterEvent> events;
        try {
            events = EventStreamsDelivery.parse(new String(body, StandardCharsets.UTF_8));
        } catch (WebhookFormatException refused) {
            assertThat(refused.field()).isNotBlank();
            return;
        }
        assertThat(events).isNotNull().doesNotContainNull();
        for (TaskRouterEvent event : events) {
            assertThat(event.id()).isNotNull();
            assertThat(event.eventType()).isNotNull();
        }
    }
}
