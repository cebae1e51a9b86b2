package dev.lifeline.server.callbacks;

import static dev.lifeline.server.webhooks.WebhookRoutes.singleValued;

import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.http.ApiProblem;
import dev.lifeline.server.twilio.ConferenceJoin;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.server.twilio.TwilioSignatureVerifier;
import dev.lifeline.server.twilio.Twiml;
import dev.lifeline.server.twilio.VoiceGateway;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Twilio asks about a callback's calls, each checked (403 and nothing done otherwise):
 * <ul>
 * <li>{@value #WHISPER_PATH}: the agent's whisper, {@code <Say>} who, why and when the customer asked (fetched as an
 *     announcement, which Twilio may do without a signature: the URL's own token is checked instead);</li>
 * <li>{@value #ANSWERED_PATH}: the customer's call was answered and machine detection says by whom ({@code AnsweredBy}):
 *     a person (or {@code unknown}) joins the agent's conference, a machine is left {@code callbacks.machine-message};</li>
 * <li>{@value #STATUS_PATH}: the customer's call ended; busy, no answer and failures are tried again later by the
 *     {@link RetryPolicy}, or the callback closes FAILED with the reason.</li>
 * </ul>
 * Ending the agent's leg and the task is done off the request thread: Twilio is waiting for this answer.
 */
public final class CallbackCallRoutes implements AutoCloseable {

    public static final String WHISPER_PATH = "/twiml/callbacks/whisper";
    public static final String ANSWERED_PATH = "/twiml/callbacks/answered";
    public static final String STATUS_PATH = "/webhooks/callbacks/status";
    private static final Logger log = LoggerFactory.getLogger(CallbackCallRoutes.class);
    private static final Set<String> PERSON = Set.of("human", "unknown");
    private static final Set<String> MACHINE = Set.of("machine_start", "machine_end_beep", "machine_end_silence",
            "machine_end_other");
    private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);

    private final TwilioSignatureVerifier signatures;
    private final CallbackBook book;
    private final VoiceGateway voice;
    private final TaskRouterGateway taskRouter;
    private final RetryPolicy retries;
    private final String machineMessage;
    private final String conferenceCallbackUrl;
    private final CallbackDialler.CallbackUrls urls;
    private final Clock clock;
    private final ExecutorService cleanups = dev.lifeline.server.timers.DaemonPool.named("callback-cleanup", 1);

    public CallbackCallRoutes(TwilioSignatureVerifier signatures, CallbackBook book, VoiceGateway voice,
                              TaskRouterGateway taskRouter, RetryPolicy retries, String machineMessage,
                              CallbackDialler.CallbackUrls urls, Clock clock) {
        this.signatures = signatures;
        this.book = book;
        this.voice = voice;
        this.taskRouter = taskRouter;
        this.retries = retries;
        this.machineMessage = machineMessage;
        this.conferenceCallbackUrl = urls.conferenceCallback();
        this.urls = urls;
        this.clock = clock;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(WHISPER_PATH, this::whisper);
        routes.post(WHISPER_PATH, this::whisper);
        routes.post(ANSWERED_PATH, this::answered);
        routes.post(STATUS_PATH, this::status);
    }

    private void whisper(Context ctx) {
        String id = ctx.queryParam("callback") == null ? "" : ctx.queryParam("callback");
        byte[] expected = urls.whisperToken(id).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] given = String.valueOf(ctx.queryParam("token")).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (!java.security.MessageDigest.isEqual(expected, given)) {
            throw new ApiProblem(Problem.forbidden("this whisper URL was not made by this server"));
        }
        Callback callback = book.find(id).orElseThrow(() -> new ApiProblem(Problem.notFound("callback", id)));
        ctx.status(200).contentType("text/xml").result(Twiml.say(whisperText(callback)));
    }

    /** Who, why, when: what the agent needs before the customer picks up. */
    static String whisperText(Callback callback) {
        String reason = callback.reason().isBlank() ? "no reason given" : callback.reason();
        return "Callback to " + String.join(" ", callback.number().split("")) + ". Reason: " + reason + ". Requested "
                + SPOKEN.format(callback.requestedAt().atZone(java.time.ZoneId.of(callback.zone()))) + ", "
                + callback.zone().replace('_', ' ') + " time.";
    }

    private void answered(Context ctx) {
        Map<String, String> params = signed(ctx);
        String id = params.getOrDefault("callback", "");
        int attempt = attemptOf(params);
        String answeredBy = params.getOrDefault("AnsweredBy", "unknown");
        String taskSid = params.getOrDefault("task", "");
        if (PERSON.contains(answeredBy)) {
            book.attemptEnded(id, new CallbackChange.AttemptEnded(attempt, "answered", true, null, null));
            ctx.status(200).contentType("text/xml").result(Twiml.joinConference(taskSid, new ConferenceJoin(
                    CallbackDialler.CUSTOMER_LABEL, true, true, false, conferenceCallbackUrl, ConferenceJoin.STATUS_EVENTS)));
            return;
        }
        boolean machine = MACHINE.contains(answeredBy);
        String outcome = machine ? "machine" : answeredBy;
        Optional<Callback> after = machine
                ? book.attemptEnded(id, new CallbackChange.AttemptEnded(attempt, outcome, true, null, null))
                : notReached(id, attempt, outcome);
        after.ifPresent(c -> releaseAgent(params, "callback attempt " + attempt + ": " + outcome));
        ctx.status(200).contentType("text/xml").result(machine ? Twiml.sayThenHangUp(machineMessage)
                : "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Hangup/></Response>");
    }

    private void status(Context ctx) {
        Map<String, String> params = signed(ctx);
        String callStatus = params.getOrDefault("CallStatus", "");
        String outcome = switch (callStatus) {
            case "busy", "no-answer", "failed", "canceled" -> callStatus;
            // Completed without a verdict: the customer hung up before detection finished.
            case "completed" -> "hung-up";
            default -> null;
        };
        if (outcome != null) {
            notReached(params.getOrDefault("callback", ""), attemptOf(params), outcome)
                    .ifPresent(c -> releaseAgent(params, "callback attempt ended: " + outcome));
        }
        ctx.status(204);
    }

    /** The attempt ends unreached: tried again later, or closed; empty when it had ended already (a repeat). */
    private Optional<Callback> notReached(String id, int attempt, String outcome) {
        Callback callback = book.find(id).orElse(null);
        if (callback == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Callback ended = callback.attempts().stream().filter(a -> a.number() == attempt).findFirst()
                .map(a -> callback.withAttempt(a.endedWith(outcome))).orElse(callback);
        Optional<Instant> retryAt = retries.next(ended, now, ThreadLocalRandom.current().nextDouble());
        Optional<Callback> after = book.attemptEnded(id, new CallbackChange.AttemptEnded(attempt, outcome, false,
                retryAt.orElse(null), retries.closeReason(ended, now)));
        after.ifPresent(c -> log.info("callback {} attempt {}: {}; {}", id, attempt, outcome,
                c.state() == CallbackState.SCHEDULED ? "next try at " + c.dueAt() : "closed: " + c.closeReason()));
        return after;
    }

    /** Hangs up the agent's waiting leg and completes the task, after this answer has gone back to Twilio. */
    private void releaseAgent(Map<String, String> params, String reason) {
        String agentCall = params.get("agent");
        String taskSid = params.get("task");
        cleanups.execute(() -> {
            try {
                if (agentCall != null) {
                    voice.hangUp(agentCall);
                }
                if (taskSid != null) {
                    taskRouter.completeTask(taskSid, reason);
                }
            } catch (RuntimeException e) {
                log.warn("releasing the agent after {} failed: {}", reason, e.getMessage());
            }
        });
    }

    private static int attemptOf(Map<String, String> params) {
        try {
            return Integer.parseInt(params.getOrDefault("attempt", ""));
        } catch (NumberFormatException e) {
            throw new ApiProblem(Problem.badRequest("attempt", "must be a whole number"));
        }
    }

    /** The request's parameters (query and form) once its signature holds; 403 otherwise. */
    private Map<String, String> signed(Context ctx) {
        Map<String, String> form = ctx.method().name().equals("GET") ? Map.of() : singleValued(ctx.formParamMap());
        if (!signatures.validForm(ctx.path(), ctx.queryString(), form, ctx.header("X-Twilio-Signature"))) {
            throw new ApiProblem(Problem.forbidden("X-Twilio-Signature does not match this request"));
        }
        Map<String, String> params = new HashMap<>(singleValued(ctx.queryParamMap()));
        params.putAll(form);
        return params;
    }

    @Override
    public void close() {
        cleanups.shutdownNow();
    }
}
