package dev.lifeline.server.outbound;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.outbound.CallPlaced;
import dev.lifeline.model.outbound.PlaceCall;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.auth.AgentDirectory;
import dev.lifeline.server.auth.SessionAuthenticator;
import dev.lifeline.server.auth.TokenService.Session;
import dev.lifeline.server.http.ApiProblem;
import dev.lifeline.server.softphone.SoftphoneAccess;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * {@code POST /api/me/calls}: the signed-in agent calls a number. Always the caller's own call (there is no other
 * agent to name), so the only authorisation is the session and a TaskRouter worker: a supervisor without one is 403.
 */
public final class OutboundRoutes {

    private final SessionAuthenticator authenticator;
    private final AgentDirectory agents;
    private final SoftphoneAccess softphones;
    private final OutboundDialler dialler;

    public OutboundRoutes(SessionAuthenticator authenticator, AgentDirectory agents, SoftphoneAccess softphones,
                          OutboundDialler dialler) {
        this.authenticator = authenticator;
        this.agents = agents;
        this.softphones = softphones;
        this.dialler = dialler;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(DesktopApi.MY_CALLS, this::placeCall);
    }

    private void placeCall(Context ctx) {
        Session session = authenticator.require(ctx);
        String identity = session.identity();
        String workerSid = agents.workerSid(identity)
                .orElseThrow(() -> new ApiProblem(Problem.forbidden(identity + " has no TaskRouter worker and places no calls")));
        PlaceCall request = JsonCodec.shared().decode(ctx.body(), PlaceCall.class);
        if (softphones.forIdentity(identity).isEmpty()) {
            throw new ApiProblem(Problem.conflict("You have no softphone: the server has no SIP account for " + identity));
        }
        OutboundAgent agent = new OutboundAgent(identity, workerSid, agents.displayName(identity), softphones.addressOf(identity));
        CallPlaced placed = dialler.place(agent, request.to());
        ctx.status(202).contentType("application/json").result(JsonCodec.shared().encode(placed));
    }
}
