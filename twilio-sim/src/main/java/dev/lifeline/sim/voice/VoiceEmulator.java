package dev.lifeline.sim.voice;

import dev.lifeline.sim.core.CallQueue;
import dev.lifeline.sim.core.ConferenceInstruction;
import dev.lifeline.sim.core.ConferenceSwitch;
import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.TwilioApiException;
import io.javalin.router.JavalinDefaultRoutingApi;

/** Voice: Calls, Conferences, Participants, TwiML, status callbacks, the softphone voice plane. (skeleton) */
public final class VoiceEmulator implements ConferenceSwitch {

    private final SimContext context;
    private CallQueue queue;

    public VoiceEmulator(SimContext context) {
        this.context = context;
    }

    public void connect(CallQueue queue) {
        this.queue = queue;
    }

    public void routes(JavalinDefaultRoutingApi routes) {
    }

    @Override
    public String connect(ConferenceInstruction instruction, WorkerLegListener listener) {
        throw new TwilioApiException(400, 20001, "conference instruction not supported yet");
    }
}
