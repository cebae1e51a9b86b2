package dev.lifeline.server.demo;

import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.http.ApiProblem;
import dev.lifeline.sim.TwilioSim;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sim mode only: the "Simulator" panel's buttons — a customer calls in, a third party joins the customer's
 * conference, the customer hangs up. They drive the embedded emulator's scenario API, so a newcomer can make a
 * call, kill the agent's desktop and watch the recovery without a phone line.
 */
public final class DemoRoutes {

    public static final String CALLS = "/demo/calls";

    private final TwilioSim sim;
    private final String voiceWorkflowSid;
    private final AtomicInteger callers = new AtomicInteger();

    public DemoRoutes(TwilioSim sim, String voiceWorkflowSid) {
        this.sim = sim;
        this.voiceWorkflowSid = voiceWorkflowSid;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(CALLS, this::list);
        routes.post(CALLS, this::placeCall);
        routes.post(CALLS + "/{sid}/third-party", this::addThirdParty);
        routes.post(CALLS + "/{sid}/hangup", this::hangUp);
        // The emulator refuses bad scenario requests in Twilio's shape; the Simulator gets our problem shape.
        routes.exception(dev.lifeline.sim.core.TwilioApiException.class, (e, ctx) -> dev.lifeline.server.http.ProblemResponses.write(ctx,
                e.status() == 404 ? Problem.notFound("call", ctx.pathParamMap().getOrDefault("sid", "?"))
                        : new Problem(Problem.INVALID_REQUEST, "Invalid request", 400, e.getMessage(), null, null)));
    }

    private void placeCall(Context ctx) {
        int n = callers.incrementAndGet();
        String from = String.format("+1555%07d", 1_230_000 + n);
        String attributes = "{\"from\":\"" + from + "\",\"caller\":\"Demo Caller " + n + "\",\"type\":\"inbound\"}";
        String callSid = sim.voice().inboundCall(from, "+15550100000", voiceWorkflowSid, attributes, null, null);
        ctx.status(201).json(Map.of("callSid", callSid, "from", from));
    }

    private void addThirdParty(Context ctx) {
        String callSid = ctx.pathParam("sid");
        String conference = conferenceOf(callSid);
        if (conference == null) {
            throw new ApiProblem(Problem.conflict("The customer " + callSid + " is not in a conference yet"));
        }
        String party = sim.voice().addParticipant(conference, "+15550100000", "+15557770000", "third-party", true);
        ctx.status(201).json(Map.of("callSid", party, "conferenceSid", conference));
    }

    private void hangUp(Context ctx) {
        String callSid = ctx.pathParam("sid");
        sim.voice().hangUp(callSid);
        ctx.status(204);
    }

    /** The demo customers' calls with their status, newest first. */
    @SuppressWarnings("unchecked")
    private void list(Context ctx) {
        Map<String, Object> voice = (Map<String, Object>) sim.snapshot().get("voice");
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> call : (List<Map<String, Object>>) voice.get("calls")) {
            if ("inbound".equals(call.get("direction"))) {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("callSid", call.get("sid"));
                view.put("from", call.get("from"));
                view.put("status", call.get("status"));
                view.put("activity", call.get("activity"));
                view.put("conferenceSid", call.get("conferenceSid"));
                result.add(0, view);
            }
        }
        ctx.json(result);
    }

    @SuppressWarnings("unchecked")
    private String conferenceOf(String callSid) {
        Map<String, Object> voice = (Map<String, Object>) sim.snapshot().get("voice");
        for (Map<String, Object> call : (List<Map<String, Object>>) voice.get("calls")) {
            if (callSid.equals(call.get("sid"))) {
                return (String) call.get("conferenceSid");
            }
        }
        throw new ApiProblem(Problem.notFound("call", callSid));
    }
}
