package dev.lifeline.sim.voice;

import dev.lifeline.sim.core.CallQueue;
import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.TwilioApiException;
import dev.lifeline.sim.twiml.TwimlException;
import dev.lifeline.sim.twiml.TwimlFetcher;
import dev.lifeline.sim.twiml.TwimlParser;
import dev.lifeline.sim.twiml.TwimlUrls;
import dev.lifeline.sim.twiml.TwimlVerb;
import dev.lifeline.sim.webhook.Webhook;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <Enqueue>} as TwiML Voice: &lt;Enqueue&gt; documents it: the call waits in a queue (by name, or the one named
 * after its TaskRouter workflow) hearing its {@code waitUrl} document, fetched when it is queued and again each time it
 * runs out of verbs, with {@code QueuePosition}, {@code QueueTime}, {@code AvgQueueTime}, {@code CurrentQueueSize},
 * {@code MaxQueueSize} and {@code QueueSid}. When the call leaves, its {@code action} is requested with
 * {@code QueueResult}, {@code QueueSid} and {@code QueueTime}: at once for {@code leave}, {@code hangup},
 * {@code redirected}, {@code queue-full} and {@code error}, when the bridge ends for a call a conference instruction
 * took ({@code bridged}, or {@code redirected-from-bridged} when the API moves it on). Callers hold the world lock.
 */
final class Queueing {

    private static final Logger log = LoggerFactory.getLogger(Queueing.class);

    private final SimContext context;
    private final TwimlFetcher fetcher;
    private final VoiceQueues queues;
    private final Supplier<CallQueue> taskRouter;
    private final Duration waitFloor;
    private Calls calls;
    private Endpoints endpoints;

    /**
     * @param waitFloor the least sim-clock time between two requests of a waitUrl: call logic gives {@code <Say>} and
     *                  {@code <Play>} no duration, so a document of only those would otherwise be fetched in a loop
     */
    Queueing(SimContext context, TwimlFetcher fetcher, VoiceQueues queues, Supplier<CallQueue> taskRouter,
             Duration waitFloor) {
        this.context = context;
        this.fetcher = fetcher;
        this.queues = queues;
        this.taskRouter = taskRouter;
        this.waitFloor = waitFloor;
    }

    void wire(Calls calls, Endpoints endpoints) {
        this.calls = calls;
        this.endpoints = endpoints;
    }

    /** The verbs a waitUrl document may use (TwiML Voice: &lt;Enqueue&gt;, waitUrl). */
    static boolean allowedWhileWaiting(TwimlVerb verb) {
        return verb instanceof TwimlVerb.Play || verb instanceof TwimlVerb.Say || verb instanceof TwimlVerb.Pause
                || verb instanceof TwimlVerb.Gather || verb instanceof TwimlVerb.Redirect
                || verb instanceof TwimlVerb.Hangup || verb instanceof TwimlVerb.Leave;
    }

    // --- entering ----------------------------------------------------------------------------------------

    void enter(VoiceCall call, TwimlVerb.Enqueue enqueue) {
        call.count("enqueue");
        String action;
        String waitUrl;
        try {
            action = enqueue.action() == null ? null : TwimlUrls.resolve(call.documentUrl, enqueue.action());
            waitUrl = enqueue.waitUrl() == null || enqueue.waitUrl().isEmpty() ? enqueue.waitUrl()
                    : TwimlUrls.resolve(call.documentUrl, enqueue.waitUrl());
        } catch (TwimlException e) {
            calls.twimlFailed(call, "<Enqueue>: " + e.getMessage());
            return;
        }
        QueueMembership.Resume resume = new QueueMembership.Resume(call.program, call.nextVerb, call.documentUrl);
        String name = enqueue.workflowSid() != null ? enqueue.workflowSid() : enqueue.queueName();
        VoiceQueue existing = queues.named(name);
        if (existing != null && existing.full()) {
            call.count("queueFull");
            notEnqueued(call, QueueResult.QUEUE_FULL, action, enqueue.method());
            return;
        }
        if (enqueue.workflowSid() != null) {
            try {
                taskRouter.get().enqueue(taskAttributesOf(call), enqueue.workflowSid(), enqueue.taskAttributes(),
                        enqueue.priority(), enqueue.timeoutSeconds());
            } catch (TwilioApiException e) {
                // Twilio reports a bad <Enqueue> in the debugger and moves on (QueueResult "error" to an action)
                log.info("call {}: <Enqueue> failed: {}", call.sid, e.getMessage());
                call.count("enqueueFailed");
                notEnqueued(call, QueueResult.ERROR, action, enqueue.method());
                return;
            }
        }
        VoiceQueue queue = existing != null ? existing : queues.forEnqueue(enqueue.workflowSid(), enqueue.queueName());
        Instant now = context.clock.now();
        QueueMembership membership = new QueueMembership(queue, enqueue.workflowSid(), now, action, enqueue.method(),
                waitUrl, enqueue.waitUrlMethod(), resume);
        call.queued = membership;
        queue.add(call.sid, now);
        call.program = List.of();
        call.nextVerb = 0;
        call.playUrl = null;
        if (membership.hasWaitDocument()) {
            requestWaitDocument(call);
        } else {
            call.activity = VoiceCall.Activity.QUEUED;
            endpoints.audioChanged(call);
        }
    }

