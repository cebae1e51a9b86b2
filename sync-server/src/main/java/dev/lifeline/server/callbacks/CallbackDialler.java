package dev.lifeline.server.callbacks;

import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.auth.AgentDirectory;
import dev.lifeline.server.conference.Participant;
import dev.lifeline.server.conference.WorkerAssignment;
import dev.lifeline.server.conference.WorkerRegistration;
import dev.lifeline.server.desktop.CallbackAcceptor;
import dev.lifeline.server.engine.RecoveryEngine;
import dev.lifeline.server.http.ApiProblem;
import dev.lifeline.server.taskrouter.TaskAttributesJson;
import dev.lifeline.server.twilio.ConferenceJoin;
import dev.lifeline.server.twilio.TaskDetails;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.server.twilio.VoiceGateway;
import dev.lifeline.server.twilio.VoiceGateway.DialledParticipant;
import dev.lifeline.server.timers.WaitFor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agent-first dialling (seed 002): when an agent accepts a callback's task the agent is connected first — their SIP
 * leg into a conference named by the task, as an outbound call's — and hears a whisper (who, why, when it was
 * asked for), and only then is the customer called, with the contact centre's caller ID and answering machine
 * detection. Who answered decides the rest ({@link CallbackCallRoutes}): a person joins the agent, a machine is left
 * the configured message; busy, no answer and failures are retried by the {@link RetryPolicy}.
 */
public final class CallbackDialler implements CallbackAcceptor {

    private static final Logger log = LoggerFactory.getLogger(CallbackDialler.class);
    public static final String CUSTOMER_LABEL = "customer";

    private final CallbackBook book;
    private final VoiceGateway voice;
    private final TaskRouterGateway taskRouter;
    private final RecoveryEngine engine;
    private final AgentDirectory agents;
    private final CallbackUrls urls;
    private final String callerId;
    private final Clock clock;
    private final Duration answerWait;

    public CallbackDialler(CallbackBook book, VoiceGateway voice, TaskRouterGateway taskRouter, RecoveryEngine engine,
                           AgentDirectory agents, CallbackUrls urls, String callerId, Clock clock, Duration answerWait) {
        this.book = book;
        this.voice = voice;
        this.taskRouter = taskRouter;
        this.engine = engine;
        this.agents = agents;
        this.urls = urls;
        this.callerId = callerId;
        this.clock = clock;
        this.answerWait = answerWait;
    }

    @Override
    public void accept(String identity, String workerSid, String sipAddress, String reservationSid, TaskDetails task) {
        String callbackId = CallbackTasks.callbackIdOf(task.attributesJson());
        if (callerId == null) {
            throw new ApiProblem(Problem.conflict("Callbacks cannot be dialled: the server has no caller ID (outbound.caller-id)"));
        }
        Callback callback = book.startAttempt(callbackId, clock.instant()).orElse(null);
        if (callback == null) {
            taskRouter.cancelTask(task.sid(), "the callback is no longer waiting");
            throw new ApiProblem(Problem.conflict("This callback is no longer waiting to be made"));
        }
        int attempt = callback.attempts().size();
        try {
            dial(identity, workerSid, sipAddress, reservationSid, task, callback, attempt);
        } catch (RuntimeException e) {
            // Nobody reached anybody: the callback goes back to waiting at once, for the next agent.
            book.attemptEnded(callbackId, new CallbackChange.AttemptEnded(attempt, "agent-unreachable", false,
                    clock.instant(), null));
            throw e;
        }
        log.info("{} took callback {} (attempt {}, task {}); the customer is being called", identity, callbackId, attempt,
                task.sid());
    }

    private void dial(String identity, String workerSid, String sipAddress, String reservationSid, TaskDetails task,
                      Callback callback, int attempt) {
        taskRouter.acceptReservation(task.sid(), reservationSid);
        DialledParticipant agentLeg = voice.dial(task.sid(), callerId, sipAddress,
                new ConferenceJoin(identity, false, true, false, urls.conferenceCallback(), ConferenceJoin.STATUS_EVENTS), false);
        boolean answered = WaitFor.present(answerWait, () -> engine.conference(agentLeg.conferenceSid())
                .flatMap(record -> record.participant(agentLeg.callSid())).filter(Participant::present)).isPresent();
        if (!answered) {
            voice.hangUp(agentLeg.callSid());
            taskRouter.completeTask(task.sid(), "the agent's softphone did not answer");
            throw new ApiProblem(Problem.conflict("Your softphone did not answer: check that it is signed in, then try again"));
        }
        // The agent hears who, why and when first; an announcement with only the agent in the conference is theirs.
        voice.announce(agentLeg.conferenceSid(), urls.whisper(callback.id()));
        String customerCall = voice.callDetectingMachines(callback.number(), callerId,
                urls.answered(callback.id(), attempt, task.sid(), agentLeg.callSid()),
                urls.status(callback.id(), attempt, task.sid(), agentLeg.callSid()));
        book.called(callback.id(), attempt, customerCall);
        engine.registerWorker(new WorkerRegistration(agentLeg.conferenceSid(), agentLeg.callSid(), customerCall,
                new WorkerAssignment(workerSid, agents.displayName(identity), reservationSid, task.sid(), task.workflowSid(),
                        TaskAttributesJson.read(task.attributesJson()))));
    }

    /**
     * The URLs Twilio is given for a callback's calls, all under the server's public base URL. The whisper's carries a
     * token (HMAC-SHA256 of the callback id under {@code urlKey}, the account's auth token): Twilio fetches an
     * announcement as media, and the whisper names the customer, so only a URL the server made may read it.
     */
    public record CallbackUrls(String publicBaseUrl, String conferenceCallback, byte[] urlKey) {

        String whisper(String callbackId) {
            return publicBaseUrl + CallbackCallRoutes.WHISPER_PATH + "?callback=" + encode(callbackId) + "&token="
                    + whisperToken(callbackId);
        }

        /** The whisper URL's token for {@code callbackId}. */
        String whisperToken(String callbackId) {
            try {
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(urlKey, "HmacSHA256"));
                return java.util.HexFormat.of().formatHex(mac.doFinal(callbackId.getBytes(StandardCharsets.UTF_8)));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }

        String answered(String callbackId, int attempt, String taskSid, String agentCallSid) {
            return publicBaseUrl + CallbackCallRoutes.ANSWERED_PATH + query(callbackId, attempt, taskSid, agentCallSid);
        }

        String status(String callbackId, int attempt, String taskSid, String agentCallSid) {
            return publicBaseUrl + CallbackCallRoutes.STATUS_PATH + query(callbackId, attempt, taskSid, agentCallSid);
        }

        private static String query(String callbackId, int attempt, String taskSid, String agentCallSid) {
            return "?callback=" + encode(callbackId) + "&attempt=" + attempt + "&task=" + encode(taskSid) + "&agent="
                    + encode(agentCallSid);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
