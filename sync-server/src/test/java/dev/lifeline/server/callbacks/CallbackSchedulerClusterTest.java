package dev.lifeline.server.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;
import dev.lifeline.server.testsupport.Await;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 item 2, cluster-safe firing: three members each sweep for due callbacks, every 50 ms; one is terminated
 * (a crash) before the callbacks are due. Every callback enters the queue exactly once: the owner of its key claims
 * it atomically, and the keys the dead member owned are fired by their new owners.
 */
class CallbackSchedulerClusterTest {

    private final List<AutoCloseable> open = new ArrayList<>();
    private final Map<String, AtomicInteger> queued = new ConcurrentHashMap<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void everyDueCallbackIsQueuedOnceEvenWhenAMemberDiesBeforeItsTime() throws Exception {
        CallbackDatabases.Handle database = CallbackDatabases.H2_FILE.open();
        open.add(database);
        int port = freePort();
        List<String> addresses = List.of("127.0.0.1:" + port, "127.0.0.1:" + (port + 1), "127.0.0.1:" + (port + 2));
        ClusterSettings settings = new ClusterSettings("scheduler-" + UUID.randomUUID(), port, addresses, 1);
        List<HazelcastInstance> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            CallbackDatabase connection = database.connect();
            open.add(connection);
            HazelcastInstance member = HazelcastMembers.start(settings, config -> CallbackMaps.configure(config, 1,
                    new CallbackMapStore(connection, Clock.systemUTC()), 300));
            open.add(member::shutdown);
            members.add(member);
        }
        Await.until("three members", () -> members.get(2).getCluster().getMembers().size() == 3);
        for (HazelcastInstance member : members) {
            CallbackScheduler scheduler = new CallbackScheduler(new CallbackBook(member), new CountingQueue(), Clock.systemUTC(),
                    () -> member.getLifecycleService().isRunning(), Duration.ofHours(1)).start(Duration.ofMillis(50));
            open.add(scheduler);
        }
        CallbackBook book = new CallbackBook(members.get(1));
        Instant due = Instant.now().plusSeconds(8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Callback callback = Callback.scheduled(UUID.randomUUID().toString(), "+1555123" + String.format("%04d", i), "",
                    Instant.now(), due, "UTC", 50, null, "website");
            book.add(callback);
            ids.add(callback.id());
        }
        long ownedByTheDead = ids.stream().filter(id -> members.get(0).getPartitionService().getPartition(id).getOwner()
                .getUuid().equals(members.get(0).getCluster().getLocalMember().getUuid())).count();

        members.get(0).getLifecycleService().terminate();

        Await.until("every callback queued", () -> ids.stream().allMatch(id -> book.find(id)
                .map(c -> c.state() == CallbackState.QUEUED).orElse(false)));
        assertThat(ownedByTheDead).as("the dead member owned some of the keys").isPositive();
        assertThat(queued.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(queued.values()).allMatch(count -> count.get() == 1);
        assertThat(ids).allMatch(id -> taskSidOf(id).equals(book.find(id).orElseThrow().taskSid()));
    }

    /** Stands in for TaskRouter: counts how often each callback was queued. */
    private final class CountingQueue implements CallbackQueue {
        @Override
        public String queue(Callback callback) {
            queued.computeIfAbsent(callback.id(), id -> new AtomicInteger()).incrementAndGet();
            return taskSidOf(callback.id());
        }

        @Override
        public void offerToAnyone(String taskSid) {
        }
    }

    /** A task SID's shape: WT and 32 hex digits. */
    private static String taskSidOf(String callbackId) {
        return "WT" + callbackId.replace("-", "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
