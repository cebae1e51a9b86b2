package dev.lifeline.server.supervisor;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.server.auth.SessionAuthenticator;
import io.javalin.router.JavalinDefaultRoutingApi;

/** {@code GET /api/supervisor/snapshot}: the queue snapshot, for supervisors only (their socket pushes it too). */
public final class SupervisorRoutes {

    private final SessionAuthenticator authenticator;
    private final SupervisorFeed feed;

    public SupervisorRoutes(SessionAuthenticator authenticator, SupervisorFeed feed) {
        this.authenticator = authenticator;
        this.feed = feed;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(DesktopApi.SUPERVISOR_SNAPSHOT, ctx -> {
            authenticator.requireSupervisor(ctx);
            ctx.contentType("application/json").result(JsonCodec.shared().encode(feed.snapshot()));
        });
    }
}
