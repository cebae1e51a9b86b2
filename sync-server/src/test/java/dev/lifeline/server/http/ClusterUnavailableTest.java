package dev.lifeline.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import dev.lifeline.model.problem.Problem;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A member cut off from the majority answers 503 with {@code Retry-After} and a problem body, so Twilio's Event
 * Streams and the desktops retry (elsewhere) instead of taking the refusal for an acknowledgement or a crash.
 */
class ClusterUnavailableTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static Javalin server;

    @BeforeAll
    static void start() {
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            ProblemResponses.register(config.routes);
            config.routes.post("/minority", ctx -> {
                throw new SplitBrainProtectionException("Split brain protection exception: recovery-state-majority");
            });
            config.routes.post("/minority-wrapped", ctx -> {
                throw new CompletionException(new SplitBrainProtectionException("wrapped by an async call"));
            });
            config.routes.post("/bug", ctx -> {
                throw new IllegalStateException("a bug");
            });
        }).start(0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aMinorityRefusalIs503WithRetryAfterAndAProblemBody() throws Exception {
        HttpResponse<String> response = post("/minority");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(Problem.MEDIA_TYPE));
        assertThat(response.body()).contains("\"status\":503").contains("cut off from the majority")
                .doesNotContain("recovery-state-majority");
    }

    @Test
    void aRefusalWrappedByAnotherExceptionIsStill503() throws Exception {
        assertThat(post("/minority-wrapped").statusCode()).isEqualTo(503);
    }

    @Test
    void anyOtherFailureStaysA500WithoutRetryAfter() throws Exception {
        HttpResponse<String> response = post("/bug");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
    }

    private static HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
