package dev.lifeline.server.http;

import dev.lifeline.model.problem.Problem;
import io.javalin.http.Context;
import java.time.Duration;

/** The one 429 answer: a problem body plus {@code Retry-After} in whole seconds (RFC 9110 §10.2.3), never 0. */
public final class TooManyRequests {

    public static final int STATUS = 429;

    private TooManyRequests() {
    }

    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    public static Problem problem(String detail) {
        return new Problem(Problem.ABOUT_BLANK, "Too many requests", STATUS, detail, null, null);
    }

    /** Sets {@code Retry-After} and returns the problem to throw; the handler must not have changed anything. */
    public static ApiProblem refuse(Context ctx, Duration wait, String what) {
        long seconds = retryAfterSeconds(wait);
        ctx.header("Retry-After", String.valueOf(seconds));
        return new ApiProblem(problem("Too many " + what + "; try again in " + seconds + " s"));
    }
}
