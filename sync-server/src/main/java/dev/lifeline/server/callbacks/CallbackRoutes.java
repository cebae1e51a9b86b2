package dev.lifeline.server.callbacks;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.callbacks.ScheduleCallback;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.auth.AgentDirectory;
import dev.lifeline.server.auth.SessionAuthenticator;
import dev.lifeline.server.http.ApiProblem;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * {@code /api/me/callbacks}: an agent promises a customer a call at a time (POST), and lists the callbacks they
 * promised (GET). Agents only: a supervisor has no TaskRouter worker and answers 403, as on {@code /api/me/calls}.
 * {@code /api/callbacks} (GET): the queue's open and failed callbacks, for every signed-in user (the desktop's
 * Callbacks view and the supervisor's tab).
 */
public final class CallbackRoutes {

    private final SessionAuthenticator authenticator;
    private final AgentDirectory agents;
    private final CallbackRequests requests;
    private final CallbackBook book;

    public CallbackRoutes(SessionAuthenticator authenticator, AgentDirectory agents, CallbackRequests requests,
                          CallbackBook book) {
        this.authenticator = authenticator;
        this.agents = agents;
        this.requests = requests;
        this.book = book;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(DesktopApi.MY_CALLBACKS, this::schedule);
        routes.get(DesktopApi.MY_CALLBACKS, this::list);
        routes.get(DesktopApi.QUEUE_CALLBACKS, this::queue);
    }

    private void queue(Context ctx) {
        authenticator.require(ctx);
        ctx.status(200).contentType("application/json").result(JsonCodec.shared().encode(CallbackViews.list(
                book.all().stream().filter(c -> c.state() != CallbackState.COMPLETED && c.state() != CallbackState.CANCELLED)
                        .toList())));
    }

    private void schedule(Context ctx) {
        String identity = agentOf(ctx);
        ScheduleCallback request = JsonCodec.shared().decode(ctx.body(), ScheduleCallback.class);
        Callback kept = requests.schedule(request, sourceOf(identity));
        ctx.status(201).contentType("application/json").result(JsonCodec.shared().encode(CallbackViews.of(kept)));
    }

    private void list(Context ctx) {
        String identity = agentOf(ctx);
        ctx.status(200).contentType("application/json")
                .result(JsonCodec.shared().encode(CallbackViews.list(book.requestedBy(sourceOf(identity)))));
    }

    private String agentOf(Context ctx) {
        String identity = authenticator.require(ctx).identity();
        if (agents.workerSid(identity).isEmpty()) {
            throw new ApiProblem(Problem.forbidden(identity + " has no TaskRouter worker and schedules no callbacks"));
        }
        return identity;
    }

    /** How a callback an agent scheduled names them. */
    public static String sourceOf(String identity) {
        return "desktop:" + identity;
    }
}
