package dev.lifeline.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Effects leave the caller's thread: one incident's work in order, another incident's beside it. */
class IncidentLanesTest {

    private final IncidentLanes lanes = new IncidentLanes("lanes-test", 2);

    @AfterEach
    void stop() {
        lanes.close();
    }

    @Test
    void theCallerDoesNotWaitAndOneIncidentsWorkRunsInTheOrderItWasAskedFor() throws Exception {
        CountDownLatch twilioAnswers = new CountDownLatch(1);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        CountDownLatch allRan = new CountDownLatch(1);

        lanes.submit("CF1:CAalice", () -> await(twilioAnswers));
        IntStream.range(0, 50).forEach(i -> lanes.submit("CF1:CAalice", () -> ran.add(i)));
        lanes.submit("CF1:CAalice", allRan::countDown);

        assertThat(ran).as("the caller is back while the first effect still waits on Twilio").isEmpty();
        twilioAnswers.countDown();
        assertThat(allRan.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactlyElementsOf(IntStream.range(0, 50).boxed().toList());
    }

    @Test
    void anotherIncidentsWorkDoesNotWaitForAStuckOne() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch otherRan = new CountDownLatch(1);

        lanes.submit("CF1:CAalice", () -> await(stuck));
        lanes.submit("CF2:CAbob", otherRan::countDown);

        assertThat(otherRan.await(30, TimeUnit.SECONDS)).as("bob's incident ran beside alice's").isTrue();
        stuck.countDown();
    }

    @Test
    void aFailingPieceOfWorkDoesNotStopTheLane() throws Exception {
        CountDownLatch next = new CountDownLatch(1);

        lanes.submit("CF1:CAalice", () -> {
            throw new IllegalStateException("Twilio said no");
        });
        lanes.submit("CF1:CAalice", next::countDown);

        assertThat(next.await(30, TimeUnit.SECONDS)).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
