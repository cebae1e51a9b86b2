package dev.lifeline.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.FakeLifelineServer;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.auth.LoginRequest;
import dev.lifeline.model.auth.LoginResponse;
import dev.lifeline.model.event.ReservationOffered;
import dev.lifeline.model.event.ServerEvent;
import dev.lifeline.model.event.StateSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connection layer against the fake server, without any UI. */
class EventStreamAndTokenTest {

    private final FakeLifelineServer server = new FakeLifelineServer().agent("alice", "pw", Samples.WORKER);
    private final OkHttpClient http = new OkHttpClient();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<ServerEvent> events = new CopyOnWriteArrayList<>();
    private final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    private final AtomicInteger connected = new AtomicInteger();
    private RestClient rest;

    @BeforeEach
    void start() {
        server.agentState(Samples::idle);
        rest = new RestClient(http, ServerAddress.parse(server.url()));
    }

    @AfterEach
    void stop() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(1, TimeUnit.SECONDS);
        http.dispatcher().executorService().shutdown();
        server.close();
    }

    private Session signIn() {
        LoginResponse login = rest.login(new LoginRequest("alice", "pw")).join();
        Session session = new Session(login);
        rest.session(session);
        return session;
    }

    private final AtomicInteger rejected = new AtomicInteger();

    private EventStream stream(Session session) {
        return new EventStream(http, rest.server(), rest::eventsTicket, UiExecutor.DIRECT, new EventStream.Listener() {
            @Override
            public void onEvent(ServerEvent event) {
                events.add(event);
            }

            @Override
            public void onState(ConnectionState state) {
                states.add(state);
            }

            @Override
            public void onConnected() {
                connected.incrementAndGet();
            }

            @Override
            public void onRejected() {
                rejected.incrementAndGet();
            }
        }, timer, Duration.ofMillis(100), new Backoff(Duration.ofMillis(100), Duration.ofMillis(400)), Clock.systemUTC());
    }

    /** A signed-in stream, connected, with its socket known to the server. */
    private EventStream connectedStream() {
        EventStream stream = stream(signIn());
        stream.start();
        Await.until("connected", () -> connected.get() == 1);
        // The client's open can beat the server's own bookkeeping of the socket; drop only a socket it knows.
        Await.until("the server holds the socket", () -> server.openSockets() == 1);
        return stream;
    }

    @Test
    void theStreamDeliversTheSnapshotThenPushedEventsAndSendsHeartbeats() {
        try (EventStream stream = stream(signIn())) {
            stream.start();
            Await.until("the snapshot arrives", () -> !events.isEmpty());
            server.push(new ReservationOffered(Samples.offer("WR1", "WT1")));
            Await.until("the pushed event arrives", () -> events.size() == 2);
            Await.until("heartbeats arrive", () -> server.heartbeats() >= 2);

            assertThat(events.get(0)).isInstanceOf(StateSnapshot.class);
            assertThat(events.get(1)).isInstanceOf(ReservationOffered.class);
        }
    }

    @Test
    void aDroppedStreamReconnectsAndAsksForTheStateAgain() {
        try (EventStream stream = connectedStream()) {

            server.dropSockets();

            Await.until("reconnected", () -> connected.get() == 2);
            assertThat(states).containsSubsequence(ConnectionState.CONNECTING, ConnectionState.CONNECTED,
                    ConnectionState.RECONNECTING, ConnectionState.CONNECTED);
        }
    }

    @Test
    void theTokenIsRefreshedBeforeItExpires() {
        server.tokenLifetime(Duration.ofSeconds(2));
        Session session = signIn();
        String first = session.token();

        try (TokenRefresher refresher = new TokenRefresher(rest, session, timer, Clock.systemUTC())) {
            refresher.start();
            Await.until("the token is refreshed", () -> server.refreshes() >= 1 && !session.token().equals(first));
        }
        assertThat(session.expiresAt()).isAfter(java.time.Instant.now());
    }

    @Test
    void aClosedStreamDoesNotReconnect() {
        EventStream stream = stream(signIn());
        stream.start();
        Await.until("connected", () -> connected.get() == 1);

        stream.close();

        Await.until("the server sees the socket close", () -> server.openSockets() == 0);
        assertThat(states).doesNotContain(ConnectionState.RECONNECTING);
    }

    @Test
    void aRefreshRetiresTheOldTokenAndTheClientUsesTheNewOne() {
        server.tokenLifetime(Duration.ofSeconds(2));
        Session session = signIn();
        String first = session.token();

        try (TokenRefresher refresher = new TokenRefresher(rest, session, timer, Clock.systemUTC())) {
            refresher.start();
            Await.until("the token is refreshed", () -> !session.token().equals(first));
        }

        assertThat(server.accepts(first)).as("the old token after the refresh").isFalse();
        assertThat(rest.myState().join()).isNotNull();
    }

    @Test
    void aCommandThatCrossesARefreshIsSentAgainWithTheNewToken() {
        Session session = signIn();
        Runnable release = server.holdCommands();
        java.util.concurrent.CompletableFuture<Void> accept = rest.send(new dev.lifeline.model.command.AcceptReservation("WR1"));
        Await.until("the command reached the server", () -> server.heldCommands() == 1);

        session.refreshed(rest.refreshToken().join());
        release.run();

        accept.join();
        assertThat(server.commands()).hasSize(1);
    }

    @Test
    void everyConnectUsesAFreshOneTimeTicketNeverTheToken() {
        try (EventStream stream = connectedStream()) {

            server.dropSockets();

            Await.until("reconnected with a new ticket", () -> connected.get() == 2);
            assertThat(server.ticketsIssued()).isEqualTo(2);
        }
    }

    @Test
    void aRefusedTicketTellsTheOwnerTheTokenIsNoLongerAccepted() {
        try (EventStream stream = connectedStream()) {

            server.revokeTokens();
            server.dropSockets();

            Await.until("the owner is told", () -> rejected.get() > 0);
        }
    }

    @Test
    void noRefreshIsScheduledOnceTheTokenLastsAsLongAsTheSession() throws Exception {
        LoginResponse login = rest.login(new LoginRequest("alice", "pw")).join();
        Session session = new Session(new LoginResponse(login.token(), login.expiresAt(), login.role(), login.identity(),
                login.workerSid(), login.expiresAt()));
        java.util.concurrent.ScheduledThreadPoolExecutor recording = new java.util.concurrent.ScheduledThreadPoolExecutor(1);
        try (TokenRefresher refresher = new TokenRefresher(rest, session, recording, Clock.systemUTC())) {
            refresher.start();
            refresher.refreshNow();

            assertThat(recording.getQueue()).as("nothing scheduled").isEmpty();
        } finally {
            recording.shutdownNow();
        }
    }
}
