package dev.lifeline.server.inbound;

import static dev.lifeline.server.webhooks.WebhookRoutes.singleValued;

import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.http.ApiProblem;
import dev.lifeline.server.observability.LifelineMetrics;
import dev.lifeline.server.twilio.TwilioSignatureVerifier;
import dev.lifeline.server.twilio.Twiml;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /webhooks/voice/incoming}: the voice URL of the numbers customers call (POST, Twilio's default, or GET). A
 * request whose signature does not match is refused (403, nothing happens); every signed one is answered 200 with TwiML
 * — the queue, or a spoken apology when the call cannot be queued — since any other status, or a body that is not
 * TwiML, makes Twilio tell the caller "an application error has occurred" and hang up.
 */
public final class IncomingCallRoutes {

    public static final String PATH = "/webhooks/voice/incoming";
    private static final Logger log = LoggerFactory.getLogger(IncomingCallRoutes.class);

    private final TwilioSignatureVerifier verifier;
    private final CallEntry entry;
    private final LifelineMetrics metrics;

    public IncomingCallRoutes(TwilioSignatureVerifier verifier, CallEntry entry, LifelineMetrics metrics) {
        this.verifier = verifier;
        this.entry = entry;
        this.metrics = metrics;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(PATH, this::incoming);
        routes.get(PATH, this::incoming);
    }

    private void incoming(Context ctx) {
        long started = System.nanoTime();
        // GET signs the URL with its query; POST the URL and the form parameters.
        Map<String, String> signed = ctx.method().name().equals("GET") ? Map.of() : singleValued(ctx.formParamMap());
        if (!verifier.validForm(ctx.path(), ctx.queryString(), signed, ctx.header("X-Twilio-Signature"))) {
            metrics.webhookRejected("signature");
            throw new ApiProblem(Problem.forbidden("X-Twilio-Signature does not match this request"));
        }
        Map<String, String> params = new HashMap<>(singleValued(ctx.queryParamMap()));
        params.putAll(signed);
        String twiml;
        try {
            twiml = entry.answer(IncomingCall.of(params));
        } catch (RuntimeException e) {
            log.error("an incoming call was answered with the apology after an unexpected failure", e);
            twiml = Twiml.apology();
        }
        ctx.status(200).contentType("text/xml").result(twiml);
        metrics.webhookHandled("voice-incoming", System.nanoTime() - started);
    }
}
