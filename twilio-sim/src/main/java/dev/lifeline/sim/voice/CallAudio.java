package dev.lifeline.sim.voice;

/**
 * What the media plane is told about each leg, so it knows what the leg hears and who hears it. Implemented by the
 * media plane; calls must not block (they are made while the world lock is held).
 */
public interface CallAudio {

    CallAudio NONE = new CallAudio() {
        @Override
        public void update(String callSid, LegAudio audio) {
        }

        @Override
        public void ended(String callSid) {
        }
    };

    /** The leg's audio situation changed (it joined or left a conference, was muted or held, started a Play, queued…). */
    void update(String callSid, LegAudio audio);

    /** The leg is over: its media stops. */
    void ended(String callSid);
}
