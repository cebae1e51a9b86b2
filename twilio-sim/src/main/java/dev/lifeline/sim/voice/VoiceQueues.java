package dev.lifeline.sim.voice;

import dev.lifeline.sim.core.Sids;
import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.TwilioApiException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The account's call queues. {@code <Enqueue>name} creates a queue of that name on demand; {@code <Enqueue
 * workflowSid>} uses a queue named after the workflow SID, as Twilio's "Queueing Twilio calls with TaskRouter" page
 * says ("list your account's queue resources filtered by FriendlyName, or your workflow Sid"). Callers hold the world
 * lock.
 */
final class VoiceQueues {

    /** The Queue resource's and {@code <Enqueue>}'s documented default maximum size. */
    static final int DEFAULT_MAX_SIZE = 1000;
    /** "Voice tasks or calls are limited to 100 by default per queue" (Queueing Twilio calls with TaskRouter). */
    static final int TASKROUTER_DEFAULT_MAX_SIZE = 100;
    /** "The maximum is 5000" (Queue resource, MaxSize). */
    static final int LARGEST_MAX_SIZE = 5000;

    private final SimContext context;
    private final Map<String, VoiceQueue> bySid = new LinkedHashMap<>();

    VoiceQueues(SimContext context) {
        this.context = context;
    }

    Collection<VoiceQueue> all() {
        return bySid.values();
    }

    VoiceQueue require(String sid) {
        VoiceQueue queue = bySid.get(sid);
        if (queue == null) {
            throw TwilioApiException.notFound("Queue", sid);
        }
        return queue;
    }

    VoiceQueue named(String friendlyName) {
        return bySid.values().stream().filter(q -> q.friendlyName.equals(friendlyName)).findFirst().orElse(null);
    }

    /** The queue {@code <Enqueue>} puts a call in: by name, or named after the workflow; made on first use. */
    VoiceQueue forEnqueue(String workflowSid, String queueName) {
        String name = workflowSid != null ? workflowSid : queueName;
        VoiceQueue queue = named(name);
        return queue != null ? queue
                : create(name, workflowSid != null ? TASKROUTER_DEFAULT_MAX_SIZE : DEFAULT_MAX_SIZE);
    }

    VoiceQueue create(String friendlyName, int maxSize) {
        if (named(friendlyName) != null) {
            // assumed: Twilio documents no error for a duplicate name, but <Enqueue>name must find one queue
            throw TwilioApiException.badRequest("A queue named '" + friendlyName + "' already exists");
        }
        VoiceQueue queue = new VoiceQueue(Sids.next("QU"), friendlyName, maxSize, context.clock.now());
        bySid.put(queue.sid, queue);
        return queue;
    }

    void delete(VoiceQueue queue) {
        if (queue.size() > 0) {
            // Twilio: "Remove an empty queue"; the code for a queue with calls in it is assumed
            throw TwilioApiException.badRequest("Queue " + queue.sid + " still has " + queue.size()
                    + " calls in it; only an empty queue can be deleted");
        }
        bySid.remove(queue.sid);
    }
}
