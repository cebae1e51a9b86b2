package dev.lifeline.desktop.simulator;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted fake of the server's sim-mode {@code /demo/calls} endpoints: calls are queued until the test
 * {@link #bridge(String) puts one in a conference}; a third party on a call without one is the server's 409.
 */
final class FakeSimulatorServer implements AutoCloseable {

    final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> calls = new ArrayList<>();
    private final Javalin app;
    private int callers;

    FakeSimulatorServer() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/demo/calls", this::list);
            config.routes.post("/demo/calls", this::callIn);
            config.routes.post("/demo/calls/{sid}/third-party", this::thirdParty);
            config.routes.post("/demo/calls/{sid}/hangup", this::hangUp);
        }).start(0);
    }

    String url() {
        return "http://localhost:" + app.port();
    }

    synchronized void bridge(String callSid) {
        Map<String, Object> call = find(callSid);
        call.put("status", "in-progress");
        call.put("activity", "conference");
        call.put("conferenceSid", "CF" + callSid.substring(2));
    }

    synchronized List<String> callSids() {
        return calls.stream().map(call -> (String) call.get("callSid")).toList();
    }

    private synchronized void list(Context ctx) {
        ctx.json(new ArrayList<>(calls));
    }

    private synchronized void callIn(Context ctx) {
        requests.add("POST /demo/calls");
        String sid = String.format("CA%032d", ++callers);
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("callSid", sid);
        call.put("from", String.format("+1555%07d", 1_230_000 + callers));
        call.put("status", "queued");
        call.put("activity", "enqueue");
        call.put("conferenceSid", null);
        calls.add(0, call);
        ctx.status(201).json(Map.of("callSid", sid, "from", call.get("from")));
    }

    private synchronized void thirdParty(Context ctx) {
        String sid = ctx.pathParam("sid");
        requests.add("POST third-party " + sid);
        Map<String, Object> call = find(sid);
        if (call == null) {
            problem(ctx, 404, "No call " + sid);
        } else if (call.get("conferenceSid") == null) {
            problem(ctx, 409, "The customer " + sid + " is not in a conference yet");
        } else {
            ctx.status(201).json(Map.of("callSid", "CAthird", "conferenceSid", call.get("conferenceSid")));
        }
    }

    private synchronized void hangUp(Context ctx) {
        String sid = ctx.pathParam("sid");
        requests.add("POST hangup " + sid);
        Map<String, Object> call = find(sid);
        if (call == null) {
            problem(ctx, 404, "No call " + sid);
            return;
        }
        call.put("status", "completed");
        call.put("activity", null);
        ctx.status(204);
    }

    private static void problem(Context ctx, int status, String detail) {
        ctx.status(status).contentType("application/problem+json")
                .result("{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }

    private Map<String, Object> find(String sid) {
        return calls.stream().filter(call -> sid.equals(call.get("callSid"))).findFirst().orElse(null);
    }

    @Override
    public void close() {
        app.stop();
    }
}
