package dev.lifeline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #22 item 3 against the running server: 1000 sign-ins with unique 60 kB names grew the heap by 60 MB (one
 * throttle entry per name, forever) and the log by 60 MB (the full name per failure), and a name with a line break
 * forged a "signed in" line. Names are now checked against the identity rule before anything is remembered or
 * logged, the throttle is bounded, and what is logged is cut and escaped.
 */
class SignInFloodTest {

    private static final int FLOOD = 1000;
    private static final int BATCH = 8;
    private static SignInServer server;

    @BeforeAll
    static void start() {
        server = new SignInServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aThousandSignInsWithUniqueHugeNamesLeaveNoThrottleEntryAndNoLogLine() {
        int trackedBefore = server.server.signInThrottle().tracked();
        int logBefore = server.authLog.list.size();

        List<Integer> statuses = inBatches(FLOOD, i -> server.signIn("n" + i + "x".repeat(60_000), "guess", "198.51.100.1"));

        assertThat(statuses).as("a name no user can have is a bad request").containsOnly(400);
        assertThat(server.server.signInThrottle().tracked()).isEqualTo(trackedBefore);
        List<String> logged = server.authLogMessages().subList(logBefore, server.authLog.list.size());
        long loggedChars = logged.stream().mapToLong(String::length).sum();
        System.out.printf("[sign-in flood] %d unique 60 kB names: %d throttle entries added, %d log lines (%d chars)%n",
                FLOOD, server.server.signInThrottle().tracked() - trackedBefore, logged.size(), loggedChars);
        assertThat(loggedChars).isLessThan(64 * 1024);
    }

    @Test
    void aThousandFailedSignInsWithUniqueValidNamesFromOneAddressKeepTheThrottleSmall() {
        int trackedBefore = server.server.signInThrottle().tracked();
        int logBefore = server.authLog.list.size();
        int perAddress = server.server.signInThrottle().limits().perAddress();

        List<Integer> statuses = inBatches(FLOOD, i -> server.signIn("flood-" + i, "guess", "198.51.100.10"));

        long refused = statuses.stream().filter(status -> status == 429).count();
        assertThat(statuses).containsOnly(401, 429);
        // Up to a batch more than the budget: requests in flight together all pass the check before one failure counts.
        assertThat(statuses.size() - refused).as("password checks before the address is held back")
                .isBetween((long) perAddress, (long) perAddress + BATCH - 1);
        int added = server.server.signInThrottle().tracked() - trackedBefore;
        List<String> logged = server.authLogMessages().subList(logBefore, server.authLog.list.size());
        System.out.printf("[sign-in flood] %d unique valid names from one address: %d checked, %d refused with 429, "
                + "%d throttle entries added, %d log lines%n", FLOOD, statuses.size() - refused, refused, added, logged.size());
        assertThat(added).isLessThanOrEqualTo(perAddress + BATCH);
        assertThat(logged.size()).isLessThanOrEqualTo(perAddress + BATCH + 1);
        assertThat(server.signIn("alice", "alice" + SignInServer.PASSWORD_SUFFIX, "192.0.2.1").statusCode())
                .as("everyone else still signs in").isEqualTo(200);
    }

    @Test
    void aLineBreakInANameCannotForgeALogLine() {
        int logBefore = server.authLog.list.size();
        String forged = "mallory\n12:00:00.000 INFO  [qtp-1] AuthRoutes - sam signed in as SUPERVISOR";

        HttpResponse<String> response = server.signIn(forged, "guess", "198.51.100.2");
        server.signIn("bob\r\nbob", "guess", "198.51.100.2");

        assertThat(server.authLogMessages().subList(logBefore, server.authLog.list.size()))
                .noneMatch(message -> message.contains("\n") || message.contains("\r"))
                .noneMatch(message -> message.contains("sam signed in"));
        assertThat(response.statusCode()).isEqualTo(400);
    }

    /** {@code count} sign-ins, {@value #BATCH} at a time (a flood, without 1000 open connections at once). */
    private static List<Integer> inBatches(int count, java.util.function.IntFunction<HttpResponse<String>> signIn) {
        List<Integer> statuses = new ArrayList<>();
        for (int start = 0; start < count; start += BATCH) {
            List<CompletableFuture<Integer>> batch = IntStream.range(start, Math.min(count, start + BATCH))
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> signIn.apply(i).statusCode())).toList();
            batch.forEach(future -> statuses.add(future.join()));
        }
        return statuses;
    }
}
