package dev.lifeline.sim.voice;

import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.webhook.Webhook;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answering Machine Detection on an answered outbound call. The verdict is the scenario's ({@link EndpointBehaviour}):
 * a person ({@code human}) unless the address is set to a machine or a fax; it comes after the behaviour's detection
 * time on the sim clock, or as {@code unknown} at {@code MachineDetectionTimeout}. Synchronous: the call's TwiML waits
 * for the verdict and its {@code Url} request carries {@code AnsweredBy} and {@code MachineDetectionDuration} (ms).
 * {@code AsyncAmd=true}: the TwiML runs at once and the verdict goes to {@code AsyncAmdStatusCallback} with
 * {@code CallSid}, {@code AccountSid}, {@code AnsweredBy} and {@code MachineDetectionDuration}. Callers hold the world lock.
 */
final class MachineDetector {

    private final SimContext context;
    private final Calls calls;
    private final Endpoints endpoints;

    MachineDetector(SimContext context, Calls calls, Endpoints endpoints) {
        this.context = context;
        this.calls = calls;
        this.endpoints = endpoints;
    }

    /** The outbound API call answered: run its TwiML, detecting first (or alongside) when AMD was asked for. */
    void answered(VoiceCall call, String method) {
        MachineDetection amd = call.amd;
        if (amd == null) {
            calls.runInitialProgram(call, method, Map.of());
            return;
        }
        EndpointBehaviour behaviour = endpoints.behaviour(call.to);
        String verdict = behaviour == null ? "human" : behaviour.verdict(amd);
        Duration limit = Duration.ofSeconds(amd.timeoutSeconds());
        Duration took = behaviour == null ? EndpointBehaviour.DEFAULT_DETECTION : behaviour.detectionTime();
        if ("unknown".equals(verdict) || took.compareTo(limit) > 0) {
            verdict = "unknown"; // "timing out and sending a voice request with AnsweredBy of unknown"
            took = limit;
        }
        String answeredBy = verdict;
        Duration duration = took;
        call.count("machineDetection");
        if (amd.async()) {
            calls.runInitialProgram(call, method, Map.of());
            call.amdTimer = context.clock.schedule(duration, () -> {
                synchronized (context.world) {
                    call.amdTimer = null;
                    if (call.status == CallStatus.IN_PROGRESS) {
                        decided(call, answeredBy);
                        report(call, amd, answeredBy, duration);
                    }
                }
            });
            return;
        }
        call.activity = VoiceCall.Activity.DETECTING_MACHINE;
        long generation = call.generation;
        call.timer = context.clock.schedule(duration, () -> {
            synchronized (context.world) {
                if (call.generation == generation && call.activity == VoiceCall.Activity.DETECTING_MACHINE) {
                    call.timer = null;
                    call.activity = VoiceCall.Activity.IDLE;
                    decided(call, answeredBy);
                    calls.runInitialProgram(call, method, Map.of("AnsweredBy", answeredBy,
                            "MachineDetectionDuration", Long.toString(duration.toMillis())));
                }
            }
        });
    }

    private static void decided(VoiceCall call, String answeredBy) {
        call.answeredBy = answeredBy;
        call.count("answeredBy_" + answeredBy);
    }

    private void report(VoiceCall call, MachineDetection amd, String answeredBy, Duration duration) {
        if (amd.asyncCallback() == null) {
            return; // Twilio warning 21262: the result is only on the Call resource
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", call.sid);
        params.put("AccountSid", context.accountSid);
        params.put("AnsweredBy", answeredBy);
        params.put("MachineDetectionDuration", Long.toString(duration.toMillis()));
        context.webhooks.send(Webhook.form(amd.asyncCallback(), params, call.sid, amd.asyncCallbackMethod()));
    }
}