    /** Never enqueued: the action hears why (no {@code QueueSid}, no {@code QueueTime}), else the next verb runs. */
    private void notEnqueued(VoiceCall call, QueueResult result, String action, String method) {
        if (action != null) {
            calls.startFromUrl(call, action, method, Map.of("QueueResult", result.wire()));
        }
    }

    /** The call's parameters as Twilio puts them on an {@code <Enqueue>} task (geographic fields aside). */
    private Map<String, Object> taskAttributesOf(VoiceCall call) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("call_sid", call.sid);
        attributes.put("account_sid", context.accountSid);
        attributes.put("from", call.from);
        attributes.put("to", call.to);
        attributes.put("caller", call.from);
        attributes.put("called", call.to);
        attributes.put("direction", call.direction);
        attributes.put("api_version", "2010-04-01");
        attributes.values().removeIf(Objects::isNull);
        return attributes;
    }

    // --- waiting -----------------------------------------------------------------------------------------

    private void requestWaitDocument(VoiceCall call) {
        QueueMembership membership = call.queued;
        call.generation++;
        long generation = call.generation;
        membership.cycleStartedAt = context.clock.now();
        call.program = List.of();
        call.nextVerb = 0;
        call.playUrl = null;
        call.activity = VoiceCall.Activity.FETCHING_TWIML;
        endpoints.audioChanged(call);
        call.count("waitUrlRequested");
        Map<String, String> params = call.requestParams(context.accountSid);
        params.putAll(waitParams(call, membership));
        fetcher.fetch(membership.waitUrl, membership.waitUrlMethod, params).whenComplete((body, error) -> {
            synchronized (context.world) {
                if (call.generation != generation || call.queued != membership || call.status != CallStatus.IN_PROGRESS) {
                    return;
                }
                call.activity = VoiceCall.Activity.IDLE;
                try {
                    if (error != null) {
                        // assumed: Twilio documents QueueResult "error" for bad waitUrl TwiML; a failed fetch is read alike
                        throw new TwimlException("fetching waitUrl " + membership.waitUrl + " failed: " + error.getMessage(),
                                error);
                    }
                    // "The URL may return an MP3 file, a WAV file, or a TwiML document"
                    List<TwimlVerb> program = body.stripLeading().startsWith("<") ? TwimlParser.parse(body)
                            : List.of(new TwimlVerb.Play(membership.waitUrl, 1));
                    calls.startProgram(call, program, membership.waitUrl);
                } catch (TwimlException e) {
                    calls.twimlFailed(call, e.getMessage());
                }
            }
        });
    }

    /** "Once the TwiML document located at the waitUrl runs out of verbs to execute, Twilio re-requests the waitUrl." */
    void waitDocumentEnded(VoiceCall call) {
        QueueMembership membership = call.queued;
        if (!membership.hasWaitDocument()) {
            call.activity = VoiceCall.Activity.QUEUED;
            return;
        }
        call.activity = VoiceCall.Activity.QUEUED;
        Duration spent = Duration.between(membership.cycleStartedAt, context.clock.now());
        if (spent.compareTo(waitFloor) >= 0) {
            requestWaitDocument(call); // asynchronous: no recursion into the document that just ended
            return;
        }
        Duration wait = waitFloor.minus(spent);
        long generation = call.generation;
        call.timer = context.clock.schedule(wait, () -> {
            synchronized (context.world) {
                if (call.generation == generation && call.queued == membership
                        && call.activity == VoiceCall.Activity.QUEUED) {
                    call.timer = null;
                    requestWaitDocument(call);
                }
            }
        });
    }

    /** The waitUrl request's own parameters (TwiML Voice: &lt;Enqueue&gt;, waitUrl request parameters). */
    private Map<String, String> waitParams(VoiceCall call, QueueMembership membership) {
        VoiceQueue queue = membership.queue;
        Instant now = context.clock.now();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("QueueSid", queue.sid);
        params.put("QueuePosition", Integer.toString(queue.position(call.sid)));
        params.put("QueueTime", Long.toString(queue.waitSeconds(call.sid, now)));
        params.put("AvgQueueTime", Long.toString(queue.averageWaitSeconds(now)));
        params.put("CurrentQueueSize", Integer.toString(queue.size()));
        params.put("MaxQueueSize", Integer.toString(queue.maxSize));
        return params;
    }

    // --- leaving -----------------------------------------------------------------------------------------

    /**
     * The call leaves its queue with {@code result}. After {@code leave} and {@code error} it goes on: with the
     * action's TwiML, or with the verb after its {@code <Enqueue>}. After {@code hangup} and {@code redirected} the
     * action is only told (what it answers is not run: the call is gone, or runs its new TwiML).
     */
    void exit(VoiceCall call, QueueResult result) {
        QueueMembership membership = call.queued;
        if (membership == null) {
            return;
        }
        call.queued = null;
        if (call.timer != null) {
            call.timer.cancel();
            call.timer = null;
        }
        Instant now = context.clock.now();
        long queueTime = membership.queue.waitSeconds(call.sid, now);
        membership.queue.remove(call.sid, now);
        call.count("leftQueue");
        if (membership.workflowSid != null) {
            taskRouter.get().callLeftQueue(call.sid, switch (result) {
                case HANGUP -> "hangup";
                case REDIRECTED -> "redirect";
                default -> result.wire();
            });
        }
        Map<String, String> params = resultParams(result, membership.queue.sid, queueTime);
        switch (result) {
            case HANGUP, REDIRECTED -> {
                if (membership.action != null) {
                    tell(call, membership.action, membership.method, params, result == QueueResult.HANGUP);
                }
                endpoints.audioChanged(call);
            }
            default -> goOn(call, membership, params);
        }
    }

    private void goOn(VoiceCall call, QueueMembership membership, Map<String, String> params) {
        call.generation++;
        call.playUrl = null;
        if (membership.action != null) {
            calls.startFromUrl(call, membership.action, membership.method, params);
            return;
        }
        call.program = membership.resume.program();
        call.nextVerb = membership.resume.nextVerb();
        call.documentUrl = membership.resume.documentUrl();
        call.activity = VoiceCall.Activity.IDLE;
        endpoints.audioChanged(call);
        calls.step(call);
    }

    /** A conference instruction took the call: out of the queue, TaskRouter not told; its action waits for the bridge's end. */
    void bridged(VoiceCall call) {
        QueueMembership membership = call.queued;
        call.queued = null;
        Instant now = context.clock.now();
        long queueTime = membership.queue.waitSeconds(call.sid, now);
        membership.queue.remove(call.sid, now);
        call.bridgedQueue = new BridgedQueue(membership.action, membership.method, membership.queue.sid, queueTime);
        call.program = membership.resume.program();
        call.nextVerb = membership.resume.nextVerb();
        call.documentUrl = membership.resume.documentUrl();
        call.playUrl = null;
        call.activity = VoiceCall.Activity.IDLE;
    }

    /**
     * The bridge ended and the call is still up: "the action URL is hit once when the bridged parties disconnect", and
     * the call goes on with what it answers. @return false when there is no action (the call goes on by itself)
     */
    boolean bridgeEnded(VoiceCall call) {
        BridgedQueue bridged = call.bridgedQueue;
        call.bridgedQueue = null;
        if (bridged == null || bridged.action() == null) {
            return false;
        }
        calls.startFromUrl(call, bridged.action(), bridged.method(),
                resultParams(QueueResult.BRIDGED, bridged.queueSid(), bridged.queueTimeSeconds()));
        return true;
    }

    /** A bridged call left its conference by hanging up ({@code bridged}) or by a redirect ({@code redirected-from-bridged}). */
    void leftBridge(VoiceCall call, Calls.Exit exit) {
        BridgedQueue bridged = call.bridgedQueue;
        call.bridgedQueue = null;
        if (bridged == null || bridged.action() == null || exit == Calls.Exit.BRIDGE) {
            return;
        }
        QueueResult result = exit == Calls.Exit.HANGUP ? QueueResult.BRIDGED : QueueResult.REDIRECTED_FROM_BRIDGED;
        tell(call, bridged.action(), bridged.method(), resultParams(result, bridged.queueSid(), bridged.queueTimeSeconds()),
                exit == Calls.Exit.HANGUP);
    }

    private static Map<String, String> resultParams(QueueResult result, String queueSid, long queueTime) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("QueueResult", result.wire());
        params.put("QueueSid", queueSid);
        params.put("QueueTime", Long.toString(queueTime));
        return params;
    }

    /** An action request whose answer is not run: sent as a signed callback. */
    private void tell(VoiceCall call, String url, String method, Map<String, String> result, boolean callEnded) {
        Map<String, String> params = call.requestParams(context.accountSid);
        if (callEnded) {
            params.put("CallStatus", CallStatus.COMPLETED.wire());
        }
        params.putAll(result);
        call.count("queueActionRequested");
        context.webhooks.send(Webhook.form(url, params, call.sid, method));
    }
}
