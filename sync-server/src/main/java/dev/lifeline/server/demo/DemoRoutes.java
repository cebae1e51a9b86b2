package dev.lifeline.server.demo;

import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.http.ApiProblem;
import dev.lifeline.server.http.ProblemResponses;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sim mode only: the "Simulator" panel's buttons — a customer calls in, a third party joins the customer's
 * conference, the customer hangs up. They drive the emulator's scenario API (embedded, or the one a cluster's
 * members share), so a newcomer can make a call, kill the agent's desktop and watch the recovery without a phone
 * line. The README documents each request and response.
 */
public final class DemoRoutes {

    public static final String CALLS = "/demo/calls";

    private final EmulatorScenario emulator;
    private final String demoNumber;
    private final AtomicInteger callers = new AtomicInteger();

    /**
     * @param emulatorUrl the emulator's base URL, e.g. {@code http://localhost:18080}
     * @param demoNumber  the number the demo customers call, pointed at the call entry ({@link DemoNumber})
     */
    public DemoRoutes(String emulatorUrl, String demoNumber) {
        this.emulator = new EmulatorScenario(emulatorUrl);
        this.demoNumber = demoNumber;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(CALLS, this::list);
        routes.post(CALLS, this::placeCall);
        routes.post(CALLS + "/{sid}/third-party", this::addThirdParty);
        routes.post(CALLS + "/{sid}/hangup", this::hangUp);
        // The emulator refuses bad scenario requests in Twilio's shape; the Simulator gets our problem shape.
        routes.exception(EmulatorScenario.Refused.class, (e, ctx) -> ProblemResponses.write(ctx,
                e.status() == 404 ? Problem.notFound("call", ctx.pathParamMap().getOrDefault("sid", "?"))
                        : new Problem(Problem.INVALID_REQUEST, "Invalid request", 400, e.getMessage(), null, null)));
    }

    private void placeCall(Context ctx) {
        int n = callers.incrementAndGet();
        String from = String.format("+1555%07d", 1_230_000 + n);
        // Issue 19: through the call entry, as a real caller: hold music, position and the skill's queue.
        String callSid = emulator.callsNumber(from, demoNumber);
        ctx.status(201).json(Map.of("callSid", callSid, "from", from));
    }

    private void addThirdParty(Context ctx) {
        String callSid = ctx.pathParam("sid");
        String conference = conferenceOf(callSid);
        if (conference == null) {
            throw new ApiProblem(Problem.conflict("The customer " + callSid + " is not in a conference yet"));
        }
        String party = emulator.partyJoins(conference, "+15550100000", "+15557770000", "third-party");
        ctx.status(201).json(Map.of("callSid", party, "conferenceSid", conference));
    }

    private void hangUp(Context ctx) {
        String callSid = ctx.pathParam("sid");
        emulator.hangUp(callSid);
        ctx.status(204);
    }

    /** The demo customers' calls with their status, newest first. */
    private void list(Context ctx) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> call : emulator.calls()) {
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

    private String conferenceOf(String callSid) {
        for (Map<String, Object> call : emulator.calls()) {
            if (callSid.equals(call.get("sid"))) {
                return (String) call.get("conferenceSid");
            }
        }
        throw new ApiProblem(Problem.notFound("call", callSid));
    }
}
