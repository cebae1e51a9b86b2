package dev.lifeline.server.callbacks;

import static dev.lifeline.server.webhooks.WebhookRoutes.singleValued;

import dev.lifeline.model.outbound.PlaceCall;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.http.ApiProblem;
import dev.lifeline.server.twilio.TwilioSignatureVerifier;
import dev.lifeline.server.twilio.Twiml;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * {@value #PATH}: where a waiting caller's {@code <Gather numDigits="1">} sends the key they pressed (issue 20 item 1;
 * the offer itself, after {@code wait.max-wait} or when closed, is the queue's waitUrl TwiML). Its URL carries
 * {@code entered} (Unix seconds the caller entered the queue) and {@code priority} (their task's), so the callback keeps
 * their place. Signature-checked like every webhook (403 otherwise). {@code 1}: a callback to the caller's number,
 * confirmed aloud, then the call ends (its queued task is cancelled). Anything else: an empty answer, the caller
 * keeps waiting.
 */
public final class InQueueCallbackRoutes {

    public static final String PATH = "/twiml/callbacks/press-one";

    private final TwilioSignatureVerifier signatures;
    private final CallbackRequests requests;

    public InQueueCallbackRoutes(TwilioSignatureVerifier signatures, CallbackRequests requests) {
        this.signatures = signatures;
        this.requests = requests;
    }

    /** The Gather action for a caller who entered at {@code entered} with a task of {@code priority}. */
    public static String actionUrl(String publicBaseUrl, Instant entered, int priority) {
        return publicBaseUrl + PATH + "?entered=" + entered.getEpochSecond() + "&priority=" + priority;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(PATH, this::pressed);
    }

    private void pressed(Context ctx) {
        Map<String, String> form = singleValued(ctx.formParamMap());
        if (!signatures.validForm(ctx.path(), ctx.queryString(), form, ctx.header("X-Twilio-Signature"))) {
            throw new ApiProblem(Problem.forbidden("X-Twilio-Signature does not match this request"));
        }
        Map<String, String> params = new HashMap<>(singleValued(ctx.queryParamMap()));
        params.putAll(form);
        String number = params.get("From");
        if (!"1".equals(params.get("Digits")) || !PlaceCall.isE164(number) || params.get("CallSid") == null) {
            ctx.status(200).contentType("text/xml").result("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
            return;
        }
        Callback callback = requests.inQueue(number, Instant.ofEpochSecond(longOf(params.get("entered"))),
                (int) longOf(params.get("priority")), params.get("CallSid"));
        ctx.status(200).contentType("text/xml").result(Twiml.sayThenHangUp("Thank you. We will call you back on "
                + String.join(" ", callback.number().split("")) + ", keeping your place in line. Goodbye."));
    }

    private static long longOf(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
