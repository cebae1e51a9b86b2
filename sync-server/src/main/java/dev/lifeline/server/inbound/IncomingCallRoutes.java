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
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /webhooks/voice/incoming}: the voice URL of the numbers customers call (POST, Twilio's default, or GET); and
 * the two URLs its TwiML names: {@code /webhooks/voice/menu} (the menu's {@code <Gather>} action) and
 * {@code /webhooks/voice/wait} (the queue's waitUrl). A request whose signature does not match is refused (403,
 * nothing happens); every signed one is answered 200 with TwiML — the queue, or a spoken apology when the call cannot
 * be queued — since any other status, or a body that is not TwiML, makes Twilio tell the caller "an application error
 * has occurred" and hang up.
 */
public final class IncomingCallRoutes {

    public static final String PATH = "/webhooks/voice/incoming";
    public static final String MENU_PATH = "/webhooks/voice/menu";
    public static final String WAIT_PATH = "/webhooks/voice/wait";
    private static final Logger log = LoggerFactory.getLogger(IncomingCallRoutes.class);

    private final TwilioSignatureVerifier verifier;
    private final CallEntry entry;
    private final WaitAnswer wait;
    private final LifelineMetrics metrics;

    public IncomingCallRoutes(TwilioSignatureVerifier verifier, CallEntry entry, WaitAnswer wait, LifelineMetrics metrics) {
        this.verifier = verifier;
        this.entry = entry;
        this.wait = wait;
        this.metrics = metrics;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(PATH, ctx -> signed(ctx, "voice-incoming", params -> entry.answer(IncomingCall.of(params)),
                Twiml::apology));
        routes.get(PATH, ctx -> signed(ctx, "voice-incoming", params -> entry.answer(IncomingCall.of(params)),
                Twiml::apology));
        routes.post(MENU_PATH, ctx -> signed(ctx, "voice-menu",
                params -> entry.menuChoice(IncomingCall.of(params), params.get("Digits")), Twiml::apology));
        // A waiting caller is never hung up on: whatever fails, they keep their place and hear hold music.
        routes.post(WAIT_PATH, ctx -> signed(ctx, "voice-wait", wait::answer, wait::withoutFigures));
    }

    /**
     * @param fallback what the caller gets when {@code answer} fails unexpectedly (never an error status: Twilio would
     *                 read "an application error has occurred" to the caller)
     */
    private void signed(Context ctx, String name, Function<Map<String, String>, String> answer, Supplier<String> fallback) {
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
            twiml = answer.apply(params);
        } catch (RuntimeException e) {
            log.error("a {} request was answered with its fallback after an unexpected failure", name, e);
            twiml = fallback.get();
        }
        ctx.status(200).contentType("text/xml").result(twiml);
        metrics.webhookHandled(name, System.nanoTime() - started);
    }
}
