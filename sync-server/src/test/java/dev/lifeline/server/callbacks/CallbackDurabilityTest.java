package dev.lifeline.server.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 20 item 5: callbacks are written through to a real database and a cluster started after every member stopped
 * finds every one of them, with their attempts, on H2's file database and on PostgreSQL alike.
 */
class CallbackDurabilityTest {

    private static final Instant NOW = Instant.parse("2026-12-05T18:00:00Z");

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @ParameterizedTest
    @EnumSource(CallbackDatabases.class)
    void aNewClusterOnTheSameDatabaseFindsEveryScheduledCallback(CallbackDatabases kind) throws Exception {
        CallbackDatabases.Handle database = kind.open();
        open.add(database);
        List<Callback> scheduled = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            scheduled.add(Callback.scheduled(UUID.randomUUID().toString(), "+1555123" + String.format("%04d", i),
                    "reason " + i + " with ünïcode", NOW.minusSeconds(60), NOW.plus(Duration.ofHours(i + 1)), "Europe/London",
                    10 + i, i % 2 == 0 ? "alice" : null, "website"));
        }
        Callback tried = scheduled.get(3).withAttempt(new CallbackAttempt(1, NOW.minusSeconds(30), "CA1", "busy"))
                .withAttempt(new CallbackAttempt(2, NOW.minusSeconds(5), null, null));

        List<HazelcastInstance> first = cluster(database, 2);
        CallbackBook book = new CallbackBook(first.get(0));
        scheduled.forEach(book::add);
        // A change after the first write is written through too (an update, not a second row).
        new CallbackBook(first.get(1)).close(scheduled.get(5).id(), CallbackState.CANCELLED, "customer called in");
        first.get(0).getMap(CallbackMaps.CALLBACKS).put(tried.id(), tried);
        first.forEach(HazelcastInstance::shutdown);

        List<HazelcastInstance> second = cluster(database, 2);
        List<Callback> found = new CallbackBook(second.get(1)).all();

        List<Callback> expected = new ArrayList<>(scheduled);
        expected.set(3, tried);
        expected.set(5, scheduled.get(5).closed(CallbackState.CANCELLED, "customer called in"));
        assertThat(found).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private List<HazelcastInstance> cluster(CallbackDatabases.Handle database, int size) throws IOException {
        int port = freePort();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add("127.0.0.1:" + (port + i));
        }
        ClusterSettings settings = new ClusterSettings("callbacks-" + UUID.randomUUID(), port, members, 1);
        List<HazelcastInstance> started = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            CallbackDatabase connection = database.connect();
            open.add(connection);
            HazelcastInstance member = HazelcastMembers.start(settings, config -> CallbackMaps.configure(config, 1,
                    new CallbackMapStore(connection, Clock.fixed(NOW, java.time.ZoneOffset.UTC)), 300));
            open.add(member::shutdown);
            started.add(member);
        }
        return started;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
