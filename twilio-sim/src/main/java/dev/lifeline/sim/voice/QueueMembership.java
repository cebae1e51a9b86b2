package dev.lifeline.sim.voice;

import dev.lifeline.sim.twiml.TwimlVerb;
import java.time.Instant;
import java.util.List;

/**
 * A call's stay in a queue: which queue, what its {@code <Enqueue>} asked for (action and waitUrl already resolved
 * against the document), and where the call's own TwiML goes on after a {@code <Leave>}. While a call has one, the
 * TwiML it runs is its wait document. Touched under the world lock.
 */
final class QueueMembership {

    final VoiceQueue queue;
    /** The TaskRouter workflow that has a task for the call; null for a queue by name. */
    final String workflowSid;
    final Instant enqueuedAt;
    /** Requested when the call leaves the queue; null = the call goes on with its next verb. */
    final String action;
    final String method;
    /** null = the built-in hold music (Twilio's default playlist); empty = silence. */
    final String waitUrl;
    final String waitUrlMethod;
    final Resume resume;
    /** When the wait document now running was requested (it is asked for again once it ends). */
    Instant cycleStartedAt;

    QueueMembership(VoiceQueue queue, String workflowSid, Instant enqueuedAt, String action, String method, String waitUrl,
                    String waitUrlMethod, Resume resume) {
        this.queue = queue;
        this.workflowSid = workflowSid;
        this.enqueuedAt = enqueuedAt;
        this.action = action;
        this.method = method;
        this.waitUrl = waitUrl;
        this.waitUrlMethod = waitUrlMethod;
        this.resume = resume;
        this.cycleStartedAt = enqueuedAt;
    }

    /** Where the call's own document stands: the verbs after the {@code <Enqueue>}. */
    record Resume(List<TwimlVerb> program, int nextVerb, String documentUrl) {
    }

    boolean defaultMusic() {
        return waitUrl == null;
    }

    boolean hasWaitDocument() {
        return waitUrl != null && !waitUrl.isEmpty();
    }
}
