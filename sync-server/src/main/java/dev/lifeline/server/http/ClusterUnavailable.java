package dev.lifeline.server.http;

import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import dev.lifeline.model.problem.Problem;
import io.javalin.http.Context;

/**
 * The answer of a member cut off from the majority of its cluster: 503 with {@code Retry-After}, never a 2xx,
 * because nothing was stored. Twilio's Event Streams retry a 5xx for hours and a load balancer sends the retry
 * to another member; a 2xx would make Twilio forget an event this member could not apply (reliability.md §1.4).
 */
final class ClusterUnavailable {

    static final int STATUS = 503;
    /** The minority stays refused until the partition heals and the sides merge (up to half a minute). */
    static final long RETRY_AFTER_SECONDS = 5;

    private ClusterUnavailable() {
    }

    /** True if the failure, or anything that caused it, is Hazelcast refusing a minority. */
    static boolean isMinorityRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SplitBrainProtectionException) {
                return true;
            }
        }
        return false;
    }

    static Problem refuse(Context ctx) {
        ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        return new Problem(Problem.ABOUT_BLANK, "Service unavailable", STATUS,
                "This server is cut off from the majority of its cluster and cannot store anything; retry later",
                null, null);
    }
}
