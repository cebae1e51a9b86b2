package dev.lifeline.sim.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.sim.core.Sids;
import dev.lifeline.sim.core.TwilioApiException;
import dev.lifeline.sim.core.TwilioDates;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /v1/Sinks} and {@code /v1/Subscriptions} of the Events API (host {@code events.twilio.com}). */
public final class EventStreamsRoutes {

    private static final Logger log = LoggerFactory.getLogger(EventStreamsRoutes.class);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final EventStreams streams;

    public EventStreamsRoutes(EventStreams streams) {
        this.streams = streams;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/v1/Sinks", ctx -> respond(ctx, 201, () -> sinkJson(createSink(ctx))));
        routes.get("/v1/Sinks", ctx -> respond(ctx, 200, () -> page(ctx, "sinks", "/Sinks",
                streams.sinks.values().stream().map(this::sinkJson).toList())));
        routes.get("/v1/Sinks/{sid}", ctx -> respond(ctx, 200, () -> sinkJson(streams.sink(ctx.pathParam("sid")))));
        routes.post("/v1/Sinks/{sid}", ctx -> respond(ctx, 200, () -> {
            Sink sink = streams.sink(ctx.pathParam("sid"));
            String description = required(ctx, "Description");
            sink.description = description;
            sink.updated = streams.now();
            return sinkJson(sink);
        }));
        routes.delete("/v1/Sinks/{sid}", ctx -> respond(ctx, 204, () -> {
            Sink sink = streams.sink(ctx.pathParam("sid"));
            streams.sinks.remove(sink.sid);
            streams.subscriptions.values().removeIf(s -> s.sinkSid.equals(sink.sid));
            return null;
        }));

        routes.post("/v1/Subscriptions", ctx -> respond(ctx, 201, () -> subscriptionJson(createSubscription(ctx))));
        routes.get("/v1/Subscriptions", ctx -> respond(ctx, 200, () -> {
            String sinkSid = ctx.queryParam("SinkSid");
            return page(ctx, "subscriptions", "/Subscriptions", streams.subscriptions.values().stream()
                    .filter(s -> sinkSid == null || s.sinkSid.equals(sinkSid))
                    .map(this::subscriptionJson).toList());
        }));
        routes.get("/v1/Subscriptions/{sid}", ctx -> respond(ctx, 200,
                () -> subscriptionJson(streams.subscription(ctx.pathParam("sid")))));
        routes.post("/v1/Subscriptions/{sid}", ctx -> respond(ctx, 200, () -> {
            Subscription subscription = streams.subscription(ctx.pathParam("sid"));
            if (ctx.formParam("Description") != null) {
                subscription.description = ctx.formParam("Description");
            }
            if (ctx.formParam("SinkSid") != null && !ctx.formParam("SinkSid").equals(subscription.sinkSid)) {
                throw TwilioApiException.badRequest("SinkSid of a subscription cannot be changed by the emulator");
            }
            subscription.updated = streams.now();
            return subscriptionJson(subscription);
        }));
        routes.delete("/v1/Subscriptions/{sid}", ctx -> respond(ctx, 204, () -> {
            streams.subscriptions.remove(streams.subscription(ctx.pathParam("sid")).sid);
            return null;
        }));
        routes.get("/v1/Subscriptions/{sid}/SubscribedEvents", ctx -> respond(ctx, 200, () -> {
            Subscription subscription = streams.subscription(ctx.pathParam("sid"));
            List<Map<String, Object>> types = new ArrayList<>();
            subscription.types.forEach((type, version) -> {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("account_sid", streams.context().accountSid);
                view.put("type", type);
                view.put("schema_version", version);
                view.put("subscription_sid", subscription.sid);
                view.put("url", EventStreams.BASE + "/Subscriptions/" + subscription.sid + "/SubscribedEvents/" + type);
                types.add(view);
            });
            return page(ctx, "types", "/Subscriptions/" + subscription.sid + "/SubscribedEvents", types);
        }));
    }

    private Sink createSink(Context ctx) {
        String description = required(ctx, "Description");
        String sinkType = required(ctx, "SinkType");
        String configurationJson = required(ctx, "SinkConfiguration");
        if (!sinkType.equals("webhook")) {
            throw TwilioApiException.badRequest("SinkType " + sinkType + " is not supported by the emulator (only webhook)");
        }
        Map<String, Object> configuration = parseObject(configurationJson, "SinkConfiguration");
        Object destination = configuration.get("destination");
        if (!(destination instanceof String url) || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw TwilioApiException.badRequest("SinkConfiguration.destination must be an http(s) URL");
        }
        Sink sink = new Sink(Sids.next("DG"), description, sinkType, configuration, streams.now());
        streams.sinks.put(sink.sid, sink);
        return sink;
    }

