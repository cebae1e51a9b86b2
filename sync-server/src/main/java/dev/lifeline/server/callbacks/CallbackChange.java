package dev.lifeline.server.callbacks;

import com.hazelcast.map.EntryProcessor;
import java.time.Instant;
import java.util.Map;

/**
 * The changes to a callback that must not race with another member's, each applied atomically on the key's owner
 * (and written through to the database there). Named classes, not lambdas: the member protocol deserializes only
 * Lifeline's classes, and a serialized lambda is a {@code java.lang.invoke} one.
 */
final class CallbackChange {

    private CallbackChange() {
    }

    /** Takes a due callback for this member to queue: SCHEDULED and due → ENQUEUING; answers null otherwise. */
    record ClaimDue(Instant now) implements EntryProcessor<String, Callback, Callback> {
        @Override
        public Callback process(Map.Entry<String, Callback> entry) {
            Callback callback = entry.getValue();
            if (callback == null || !callback.isDue(now)) {
                return null;
            }
            Callback claimed = callback.inState(CallbackState.ENQUEUING);
            entry.setValue(claimed);
            return claimed;
        }
    }

    /** Its task is in the queue: ENQUEUING → QUEUED with the task; answers whether it changed. */
    record Queued(String taskSid) implements EntryProcessor<String, Callback, Boolean> {
        @Override
        public Boolean process(Map.Entry<String, Callback> entry) {
            Callback callback = entry.getValue();
            if (callback == null || callback.state() != CallbackState.ENQUEUING) {
                return false;
            }
            entry.setValue(callback.queuedAs(taskSid));
            return true;
        }
    }

    /** Closes a callback that is not closed yet; answers whether it changed. */
    record Close(CallbackState finalState, String reason) implements EntryProcessor<String, Callback, Boolean> {
        @Override
        public Boolean process(Map.Entry<String, Callback> entry) {
            Callback callback = entry.getValue();
            if (callback == null || callback.state().isFinal()) {
                return false;
            }
            entry.setValue(callback.closed(finalState, reason));
            return true;
        }
    }

    /** An agent took the task: QUEUED → DIALLING with a new attempt; answers the callback, or null if it is not queued. */
    record StartAttempt(Instant now) implements EntryProcessor<String, Callback, Callback> {
        @Override
        public Callback process(Map.Entry<String, Callback> entry) {
            Callback callback = entry.getValue();
            if (callback == null || callback.state() != CallbackState.QUEUED) {
                return null;
            }
            Callback dialling = callback.inState(CallbackState.DIALLING)
                    .withAttempt(new CallbackAttempt(callback.attempts().size() + 1, now, null, null));
            entry.setValue(dialling);
            return dialling;
        }
    }

    /** The customer's call of attempt {@code number} was placed. */
    record Called(int number, String callSid) implements EntryProcessor<String, Callback, Boolean> {
        @Override
        public Boolean process(Map.Entry<String, Callback> entry) {
            Callback callback = entry.getValue();
            if (callback == null) {
                return false;
            }
            return callback.attempts().stream().filter(a -> a.number() == number && a.callSid() == null).findFirst()
                    .map(a -> {
                        // Its end may have been reported already (a busy line answers faster than this write).
                        entry.setValue(callback.withAttempt(new CallbackAttempt(number, a.startedAt(), callSid, a.outcome())));
                        return true;
                    }).orElse(false);
        }
    }

    /**
     * Attempt {@code number} ended with {@code outcome} (its first report wins: Twilio may repeat a callback). Reached
     * (answered, or a message left): COMPLETED. Not reached: SCHEDULED again at {@code retryAt}, or FAILED with
     * {@code failReason} when there is none.
     */
    record AttemptEnded(int number, String outcome, boolean reached, Instant retryAt, String failReason)
            implements EntryProcessor<String, Callback, Callback> {
        @Override
        public Callback process(Map.Entry<String, Callback> entry) {
            Callback callback = entry.getValue();
            if (callback == null || callback.state() != CallbackState.DIALLING) {
                return null;
            }
            CallbackAttempt attempt = callback.attempts().stream().filter(a -> a.number() == number && a.outcome() == null)
                    .findFirst().orElse(null);
            if (attempt == null) {
                return null;
            }
            Callback ended = callback.withAttempt(attempt.endedWith(outcome));
            Callback next = reached ? ended.closed(CallbackState.COMPLETED, "machine".equals(outcome)
                    ? "the message was left on an answering machine" : null)
                    : retryAt != null ? ended.rescheduledAt(retryAt) : ended.closed(CallbackState.FAILED, failReason);
            entry.setValue(next);
            return next;
        }
    }

    /** The preferred agent had their turn: anyone may take it now. */
    record OfferToAnyone() implements EntryProcessor<String, Callback, Boolean> {
        @Override
        public Boolean process(Map.Entry<String, Callback> entry) {
            Callback callback = entry.getValue();
            if (callback == null || callback.preferredAgent() == null) {
                return false;
            }
            entry.setValue(callback.forAnyone());
            return true;
        }
    }
}
