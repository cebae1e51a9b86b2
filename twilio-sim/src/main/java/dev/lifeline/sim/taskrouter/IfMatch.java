package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.TwilioApiException;
import io.javalin.http.Context;

/** Optimistic concurrency: an {@code If-Match} header must equal the resource's current version (its ETag). */
final class IfMatch {

    private IfMatch() {
    }

    /** @throws TwilioApiException 412 when the header is present and does not match */
    static void check(Context ctx, int version, String what) {
        String expected = ctx.header("If-Match");
        if (expected == null || expected.isBlank()) {
            return;
        }
        String bare = expected.trim().replace("\"", "");
        if (!bare.equals("*") && !bare.equals(Integer.toString(version))) {
            throw new TwilioApiException(412, 20001,
                    what + " version mismatch: If-Match " + bare + " but the current version is " + version);
        }
    }
}
