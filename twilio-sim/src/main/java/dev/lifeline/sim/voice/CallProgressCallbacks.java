package dev.lifeline.sim.voice;

import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.TwilioDates;
import dev.lifeline.sim.webhook.Webhook;
import java.time.Duration;
import java.util.Map;

/** A call's own {@code StatusCallback} (call progress events), as Twilio posts it. */
final class CallProgressCallbacks {

    private final SimContext context;

    CallProgressCallbacks(SimContext context) {
        this.context = context;
    }

    /** @param word {@code initiated ringing answered completed} */
    void send(VoiceCall call, String word) {
        if (!call.progress.wants(word)) {
            return;
        }
        Map<String, String> params = call.requestParams(context.accountSid);
        params.put("CallbackSource", "call-progress-events");
        params.put("SequenceNumber", Integer.toString(call.progressSequence++));
        params.put("Timestamp", TwilioDates.rfc2822(context.clock.now()));
        if (call.answeredBy != null) {
            params.put("AnsweredBy", call.answeredBy); // assumed: once AMD has decided, Twilio's callbacks carry it
        }
        if (call.parentCallSid != null) {
            params.put("ParentCallSid", call.parentCallSid);
        }
        if ("completed".equals(word)) {
            String duration = Long.toString(duration(call));
            params.put("CallDuration", duration);
            params.put("Duration", duration);
        }
        context.webhooks.send(Webhook.form(call.progress.url(), params, call.sid, call.progress.method()));
    }

    static long duration(VoiceCall call) {
        if (call.startTime == null || call.endTime == null) {
            return 0;
        }
        return Duration.between(call.startTime, call.endTime).toSeconds();
    }
}
