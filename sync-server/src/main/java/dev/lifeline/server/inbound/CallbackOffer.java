package dev.lifeline.server.inbound;

import java.time.Duration;
import java.util.Optional;

/**
 * Where the callback offer goes, once callbacks exist (issue 20 builds them; this is the seam it plugs into). Each
 * method answers the whole TwiML document the caller gets instead of the default, or empty to keep the default: the
 * closed message and hang-up outside business hours; the position and hold music after {@code wait.max-wait}.
 */
public interface CallbackOffer {

    /** No offer: callers hear the defaults. */
    CallbackOffer NONE = new CallbackOffer() {
    };

    /** A caller rings outside business hours. */
    default Optional<String> whenClosed(IncomingCall call) {
        return Optional.empty();
    }

    /**
     * A queued caller has waited {@code wait.max-wait} or more; asked again at each announcement while they wait. An
     * offer taken by pressing 1 would answer a {@code <Gather>} whose action ends with {@code <Leave/>}.
     */
    default Optional<String> afterMaxWait(WaitingCall call) {
        return Optional.empty();
    }

    /** A caller in the queue as the waitUrl request describes them. */
    record WaitingCall(String callSid, String from, String skill, int position, Duration queueTime) {
    }
}
