package dev.lifeline.server.http;

import dev.lifeline.model.api.DesktopApi;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Per-identity request budget on the desktop REST API ({@code /api/*}): a desktop polls its state and sends a
 * few commands a minute, so {@value #PER_SECOND}/s with a burst of {@value #BURST} is far above honest use and
 * keeps one runaway or stolen session from starving everyone else. Requests without a valid bearer token are
 * not counted here: they are refused with 401 anyway, and sign-in has its own throttle.
 * Kept per member; a cluster of N members allows at most N times the budget.
 */
public final class DesktopRateLimit {

    public static final int PER_SECOND = 20;
    public static final int BURST = 40;

    private final Function<String, Optional<String>> identityOfToken;
    private final TokenBuckets buckets;

    /** @param identityOfToken the signed-in identity of a bearer token, empty when the token is not valid */
    public DesktopRateLimit(Function<String, Optional<String>> identityOfToken) {
        this(identityOfToken, System::nanoTime);
    }

    /** @param nanoTime the monotonic clock the budget refills by (see {@link TokenBuckets}) */
    public DesktopRateLimit(Function<String, Optional<String>> identityOfToken, LongSupplier nanoTime) {
        this(identityOfToken, new TokenBuckets(PER_SECOND, BURST, nanoTime));
    }

    DesktopRateLimit(Function<String, Optional<String>> identityOfToken, TokenBuckets buckets) {
        this.identityOfToken = identityOfToken;
        this.buckets = buckets;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.before("/api/*", this::check);
    }

    private void check(Context ctx) {
        String header = ctx.header(DesktopApi.AUTHORIZATION_HEADER);
        if (header == null || !header.startsWith(DesktopApi.BEARER_PREFIX)) {
            return;
        }
        Optional<String> identity = identityOfToken.apply(header.substring(DesktopApi.BEARER_PREFIX.length()).trim());
        if (identity.isEmpty()) {
            return;
        }
        Duration wait = buckets.tryAcquire(identity.get());
        if (!wait.isZero()) {
            throw TooManyRequests.refuse(ctx, wait, "requests");
        }
    }
}
