package dev.lifeline.sim.voice;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.TwilioApiException;
import dev.lifeline.sim.core.V2010Page;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps Twilio's 2010-04-01 Voice paths (with the {@code .json} suffix) onto {@link VoiceApi}. */
final class VoiceRoutes {

    private static final String ACCOUNT = "/2010-04-01/Accounts/{AccountSid}";

    private final VoiceApi voice;
    private final QueueApi queues;
    private final SimContext context;

    VoiceRoutes(VoiceApi voice, QueueApi queues, SimContext context) {
        this.voice = voice;
        this.queues = queues;
        this.context = context;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.post(ACCOUNT + "/Calls.json", ctx -> write(ctx, 201, voice.createCall(form(ctx))));
        routes.get(ACCOUNT + "/Calls.json", ctx -> writePage(ctx, "calls",
                voice.listCalls(ctx.queryParam("Status"), ctx.queryParam("To"), ctx.queryParam("From")),
                filters(ctx, "Status", "To", "From")));
        routes.get(ACCOUNT + "/Calls/{CallSid}.json", ctx -> write(ctx, 200, voice.fetchCall(ctx.pathParam("CallSid"))));
        routes.post(ACCOUNT + "/Calls/{CallSid}.json", ctx ->
                write(ctx, 200, voice.updateCall(ctx.pathParam("CallSid"), form(ctx))));

        routes.get(ACCOUNT + "/Conferences.json", ctx -> writePage(ctx, "conferences",
                voice.listConferences(ctx.queryParam("FriendlyName"), ctx.queryParam("Status")),
                filters(ctx, "FriendlyName", "Status")));
        routes.get(ACCOUNT + "/Conferences/{ConferenceSid}.json", ctx ->
                write(ctx, 200, voice.fetchConference(ctx.pathParam("ConferenceSid"))));
        routes.post(ACCOUNT + "/Conferences/{ConferenceSid}.json", ctx ->
                write(ctx, 200, voice.updateConference(ctx.pathParam("ConferenceSid"), form(ctx))));

        String participants = ACCOUNT + "/Conferences/{ConferenceSid}/Participants";
        routes.post(participants + ".json", ctx ->
                write(ctx, 201, voice.createParticipant(ctx.pathParam("ConferenceSid"), form(ctx))));
        routes.get(participants + ".json", ctx -> {
            FormParams query = new FormParams(ctx.queryParamMap());
            writePage(ctx, "participants", voice.listParticipants(ctx.pathParam("ConferenceSid"),
                    query.bool("Muted"), query.bool("Hold"), query.bool("Coaching")),
                    filters(ctx, "Muted", "Hold", "Coaching"));
        });
        routes.get(participants + "/{CallSid}.json", ctx ->
                write(ctx, 200, voice.fetchParticipant(ctx.pathParam("ConferenceSid"), participantKey(ctx))));
        routes.post(participants + "/{CallSid}.json", ctx ->
                write(ctx, 200, voice.updateParticipant(ctx.pathParam("ConferenceSid"), participantKey(ctx), form(ctx))));
        routes.delete(participants + "/{CallSid}.json", ctx -> {
            voice.deleteParticipant(ctx.pathParam("ConferenceSid"), participantKey(ctx));
            ctx.status(204);
        });

        routes.post(ACCOUNT + "/Queues.json", ctx -> write(ctx, 201, queues.create(form(ctx))));
        routes.get(ACCOUNT + "/Queues.json", ctx -> writePage(ctx, "queues",
                queues.list(ctx.queryParam("FriendlyName")), filters(ctx, "FriendlyName")));
        routes.get(ACCOUNT + "/Queues/{QueueSid}.json", ctx -> write(ctx, 200, queues.fetch(ctx.pathParam("QueueSid"))));
        routes.post(ACCOUNT + "/Queues/{QueueSid}.json", ctx ->
                write(ctx, 200, queues.update(ctx.pathParam("QueueSid"), form(ctx))));
        routes.delete(ACCOUNT + "/Queues/{QueueSid}.json", ctx -> {
            queues.delete(ctx.pathParam("QueueSid"));
            ctx.status(204);
        });
        String members = ACCOUNT + "/Queues/{QueueSid}/Members";
        routes.get(members + ".json", ctx -> writePage(ctx, "queue_members", queues.members(ctx.pathParam("QueueSid")), ""));
        routes.get(members + "/{CallSid}.json", ctx ->
                write(ctx, 200, queues.member(ctx.pathParam("QueueSid"), ctx.pathParam("CallSid"))));
        routes.post(members + "/{CallSid}.json", ctx ->
                write(ctx, 200, queues.dequeue(ctx.pathParam("QueueSid"), ctx.pathParam("CallSid"), form(ctx))));
    }

    /**
     * The participant path segment is a call SID or a label. twilio-java encodes a label's space as {@code +}
     * (URLEncoder), so the raw segment is decoded as a form value would be.
     */
    private static String participantKey(Context ctx) {
        String path = ctx.path();
        String segment = path.substring(path.lastIndexOf('/') + 1, path.length() - ".json".length());
        try {
            return java.net.URLDecoder.decode(segment, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw TwilioApiException.notFound("Participant", segment);
        }
    }

    private static FormParams form(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType != null && !contentType.startsWith("application/x-www-form-urlencoded")
                && !ctx.body().isEmpty()) {
            throw TwilioApiException.badRequest("Request body must be application/x-www-form-urlencoded");
        }
        return new FormParams(ctx.formParamMap());
    }

    private static String filters(Context ctx, String... names) {
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            String value = ctx.queryParam(name);
            if (value != null) {
                parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return String.join("&", parts);
    }

    private void writePage(Context ctx, String key, List<Map<String, Object>> all, String filterQuery) {
        FormParams query = new FormParams(ctx.queryParamMap());
        int pageSize = query.integer("PageSize", 1, 1000, 50);
        int page = query.integer("Page", 0, Integer.MAX_VALUE, 0);
        write(ctx, 200, V2010Page.of(key, all, ctx.path(), filterQuery, page, pageSize));
    }

    private void write(Context ctx, int status, Map<String, Object> body) {
        try {
            ctx.status(status).contentType("application/json").result(context.json.writeValueAsString(
                    body == null ? new LinkedHashMap<>() : body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps always serialise", e);
        }
    }
}
