package dev.lifeline.sim.events;

import java.time.Instant;
import java.util.Map;

/**
 * One event as Event Streams delivers it, before it is wrapped for a sink.
 *
 * @param id          unique per event; redeliveries and duplicates of the same event carry the same id
 * @param type        e.g. {@code com.twilio.taskrouter.reservation.accepted}
 * @param source      the resource the event is about, e.g. {@code /v1/Workspaces/WS…/Tasks/WT…}
 * @param schema      the schema family; the version comes from the subscription,
 *                    e.g. {@code https://events-schemas.twilio.com/TaskRouter.WDSEvent}
 * @param payload     {@code data.payload}: the product's snake_case fields
 * @param orderingKey events with the same key reach a sink in order (TaskRouter: the task SID)
 */
public record CloudEvent(String id, String type, String source, String schema, Instant time,
                         Map<String, Object> payload, String orderingKey) {
}
