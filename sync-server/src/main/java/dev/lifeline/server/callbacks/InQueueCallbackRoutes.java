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
import java.util.Optional;

/**
 * A waiting caller asks for a callback (issue 20 item 1; the offer itself, after {@code wait.max-wait} or when closed,
 * is the queue's waitUrl TwiML). {@value #PATH} hears the key of the offer's {@code <Gather numDigits="1">}: {@code 1}
 * reads the caller ID back and asks "press 1 to confirm, or enter another number followed by #"; anything else is an
 * empty answer, the caller keeps waiting. {@value #CONFIRM_PATH} hears that answer: {@code 1} keeps the caller ID, a
 * typed number valid in the contact centre's country ({@link TypedNumbers}) is kept instead, and the call ends with
 * the number read back. A bad or missing number is asked for again, {@value #TRIES} tries in all; after that the
 * callback goes to the caller ID (a promise kept to the phone in their hand beats none). Both URLs carry
 * {@code entered} (Unix seconds the caller entered the queue) and {@code priority} (their task's), so the callback
 * keeps their place. Signature-checked like every webhook (403 otherwise).
 */
public final class InQueueCallbackRoutes {

    public static final String PATH = "/twiml/callbacks/press-one";
    public static final String CONFIRM_PATH = "/twiml/callbacks/confirm-number";
    /** How many times a caller may type a number before the caller ID is used. */
    static final int TRIES = 2;

    private static final String EMPTY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final TwilioSignatureVerifier signatures;
    private final CallbackRequests requests;
    private final TypedNumbers typedNumbers;
    private final String publicBaseUrl;

    public InQueueCallbackRoutes(TwilioSignatureVerifier signatures, CallbackRequests requests, TypedNumbers typedNumbers,
                                 String publicBaseUrl) {
        this.signatures = signatures;
        this.requests = requests;
        this.typedNumbers = typedNumbers;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** The Gather action for a caller who entered at {@code entered} with a task of {@code priority}. */
    public static String actionUrl(String publicBaseUrl, Instant entered, int priority) {
        return publicBaseUrl + PATH + "?entered=" + entered.getEpochSecond() + "&priority=" + priority;
    }

    /** The action of the number question, asked for the {@code attempt}th time. */
    static String confirmUrl(String publicBaseUrl, long entered, long priority, int attempt) {
        return publicBaseUrl + CONFIRM_PATH + "?entered=" + entered + "&priority=" + priority + "&attempt=" + attempt;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(PATH, this::pressed);
        routes.post(CONFIRM_PATH, this::answered);
    }

    private void pressed(Context ctx) {
        Map<String, String> params = signedParams(ctx);
        if (!"1".equals(params.get("Digits")) || params.get("CallSid") == null) {
            twiml(ctx, EMPTY);
            return;
        }
        String callerId = params.get("From");
        String prompt = PlaceCall.isE164(callerId)
                ? "We will call you back on " + TypedNumbers.spoken(callerId) + ". Press 1 to confirm, or enter another "
                        + "number followed by the hash key."
                : "Please enter the number to call you back on, followed by the hash key.";
        twiml(ctx, Twiml.askForDigits(prompt, next(params, 1)));
    }

    private void answered(Context ctx) {
        Map<String, String> params = signedParams(ctx);
        if (params.get("CallSid") == null) {
            twiml(ctx, EMPTY);
            return;
        }
        String digits = params.getOrDefault("Digits", "");
        String callerId = PlaceCall.isE164(params.get("From")) ? params.get("From") : null;
        Optional<String> number = "1".equals(digits) ? Optional.ofNullable(callerId) : typedNumbers.e164(digits);
        int attempt = (int) longOf(params.get("attempt"));
        if (number.isEmpty() && attempt < TRIES) {
            String heard = digits.isEmpty() ? "We did not hear a number." : "Sorry, " + TypedNumbers.spoken(digits)
                    + " is not a number we can call.";
            twiml(ctx, Twiml.askForDigits(heard + " Please enter the number with its area code, followed by the hash key"
                    + (callerId == null ? "." : ", or press 1 to be called back on the number you are calling from."),
                    next(params, attempt + 1)));
            return;
        }
        String chosen = number.orElse(callerId);
        if (chosen == null) {
            twiml(ctx, Twiml.sayThenHangUp("Sorry, we could not take a number to call you back on. Please call again. "
                    + "Goodbye."));
            return;
        }
        Callback callback = requests.inQueue(chosen, Instant.ofEpochSecond(longOf(params.get("entered"))),
                (int) longOf(params.get("priority")), params.get("CallSid"));
        twiml(ctx, Twiml.sayThenHangUp((number.isEmpty() ? "Sorry, we could not use that number. " : "Thank you. ")
                + "We will call you back on " + TypedNumbers.spoken(callback.number())
                + ", keeping your place in line. Goodbye."));
    }

    private String next(Map<String, String> params, int attempt) {
        return confirmUrl(publicBaseUrl, longOf(params.get("entered")), longOf(params.get("priority")), attempt);
    }

    private Map<String, String> signedParams(Context ctx) {
        Map<String, String> form = singleValued(ctx.formParamMap());
        if (!signatures.validForm(ctx.path(), ctx.queryString(), form, ctx.header("X-Twilio-Signature"))) {
            throw new ApiProblem(Problem.forbidden("X-Twilio-Signature does not match this request"));
        }
        Map<String, String> params = new HashMap<>(singleValued(ctx.queryParamMap()));
        params.putAll(form);
        return params;
    }

    private static void twiml(Context ctx, String body) {
        ctx.status(200).contentType("text/xml").result(body);
    }

    private static long longOf(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