    private Subscription createSubscription(Context ctx) {
        String description = required(ctx, "Description");
        String sinkSid = required(ctx, "SinkSid");
        if (!streams.sinks.containsKey(sinkSid)) {
            throw TwilioApiException.badRequest("SinkSid " + sinkSid + " is not a sink of this account");
        }
        List<String> typeParams = ctx.formParams("Types");
        if (typeParams.isEmpty()) {
            throw TwilioApiException.missingParameter("Types");
        }
        Subscription subscription = new Subscription(Sids.next("DF"), description, sinkSid, streams.now());
        for (String typeJson : typeParams) {
            JsonNode node;
            try {
                node = streams.context().json.readTree(typeJson);
            } catch (JsonProcessingException e) {
                throw TwilioApiException.badRequest("Invalid JSON in Types: " + e.getOriginalMessage());
            }
            if (node == null || !node.path("type").isTextual() || node.path("type").asText().isBlank()) {
                throw TwilioApiException.badRequest("Each Types value must be {\"type\":…, \"schema_version\":…}");
            }
            JsonNode version = node.path("schema_version");
            subscription.types.put(node.path("type").asText(), version.canConvertToInt() ? version.asInt() : 1);
        }
        streams.subscriptions.put(subscription.sid, subscription);
        return subscription;
    }

    private Map<String, Object> sinkJson(Sink sink) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("date_created", TwilioDates.iso(sink.created));
        view.put("date_updated", TwilioDates.iso(sink.updated));
        view.put("description", sink.description);
        view.put("sid", sink.sid);
        view.put("sink_configuration", sink.configuration);
        view.put("sink_type", sink.sinkType);
        view.put("status", "active");
        view.put("url", EventStreams.BASE + "/Sinks/" + sink.sid);
        view.put("links", Map.of(
                "sink_test", EventStreams.BASE + "/Sinks/" + sink.sid + "/Test",
                "sink_validate", EventStreams.BASE + "/Sinks/" + sink.sid + "/Validate"));
        return view;
    }

    private Map<String, Object> subscriptionJson(Subscription subscription) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("account_sid", streams.context().accountSid);
        view.put("sid", subscription.sid);
        view.put("date_created", TwilioDates.iso(subscription.created));
        view.put("date_updated", TwilioDates.iso(subscription.updated));
        view.put("description", subscription.description);
        view.put("sink_sid", subscription.sinkSid);
        view.put("url", EventStreams.BASE + "/Subscriptions/" + subscription.sid);
        view.put("links", Map.of("subscribed_events",
                EventStreams.BASE + "/Subscriptions/" + subscription.sid + "/SubscribedEvents"));
        return view;
    }

    /** One page holding everything: sinks and subscriptions are few. */
    private static Map<String, Object> page(Context ctx, String key, String path, List<Map<String, Object>> items) {
        int pageSize = 50;
        String requested = ctx.queryParam("PageSize");
        if (requested != null && requested.matches("\\d{1,4}") && Integer.parseInt(requested) > 0) {
            pageSize = Integer.parseInt(requested);
        }
        String url = EventStreams.BASE + path + "?PageSize=" + pageSize + "&Page=0";
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("page", 0);
        meta.put("page_size", pageSize);
        meta.put("first_page_url", url);
        meta.put("previous_page_url", null);
        meta.put("url", url);
        meta.put("next_page_url", null);
        meta.put("key", key);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, items.subList(0, Math.min(pageSize, items.size())));
        body.put("meta", meta);
        return body;
    }

    private Map<String, Object> parseObject(String json, String parameter) {
        try {
            Map<String, Object> parsed = streams.context().json.readValue(json, MAP);
            if (parsed == null) {
                throw TwilioApiException.badRequest("Invalid JSON in " + parameter + ": expected an object");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw TwilioApiException.badRequest("Invalid JSON in " + parameter + ": " + e.getOriginalMessage());
        }
    }

    private static String required(Context ctx, String name) {
        String value = ctx.formParam(name);
        if (value == null || value.isBlank()) {
            throw TwilioApiException.missingParameter(name);
        }
        return value;
    }

    private void respond(Context ctx, int status, Supplier<Object> action) {
        Object body;
        synchronized (streams.context().world) {
            try {
                body = action.get();
            } catch (TwilioApiException e) {
                throw e;
            } catch (RuntimeException e) {
                // An emulator bug must not become a 5xx: twilio-java retries those, repeating creates.
                log.error("{} {} failed inside the emulator", ctx.method(), ctx.path(), e);
                throw TwilioApiException.badRequest("The emulator could not process this request: " + e);
            }
        }
        ctx.status(status);
        if (body != null) {
            ctx.json(body);
        }
    }
}
