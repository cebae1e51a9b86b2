package dev.lifeline.desktop.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.desktop.connection.ServerAddress;
import dev.lifeline.desktop.connection.ServerProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** {@link CustomerCalls} over OkHttp. The endpoints take no authentication: the server serves them in sim mode only. */
public final class CustomerCallsClient implements CustomerCalls {

    public static final String CALLS = "/demo/calls";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestBody EMPTY = RequestBody.create(new byte[0], MediaType.get("application/json"));

    private final OkHttpClient http;
    private final ServerAddress server;

    public CustomerCallsClient(OkHttpClient http, ServerAddress server) {
        this.http = http;
        this.server = server;
    }

    @Override
    public CompletableFuture<List<CustomerCall>> list() {
        return send(new Request.Builder().url(server.http(CALLS)).get().build(), CustomerCallsClient::calls);
    }

    @Override
    public CompletableFuture<String> callIn() {
        return send(post(CALLS), body -> body.path("callSid").asText());
    }

    @Override
    public CompletableFuture<Void> addThirdParty(String customerCallSid) {
        return send(post(CALLS + "/" + segment(customerCallSid) + "/third-party"), body -> null);
    }

    @Override
    public CompletableFuture<Void> hangUp(String customerCallSid) {
        return send(post(CALLS + "/" + segment(customerCallSid) + "/hangup"), body -> null);
    }

    private Request post(String path) {
        return new Request.Builder().url(server.http(path)).post(EMPTY).build();
    }

    // Call SIDs are CA + 32 hex digits; anything else is refused here rather than spliced into a path.
    private static String segment(String callSid) {
        if (callSid == null || !callSid.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("not a call SID: " + callSid);
        }
        return callSid;
    }

    private <T> CompletableFuture<T> send(Request request, Function<JsonNode, T> read) {
        CompletableFuture<T> result = new CompletableFuture<>();
        http.newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                result.completeExceptionally(ServerProblem.unreachable(server));
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (ResponseBody body = response.body()) {
                    String text = body == null ? "" : body.string();
                    JsonNode json = text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
                    if (!response.isSuccessful()) {
                        result.completeExceptionally(problem(response.code(), json));
                    } else {
                        result.complete(read.apply(json));
                    }
                } catch (IOException | RuntimeException e) {
                    result.completeExceptionally(new ServerProblem(response.code(),
                            "The server's answer was not understood; is " + server.display() + " a Lifeline server in sim mode?"));
                }
            }
        });
        return result;
    }

    /** An RFC 9457 problem body's detail (the server words it for people), else a sentence from the status. */
    private ServerProblem problem(int status, JsonNode json) {
        String detail = json.path("detail").asText("");
        if (detail.isBlank()) {
            detail = json.path("title").asText("");
        }
        if (status == 404 && detail.isBlank()) {
            detail = "The server at " + server.display() + " has no Simulator; is it running in sim mode?";
        }
        return new ServerProblem(status, detail.isBlank() ? "The server answered HTTP " + status + "." : detail);
    }

    private static List<CustomerCall> calls(JsonNode json) {
        List<CustomerCall> calls = new ArrayList<>();
        for (JsonNode call : json) {
            calls.add(new CustomerCall(text(call, "callSid"), text(call, "from"), text(call, "status"),
                    text(call, "activity"), text(call, "conferenceSid")));
        }
        return calls;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
