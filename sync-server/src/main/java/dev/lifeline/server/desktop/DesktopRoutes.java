package dev.lifeline.server.desktop;

import dev.lifeline.server.softphone.SoftphoneAccess;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.command.ClientCommand;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.auth.SessionAuthenticator;
import dev.lifeline.server.auth.TokenService.Session;
import dev.lifeline.server.http.ApiProblem;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/** Maps the desktop REST surface to {@link DesktopCommands}; authentication first, then the body, then the work. */
final class DesktopRoutes {

    private final SessionAuthenticator authenticator;
    private final DesktopCommands commands;
    private final AgentStates states;
    private final SoftphoneAccess softphones;

    DesktopRoutes(SessionAuthenticator authenticator, DesktopCommands commands, AgentStates states, SoftphoneAccess softphones) {
        this.authenticator = authenticator;
        this.commands = commands;
        this.states = states;
        this.softphones = softphones;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get(DesktopApi.MY_STATE, this::myState);
        routes.get(DesktopApi.MY_SOFTPHONE, this::mySoftphone);
        for (CommandRoute<?> route : CommandRoute.ALL) {
            routes.post(route.path(), ctx -> command(ctx, route));
        }
    }

    private void myState(Context ctx) {
        Session session = authenticator.require(ctx);
        json(ctx, states.snapshot(session.identity(), commands.workerOf(session)));
    }

    private void mySoftphone(Context ctx) {
        Session session = authenticator.require(ctx);
        json(ctx, softphones.forIdentity(session.identity())
                .orElseThrow(() -> new ApiProblem(Problem.notFound("softphone of", session.identity()))));
    }

    private void command(Context ctx, CommandRoute<?> route) {
        Session session = authenticator.require(ctx);
        ClientCommand command = JsonCodec.shared().decode(ctx.body(), route.body());
        String param = route.pathParam();
        if (param != null && !ctx.pathParam(param).equals(route.idIn(command))) {
            throw new ApiProblem(Problem.badRequest(route.pathField(), "must be the same as in the path ("
                    + ctx.pathParam(param) + ")"));
        }
        commands.execute(session, command);
        ctx.status(204);
    }

    private static void json(Context ctx, Object body) {
        ctx.contentType("application/json").result(JsonCodec.shared().encode(body));
    }
}
