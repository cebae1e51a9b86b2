package dev.lifeline.server.scenarios;

import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import dev.lifeline.sim.client.EmulatorHttpClient;
import java.util.List;

/**
 * The server's requests to Twilio (the emulator), in the order they were sent: what the engines' gateways and the
 * desktop API's part played by the harness ask, never the test's own polling. For the benchmarks' count of REST calls
 * on a recovery's critical path.
 */
final class RestCallLog extends HttpClient {

    /** One request: {@code POST /2010-04-01/Accounts/AC…/Conferences/CF…/Participants.json} and its form. */
    record Call(String method, String path, String form) {
        @Override
        public String toString() {
            return method + " " + path.replaceFirst("^/(2010-04-01/Accounts/[^/]+|v1/Workspaces/[^/]+)", "")
                    + (form.isEmpty() ? "" : " " + form);
        }
    }

    private final EmulatorHttpClient emulator;
    /** Appended to by many threads; a storm sends tens of thousands (a copy-on-write list would copy each time). */
    private final List<Call> calls = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    RestCallLog(String baseUrl) {
        this.emulator = new EmulatorHttpClient(baseUrl);
    }

    @Override
    public Response makeRequest(Request request) {
        String url = request.getUrl();
        String path = url.replaceFirst("^https?://[^/]+", "");
        StringBuilder form = new StringBuilder();
        request.getPostParams().forEach((name, values) -> {
            if (name.equals("Hold") || name.equals("Instruction") || name.equals("ReservationStatus")
                    || name.equals("AssignmentStatus") || name.equals("Label") || name.equals("Twiml")) {
                form.append(form.length() == 0 ? "" : "&").append(name).append('=')
                        .append(name.equals("Twiml") ? "…" : String.join(",", values));
            }
        });
        calls.add(new Call(request.getMethod().toString(), path, form.toString()));
        return emulator.makeRequest(request);
    }

    /** Every request so far; a benchmark keeps the size before the window it measures. */
    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    int size() {
        return calls.size();
    }
}
