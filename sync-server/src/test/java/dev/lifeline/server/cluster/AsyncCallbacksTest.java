package dev.lifeline.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.lifeline.server.config.ServerConfig.ClusterSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The answers to a member's asynchronous map calls are followed on the server's own callback pool: on a 2-core
 * machine Hazelcast's default started a new thread for each one (about four per conference callback).
 */
class AsyncCallbacksTest {

    private static final int CALLS = 500;

    private HazelcastInstance member;

    @AfterEach
    void stop() {
        if (member != null) {
            member.getLifecycleService().terminate();
        }
    }

    @Test
    void aStartedMembersAsyncAnswersRunOnThePoolAndStartNoThreadPerCall() {
        member = HazelcastMembers.start(new ClusterSettings("async-" + UUID.randomUUID(), 6241,
                List.of("127.0.0.1:6241"), 1, 1));
        IMap<String, Boolean> seen = member.getMap(HazelcastMembers.SEEN_EVENTS);
        seen.set("first", Boolean.TRUE);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long startedBefore = threads.getTotalStartedThreadCount();

        Set<Thread> ranOn = new HashSet<>();
        for (int i = 0; i < CALLS; i++) {
            ranOn.add(seen.getAsync(i % 2 == 0 ? "first" : "absent-" + i).toCompletableFuture()
                    .thenApply(mark -> Thread.currentThread()).join());
            seen.setAsync("mark-" + i, Boolean.TRUE).toCompletableFuture().join();
        }

        assertThat(ranOn).allSatisfy(thread -> assertThat(AsyncCallbacks.isCallbackThread(thread))
                .as("%s is a callback pool thread", thread.getName()).isTrue());
        // The pool's own threads and the member's occasional housekeeping, never one per call.
        assertThat(threads.getTotalStartedThreadCount() - startedBefore).isLessThan(CALLS / 5);
    }
}
