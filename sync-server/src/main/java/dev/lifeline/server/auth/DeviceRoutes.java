package dev.lifeline.server.auth;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.auth.DeviceList;
import dev.lifeline.model.auth.RevokeDevice;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.auth.TokenService.Session;
import dev.lifeline.server.http.ApiProblem;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * The devices that may sign in again without a password: the caller's own ({@code GET /api/me/devices}), an agent's
 * for a supervisor ({@code GET /api/supervisor/agents/{id}/devices}) and the supervisor's revocation of one of them,
 * which also ends the sessions it started ({@code POST …/devices/revoke}).
 */
public final class DeviceRoutes {

    private final SessionAuthenticator authenticator;
    private final DeviceCredentials devices;
    private final UserDirectory users;

    public DeviceRoutes(SessionAuthenticator authenticator, DeviceCredentials devices, UserDirectory users) {
        this.authenticator = authenticator;
        this.devices = devices;
        this.users = users;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(DesktopApi.MY_DEVICES, ctx -> {
            Session session = authenticator.require(ctx);
            json(ctx, new DeviceList(session.identity(), devices.devicesOf(session.identity())));
        });
        routes.get(DesktopApi.AGENT_DEVICES, ctx -> {
            authenticator.requireSupervisor(ctx);
            String agent = knownUser(ctx);
            json(ctx, new DeviceList(agent, devices.devicesOf(agent)));
        });
        routes.post(DesktopApi.REVOKE_AGENT_DEVICE, ctx -> {
            Session supervisor = authenticator.requireSupervisor(ctx);
            String agent = knownUser(ctx);
            RevokeDevice request = JsonCodec.shared().decode(ctx.body(), RevokeDevice.class);
            if (!devices.revokeDevice(agent, request.deviceId(), supervisor.identity())) {
                throw new ApiProblem(Problem.notFound("device", request.deviceId() + " of " + agent));
            }
            ctx.status(204);
        });
    }

    private String knownUser(Context ctx) {
        String identity = ctx.pathParam(DesktopApi.ID_PARAM);
        if (!User.isValidIdentity(identity) || users.find(identity).isEmpty()) {
            throw new ApiProblem(Problem.notFound("user", User.isValidIdentity(identity) ? identity : "(invalid name)"));
        }
        return identity;
    }

    private static void json(Context ctx, Object body) {
        ctx.contentType("application/json").result(JsonCodec.shared().encode(body));
    }
}
