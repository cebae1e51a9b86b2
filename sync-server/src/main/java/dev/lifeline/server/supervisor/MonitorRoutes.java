package dev.lifeline.server.supervisor;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.server.auth.SessionAuthenticator;
import dev.lifeline.server.auth.TokenService.Session;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.function.BiConsumer;

/**
 * {@code POST /api/supervisor/calls/{sid}/listen|whisper|barge|leave}: supervisors only (an agent's token is 403, none
 * 401); each answers 202 once its effect is queued, as the call changes when Twilio has done it.
 */
public final class MonitorRoutes {

    private final SessionAuthenticator authenticator;
    private final CallMonitor monitor;

    public MonitorRoutes(SessionAuthenticator authenticator, CallMonitor monitor) {
        this.authenticator = authenticator;
        this.monitor = monitor;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(DesktopApi.LISTEN, ctx -> act(ctx, monitor::listen));
        routes.post(DesktopApi.WHISPER, ctx -> act(ctx, monitor::whisper));
        routes.post(DesktopApi.BARGE, ctx -> act(ctx, monitor::barge));
        routes.post(DesktopApi.LEAVE_CALL, ctx -> act(ctx, monitor::leave));
    }

    private void act(Context ctx, BiConsumer<String, String> action) {
        Session session = authenticator.requireSupervisor(ctx);
        action.accept(session.identity(), ctx.pathParam(DesktopApi.SID_PARAM));
        ctx.status(202);
    }
}
