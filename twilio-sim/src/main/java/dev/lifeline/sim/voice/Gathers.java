package dev.lifeline.sim.voice;

import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.twiml.TwimlException;
import dev.lifeline.sim.twiml.TwimlUrls;
import dev.lifeline.sim.twiml.TwimlVerb;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code <Gather input="dtmf">} as TwiML Voice: &lt;Gather&gt; documents it: the nested {@code <Say>}, {@code <Play>}
 * and {@code <Pause>} run first and a key cuts them short; the {@code timeout} (sim clock) starts when they are over or
 * at the first key and starts again at each key; {@code finishOnKey} (not sent in {@code Digits}) or {@code numDigits}
 * end it at once. With input, or with {@code actionOnEmptyResult}, the {@code action} (default: the document's own URL)
 * is requested with {@code Digits} and {@code FinishedOnKey} and its TwiML runs; without, the next verb runs. Callers
 * hold the world lock.
 */
final class Gathers {

    private final SimContext context;
    private Calls calls;
    private Endpoints endpoints;

    Gathers(SimContext context) {
        this.context = context;
    }

    void wire(Calls calls, Endpoints endpoints) {
        this.calls = calls;
        this.endpoints = endpoints;
    }

    void start(VoiceCall call, TwimlVerb.Gather gather) {
        call.count("gather");
        call.gather = new GatherState(gather);
        call.activity = VoiceCall.Activity.GATHERING;
        prompt(call);
    }

    /** Runs the nested verbs from where they stand; when they are over, the timeout starts. */
    private void prompt(VoiceCall call) {
        GatherState gather = call.gather;
        call.activity = VoiceCall.Activity.GATHERING;
        while (gather.nextPrompt < gather.verb.prompts().size()) {
            TwimlVerb prompt = gather.verb.prompts().get(gather.nextPrompt++);
            if (prompt instanceof TwimlVerb.Play play) {
                call.count("play");
                call.playUrl = play.url();
                call.playLoops = play.loop();
                endpoints.audioChanged(call);
                if (play.loop() == 0) {
                    return; // plays until a key is pressed; the timeout never starts before that
                }
            } else if (prompt instanceof TwimlVerb.Say say) {
                call.said(say.text());
                if (say.loop() == 0) {
                    return;
                }
            } else if (prompt instanceof TwimlVerb.Pause pause) {
                calls.pause(call, pause.seconds(), () -> {
                    if (call.gather == gather) {
                        prompt(call);
                    }
                });
                return;
            }
        }
        awaitInput(call);
    }

    private void awaitInput(VoiceCall call) {
        GatherState gather = call.gather;
        gather.waitingForInput = true;
        call.activity = VoiceCall.Activity.GATHERING;
        if (call.timer != null) {
            call.timer.cancel();
        }
        call.timer = context.clock.schedule(Duration.ofSeconds(gather.verb.timeoutSeconds()), () -> {
            synchronized (context.world) {
                if (call.gather == gather) {
                    call.timer = null;
                    finish(call, "");
                }
            }
        });
    }

    /** A key the far end pressed. @return false when no {@code <Gather>} is listening (Twilio drops the key) */
    boolean key(VoiceCall call, char key) {
        GatherState gather = call.gather;
        if (gather == null) {
            return false;
        }
        if (gather.prompting()) {
            // a key interrupts the prompts: the audio stops and the timeout starts
            gather.nextPrompt = gather.verb.prompts().size();
            call.playUrl = null;
            endpoints.audioChanged(call);
        }
        String finishOnKey = gather.verb.finishOnKey();
        if (!finishOnKey.isEmpty() && finishOnKey.charAt(0) == key) {
            finish(call, finishOnKey);
            return true;
        }
        gather.digits.append(key);
        Integer numDigits = gather.verb.numDigits();
        if (numDigits != null && gather.digits.length() >= numDigits) {
            finish(call, "");
        } else {
            awaitInput(call);
        }
        return true;
    }

    private void finish(VoiceCall call, String finishedOnKey) {
        GatherState gather = call.gather;
        cancel(call);
        call.activity = VoiceCall.Activity.IDLE;
        call.playUrl = null;
        endpoints.audioChanged(call);
        String digits = gather.digits.toString();
        if (digits.isEmpty() && !gather.verb.actionOnEmptyResult()) {
            calls.step(call); // "the call flow in the original TwiML document continues"
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Digits", digits);
        params.put("FinishedOnKey", finishedOnKey);
        String action = gather.verb.action();
        if (action == null) {
            if (call.documentUrl == null) {
                calls.twimlFailed(call, "<Gather> has no action and its TwiML was given inline: there is no document "
                        + "URL to request");
                return;
            }
            action = call.documentUrl; // "If you omit this attribute, Twilio calls the TwiML document making the request"
        }
        try {
            action = TwimlUrls.resolve(call.documentUrl, action);
        } catch (TwimlException e) {
            calls.twimlFailed(call, "<Gather>: " + e.getMessage());
            return;
        }
        call.count("gatherActionRequested");
        calls.startFromUrl(call, action, gather.verb.method(), params);
    }

    /** Stops a running {@code <Gather>} without a result (the call hung up, was redirected, left its queue…). */
    void cancel(VoiceCall call) {
        if (call.gather == null) {
            return;
        }
        call.gather = null;
        if (call.timer != null) {
            call.timer.cancel();
            call.timer = null;
        }
    }
}
