package dev.lifeline.server.webhooks;

import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.conference.ConferenceCallback;
import dev.lifeline.server.http.ApiProblem;
import dev.lifeline.server.observability.LifelineMetrics;
import dev.lifeline.server.taskrouter.TaskRouterEvent;
import dev.lifeline.server.twilio.TwilioSignatureVerifier;
import dev.lifeline.server.twilio.Twiml;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The two Twilio webhooks: the edge where Twilio's wire formats end. A request is checked in this order, and nothing
 * is changed unless all pass: content type (415), signature (403), body format (400). Then every event, parsed into
 * the domain's {@link ConferenceCallback} or {@link TaskRouterEvent}, is handed to the handler.
 */
public final class WebhookRoutes {

    public static final String CONFERENCE_PATH = "/webhooks/conference";
    public static final String TASKROUTER_PATH = "/webhooks/taskrouter";
    /** TwiML Twilio fetches to tell a customer whom it refused to queue to stay on the line (a static document). */
    public static final String STAY_ON_THE_LINE_PATH = "/twiml/stay-on-the-line";
    private static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    /** Twilio's callbacks are well under 1 KB; the HTTP layer refuses bodies over its own limit before this. */
    private static final int MAX_FORM_BYTES = 64 * 1024;

    private final TwilioSignatureVerifier verifier;
    private final WebhookHandler handler;
    private final LifelineMetrics metrics;

    public WebhookRoutes(TwilioSignatureVerifier verifier, WebhookHandler handler, LifelineMetrics metrics) {
        this.verifier = verifier;
        this.handler = handler;
        this.metrics = metrics;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(CONFERENCE_PATH, this::conferenceCallback);
        routes.post(TASKROUTER_PATH, this::taskRouterEvents);
        // Twilio fetches an AnnounceUrl with POST by default; the document is the same for everyone, so unsigned is fine.
        routes.get(STAY_ON_THE_LINE_PATH, WebhookRoutes::stayOnTheLine);
        routes.post(STAY_ON_THE_LINE_PATH, WebhookRoutes::stayOnTheLine);
    }

    private static void stayOnTheLine(Context ctx) {
        ctx.contentType("application/xml").result(Twiml.stayOnTheLine());
    }

    private void conferenceCallback(Context ctx) {
        long started = System.nanoTime();
        requireContentType(ctx, "application/x-www-form-urlencoded");
        Map<String, String> form = FormBody.read(ctx, MAX_FORM_BYTES);
        if (!verifier.validForm(ctx.path(), ctx.queryString(), form, ctx.header(SIGNATURE_HEADER))) {
            refuseSignature();
        }
        ConferenceCallback callback = parseCounted(() -> ConferenceCallbackForm.parse(form));
        handler.onConferenceCallback(callback);
        ctx.status(204);
        metrics.webhookHandled("conference", System.nanoTime() - started);
    }

    private void taskRouterEvents(Context ctx) {
        long started = System.nanoTime();
        requireContentType(ctx, "application/json");
        String body = ctx.body();
        if (!verifier.validJson(ctx.path(), ctx.queryString(), body, ctx.header(SIGNATURE_HEADER))) {
            refuseSignature();
        }
        List<TaskRouterEvent> events = parseCounted(() -> EventStreamsDelivery.parse(body));
        events.forEach(handler::onTaskRouterEvent);
        ctx.status(204);
        metrics.webhookHandled("taskrouter", System.nanoTime() - started);
    }

    /** A body we cannot use is counted and answered 400 with a problem naming the field. */
    private <T> T parseCounted(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (WebhookFormatException e) {
            metrics.webhookRejected("format");
            throw new ApiProblem(Problem.badRequest(e.field(), e.problem()));
        }
    }

    private void refuseSignature() {
        metrics.webhookRejected("signature");
        throw new ApiProblem(Problem.forbidden("X-Twilio-Signature does not match this request"));
    }

    private static void requireContentType(Context ctx, String expected) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith(expected)) {
            throw new ApiProblem(new Problem(Problem.ABOUT_BLANK, "Unsupported media type", 415,
                    "Expected " + expected + " but got " + (contentType == null ? "no content type" : contentType), null, null));
        }
    }

    /** Twilio sends each parameter once; the first value of each is the one signed. */
    public static Map<String, String> singleValued(Map<String, List<String>> form) {
        Map<String, String> result = new HashMap<>();
        form.forEach((name, values) -> result.put(name, values.isEmpty() ? "" : values.get(0)));
        return result;
    }
}
