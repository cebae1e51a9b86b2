package dev.lifeline.sim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.sim.core.ManualClock;
import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.TwilioApiException;
import dev.lifeline.sim.faults.ApiFault;
import dev.lifeline.sim.faults.ApiFaults;
import dev.lifeline.sim.media.MediaPlane;
import dev.lifeline.sim.numbers.PhoneNumbers;
import dev.lifeline.sim.voice.VoiceEmulator;
import dev.lifeline.sim.webhook.DeliveryFaults;
import dev.lifeline.sim.webhook.WebhookDispatcher;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import dev.lifeline.sim.voice.EndpointBehaviour;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code /sim} scenario API: drives the world from outside Twilio's API (a customer calls in, hangs up,
 * an external party answers…), switches webhook faults on, and reads the whole world's state. No Twilio auth:
 * it exists only on the emulator's own port. JSON in, JSON out; see {@code twilio-sim/README.md}.
 */
public final class ScenarioRoutes {

    private static final int RECENT_DELIVERIES = 200;

    private final SimContext context;
    private final VoiceEmulator voice;
    private final ApiFaults apiFaults;
    private final Supplier<Map<String, Object>> world;
    private final Supplier<MediaPlane> media;
    private final PhoneNumbers numbers;

    /** @param world the whole world's state, as {@code TwilioSim.snapshot()} gives it */
    public ScenarioRoutes(SimContext context, VoiceEmulator voice, ApiFaults apiFaults, Supplier<Map<String, Object>> world,
                          Supplier<MediaPlane> media, PhoneNumbers numbers) {
        this.context = context;
        this.numbers = numbers;
        this.voice = voice;
        this.apiFaults = apiFaults;
        this.world = world;
        this.media = media;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/sim/state", ctx -> write(ctx, 200, world.get()));
        new MediaRoutes(media, this::write).register(routes);

        routes.post("/sim/calls/inbound", ctx -> {
            JsonNode body = body(ctx);
            String from = text(body, "from", true);
            String to = text(body, "to", false);
            String twiml = text(body, "twiml", false);
            String url = text(body, "url", false);
            if (twiml != null && url != null) {
                throw TwilioApiException.badRequest("Give either twiml or url, not both");
            }
            FarEndAudio audio = FarEndAudio.of(body, media.get());
            String callSid;
            if (twiml != null) {
                callSid = voice.inboundCall(from, to, twiml);
            } else if (url != null) {
                callSid = voice.inboundCallToUrl(from, to, url, text(body, "method", false));
            } else if (text(body, "workflowSid", false) == null && to != null && numbers.find(to).isPresent()) {
                callSid = numbers.call(voice, from, to);
            } else {
                callSid = voice.inboundCall(from, to, text(body, "workflowSid", true), attributes(body),
                        integer(body, "priority"), integer(body, "timeout"));
            }
            audio.startOn(callSid);
            write(ctx, 201, callState(callSid));
        });
        routes.post("/sim/calls/{callSid}/hangup", ctx -> {
            voice.hangUp(ctx.pathParam("callSid"));
            write(ctx, 200, callState(ctx.pathParam("callSid")));
        });
        routes.post("/sim/calls/{callSid}/answer", ctx -> {
            voice.answer(ctx.pathParam("callSid"));
            write(ctx, 200, callState(ctx.pathParam("callSid")));
        });
        routes.post("/sim/calls/{callSid}/reject", ctx -> {
            voice.reject(ctx.pathParam("callSid"));
            write(ctx, 200, callState(ctx.pathParam("callSid")));
        });
        routes.post("/sim/calls/{callSid}/hold", ctx -> {
            JsonNode body = body(ctx);
            voice.hold(ctx.pathParam("callSid"), bool(body, "hold", true), text(body, "holdUrl", false));
            write(ctx, 200, callState(ctx.pathParam("callSid")));
        });
        routes.get("/sim/calls/{callSid}/effects", ctx -> write(ctx, 200, new LinkedHashMap<>(
                voice.effects(ctx.pathParam("callSid")))));
        routes.post("/sim/calls/{callSid}/digits", ctx -> {
            JsonNode body = body(ctx);
            String callSid = ctx.pathParam("callSid");
            String digits = text(body, "digits", true);
            if (bool(body, "rtp", false)) {
                MediaRoutes.requireMedia(media.get()).farEndPresses(callSid, checkedKeys(callSid, digits));
                write(ctx, 202, Map.of("callSid", callSid, "digits", digits, "via", "rtp"));
                return;
            }
            int taken = voice.sendDigits(callSid, digits);
            write(ctx, 200, Map.of("callSid", callSid, "digits", digits, "gathered", taken));
        });

        routes.post("/sim/conferences/{conference}/participants", ctx -> {
            JsonNode body = body(ctx);
            String callSid = voice.addParticipant(ctx.pathParam("conference"), text(body, "from", false),
                    text(body, "to", true), text(body, "label", false), bool(body, "answer", true));
            write(ctx, 201, callState(callSid));
        });

        routes.post("/sim/endpoints", ctx -> {
            JsonNode body = body(ctx);
            String address = text(body, "address", true);
            EndpointBehaviour behaviour = endpointBehaviour(body);
            voice.registerEndpoint(address, behaviour);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("address", address);
            json.put("outcome", behaviour.outcome().wire());
            json.put("delayMillis", behaviour.delay().toMillis());
            json.put("answeredBy", behaviour.answeredBy());
            json.put("detectionMillis", behaviour.detectionTime().toMillis());
            write(ctx, 201, json);
        });
        routes.delete("/sim/endpoints", ctx -> {
            String address = ctx.queryParam("address");
            if (address == null || !voice.unregisterAutoAnswer(address)) {
                throw TwilioApiException.notFound("Endpoint", String.valueOf(address));
            }
            ctx.status(204);
        });

        routes.get("/sim/webhooks/faults", ctx -> write(ctx, 200, context.webhooks.faults().describe()));
        routes.put("/sim/webhooks/faults", ctx -> {
            DeliveryFaults faults = parseFaults(body(ctx));
            context.webhooks.faults(faults);
            write(ctx, 200, faults.describe());
        });
        routes.post("/sim/webhooks/flush", ctx -> {
            context.webhooks.flushHeld();
            ctx.status(204);
        });
        routes.get("/sim/webhooks/deliveries", ctx -> write(ctx, 200, deliveries(context.webhooks)));

        routes.get("/sim/api-faults", ctx -> write(ctx, 200, apiFaults.describe()));
        routes.post("/sim/api-faults", ctx -> {
            String id = apiFaults.add(parseApiFault(body(ctx)));
            write(ctx, 201, apiFaults.describe().stream().filter(f -> id.equals(f.get("id"))).findFirst().orElseThrow());
        });
        routes.delete("/sim/api-faults", ctx -> {
            apiFaults.clear();
            ctx.status(204);
        });
        routes.delete("/sim/api-faults/{id}", ctx -> {
            if (!apiFaults.remove(ctx.pathParam("id"))) {
                throw TwilioApiException.notFound("Fault", ctx.pathParam("id"));
            }
            ctx.status(204);
        });

        routes.post("/sim/clock/advance", ctx -> {
            if (!(context.clock instanceof ManualClock manual)) {
                throw new TwilioApiException(409, 20409, "The emulator runs on the system clock; only a manual clock can be advanced");
            }
            Integer millis = integer(body(ctx), "millis");
            if (millis == null || millis < 0) {
                throw TwilioApiException.badRequest("millis must be a positive whole number");
            }
            manual.advance(Duration.ofMillis(millis));
            write(ctx, 200, Map.of("now", context.clock.now().toString()));
        });
        routes.post("/sim/clock/set", ctx -> {
            if (!(context.clock instanceof ManualClock manual)) {
                throw new TwilioApiException(409, 20409, "The emulator runs on the system clock; only a manual clock can be set");
            }
            String text = text(body(ctx), "instant", true);
            Instant instant;
            try {
                instant = Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw TwilioApiException.badRequest("instant must be an ISO 8601 instant such as 2026-12-07T08:59:00Z, got '"
                        + text + "'");
            }
            try {
                manual.advanceTo(instant);
            } catch (IllegalArgumentException e) {
                throw TwilioApiException.badRequest(e.getMessage());
            }
            write(ctx, 200, Map.of("now", context.clock.now().toString()));
        });
    }

