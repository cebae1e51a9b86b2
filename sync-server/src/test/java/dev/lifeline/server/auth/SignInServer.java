package dev.lifeline.server.auth;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.auth.LoginRequest;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.server.app.LifelineServer;
import dev.lifeline.server.app.SimModeServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.LoggerFactory;

/**
 * The composed server in sim mode as an operator would run it behind a TLS proxy on this host: a users file (hashes
 * with 1 000 iterations so that hundreds of sign-ins stay quick; the server's dummy hash follows them), loopback as
 * the trusted proxy (so a test plays many clients through {@code X-Forwarded-For}), and a known token secret (so a
 * test can mint a token for a user who could not sign in). carol is an agent without a TaskRouter worker: sim mode
 * provisions workers for alice and bob only. Captures what the auth package logs.
 */
final class SignInServer implements AutoCloseable {

    static final String PASSWORD_SUFFIX = "-password-1";
    final LifelineServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final ListAppender<ILoggingEvent> authLog = new ListAppender<>();
    private final String secret = "sign-in-test-" + UUID.randomUUID();
    private final Path usersFile;

    SignInServer() {
        try {
            usersFile = Files.createTempFile("lifeline-users", ".txt");
            PasswordHasher hasher = new PasswordHasher(1_000);
            StringBuilder users = new StringBuilder();
            for (String[] user : List.of(new String[] {"alice", "agent"}, new String[] {"bob", "agent"},
                    new String[] {"sam", "supervisor"}, new String[] {"carol", "agent"})) {
                users.append(user[0]).append(':').append(user[1]).append(':').append(user[0]).append(':')
                        .append(hasher.hash((user[0] + PASSWORD_SUFFIX).toCharArray())).append('\n');
            }
            Files.writeString(usersFile, users);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Logger auth = (Logger) LoggerFactory.getLogger("dev.lifeline.server.auth");
        authLog.start();
        auth.addAppender(authLog);
        server = SimModeServers.start("sign-in", Map.of(
                "LIFELINE_AUTH_USERS_FILE", usersFile.toString(),
                "LIFELINE_AUTH_TOKEN_SECRET", secret,
                "LIFELINE_HTTP_TRUSTED_PROXIES", "127.0.0.1,::1"));
    }

    /** A sign-in as the client {@code clientAddress} behind the trusted proxy (null: straight from loopback). */
    HttpResponse<String> signIn(String user, String password, String clientAddress) {
        return signInWithBody(JsonCodec.shared().encode(new LoginRequest(user, password)), clientAddress);
    }

    HttpResponse<String> signInWithBody(String json, String clientAddress) {
        HttpRequest.Builder request = to(DesktopApi.LOGIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        return send(request);
    }

    HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create(server.publicBaseUrl() + path)).timeout(Duration.ofSeconds(30));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return SimModeServers.send(http, request.build());
    }

    /** A valid token for any user of the file, signed with the server's secret (as if they had signed in). */
    String mintToken(String identity) {
        User user = UserDirectory.load(usersFile).find(identity).orElseThrow();
        return new TokenService(secret.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(15), Clock.systemUTC())
                .issue(user).token();
    }

    /** Everything the auth package logged so far, as the log file would show it (one event may hold line breaks). */
    List<String> authLogMessages() {
        return authLog.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        ((Logger) LoggerFactory.getLogger("dev.lifeline.server.auth")).detachAppender(authLog);
        server.close();
        try {
            Files.deleteIfExists(usersFile);
        } catch (IOException ignored) {
            // a temp file
        }
    }
}