    /** {@code {outcome?, delayMillis?, answeredBy?, detectionMillis?}}; the outcome defaults to a person answering. */
    private static EndpointBehaviour endpointBehaviour(JsonNode body) {
        String outcome = text(body, "outcome", false);
        Integer delay = integer(body, "delayMillis");
        Integer detection = integer(body, "detectionMillis");
        return new EndpointBehaviour(outcome == null ? EndpointBehaviour.Outcome.ANSWER : EndpointBehaviour.Outcome.of(outcome),
                Duration.ofMillis(delay == null ? 0 : delay), text(body, "answeredBy", false),
                detection == null ? null : Duration.ofMillis(detection));
    }

    /** Keys sent over RTP go to a call that exists and only as {@code 0-9 * #}, as the direct route checks them. */
    private String checkedKeys(String callSid, String digits) {
        voice.callStatus(callSid); // 404 for an unknown call
        if (!digits.matches("[0-9*#]{1,64}")) {
            throw TwilioApiException.badRequest("digits must be 1 to 64 of 0-9, * and #, got '" + digits + "'");
        }
        return digits;
    }

    private Map<String, Object> callState(String callSid) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("callSid", callSid);
        state.put("status", voice.callStatus(callSid));
        return state;
    }

    /**
     * {@code duplicates} sends a fixed number of extra copies; {@code minDuplicates}/{@code maxDuplicates} draw
     * a count per callback. Absent fields mean no fault; {@code reorderHoldMillis} 0 holds until flushed.
     */
    private static DeliveryFaults parseFaults(JsonNode body) {
        Integer delay = integer(body, "delayMillis");
        Integer duplicates = integer(body, "duplicates");
        Integer min = integer(body, "minDuplicates");
        Integer max = integer(body, "maxDuplicates");
        Integer window = integer(body, "reorderWindow");
        Integer hold = integer(body, "reorderHoldMillis");
        JsonNode seed = body.get("seed");
        if (duplicates != null && (min != null || max != null)) {
            throw TwilioApiException.badRequest("Give either duplicates or minDuplicates/maxDuplicates, not both");
        }
        if (seed != null && !seed.isNull() && !(seed.isIntegralNumber() && seed.canConvertToLong())) {
            throw TwilioApiException.badRequest("seed must be a whole number");
        }
        int fixed = duplicates == null ? 0 : duplicates;
        int low = min == null ? fixed : min;
        try {
            return new DeliveryFaults(Duration.ofMillis(delay == null ? 0 : delay), low, max == null ? Math.max(low, fixed) : max,
                    window == null ? 1 : window, Duration.ofMillis(hold == null ? 0 : hold),
                    seed == null || seed.isNull() ? DeliveryFaults.DEFAULT_SEED : seed.asLong());
        } catch (IllegalArgumentException e) {
            throw TwilioApiException.badRequest(e.getMessage());
        }
    }

    /** {@code {method?, path, form?: {name: regex}, status, code?, message?, times?}}; regexes are Java's, found anywhere. */
    private static ApiFault parseApiFault(JsonNode body) {
        String path = text(body, "path", true);
        Integer status = integer(body, "status");
        if (status == null) {
            throw TwilioApiException.missingParameter("status");
        }
        Integer code = integer(body, "code");
        Integer times = integer(body, "times");
        Map<String, Pattern> form = new LinkedHashMap<>();
        JsonNode formNode = body.get("form");
        try {
            if (formNode != null && !formNode.isNull()) {
                if (!formNode.isObject()) {
                    throw TwilioApiException.badRequest("form must be an object of parameter name to regular expression");
                }
                formNode.fields().forEachRemaining(field -> form.put(field.getKey(), Pattern.compile(field.getValue().asText())));
            }
            return new ApiFault(text(body, "method", false), Pattern.compile(path), form, status,
                    code == null ? (status == 404 ? 20404 : 20001) : code, text(body, "message", false),
                    times == null ? 0 : times);
        } catch (PatternSyntaxException e) {
            throw TwilioApiException.badRequest("not a regular expression: " + e.getPattern());
        } catch (IllegalArgumentException e) {
            throw TwilioApiException.badRequest(e.getMessage());
        }
    }

    private static Map<String, Object> deliveries(WebhookDispatcher webhooks) {
        List<WebhookDispatcher.Delivery> all = webhooks.deliveries();
        List<Map<String, Object>> recent = new ArrayList<>();
        all.subList(Math.max(0, all.size() - RECENT_DELIVERIES), all.size()).forEach(d -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("url", d.url());
            json.put("status", d.status());
            json.put("retry", d.retry());
            json.put("at", d.at().toString());
            json.put("event", d.webhook().form().get("StatusCallbackEvent"));
            recent.add(json);
        });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total", all.size());
        json.put("recent", recent);
        return json;
    }

    private JsonNode body(Context ctx) {
        String raw = ctx.body();
        if (raw == null || raw.isBlank()) {
            return context.json.createObjectNode();
        }
        try {
            JsonNode node = context.json.readTree(raw);
            if (!node.isObject()) {
                throw TwilioApiException.badRequest("The request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw TwilioApiException.badRequest("The request body is not valid JSON");
        }
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw TwilioApiException.missingParameter(field);
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw TwilioApiException.badRequest(field + " must be a non-empty string");
        }
        return value.asText();
    }

    private static Integer integer(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw TwilioApiException.badRequest(field + " must be a whole number");
        }
        return value.asInt();
    }

    private static boolean bool(JsonNode body, String field, boolean defaultValue) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            throw TwilioApiException.badRequest(field + " must be true or false");
        }
        return value.asBoolean();
    }

    /** {@code attributes} may be a JSON object or a string holding one. */
    private String attributes(JsonNode body) {
        JsonNode value = body.get("attributes");
        if (value == null || value.isNull()) {
            return "{}";
        }
        if (value.isObject()) {
            return value.toString();
        }
        if (value.isTextual()) {
            try {
                if (context.json.readTree(value.asText()).isObject()) {
                    return value.asText();
                }
            } catch (JsonProcessingException e) {
                // falls through to the error below
            }
        }
        throw TwilioApiException.badRequest("attributes must be a JSON object");
    }

    void write(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(context.json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps always serialise", e);
        }
    }
}
