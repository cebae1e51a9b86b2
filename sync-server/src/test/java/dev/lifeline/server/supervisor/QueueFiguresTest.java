package dev.lifeline.server.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.event.ReservationOffered;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.model.queue.QueueService;
import dev.lifeline.model.queue.QueueSnapshot;
import dev.lifeline.model.queue.QueueStats;
import dev.lifeline.server.desktop.DesktopFixture;
import dev.lifeline.server.desktop.TestDesktop;
import dev.lifeline.server.provision.WorkspaceProvisioner;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.server.waiting.QueueLedger;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: the supervisor snapshot's per-queue figures, from the TaskRouter events the emulator delivers to the server
 * (real Hazelcast member, real SDK over HTTP). The ledger's clock stands still unless the test moves it, between a
 * caller entering and being answered: waits come out exact, and nothing sleeps.
 */
class QueueFiguresTest {

    private static DesktopFixture server;

    @BeforeAll
    static void start() {
        server = DesktopFixture.shared();
    }

    /** Nobody to answer, and whatever earlier tests of this shared server left in the window falls out of it. */
    @BeforeEach
    @AfterEach
    void quiet() {
        server.quietFloor();
        server.setActivity("alice", "Offline");
        server.setActivity("bob", "Offline");
        server.queueClock.advance(QueueLedger.WINDOW.plusMinutes(1));
    }

    @Test
    void aCallerWhoAbandonsOneAnsweredLateAndOneInTimeGiveExactFigures() {
        aCallerHangsUpWhileQueued();

        awaitInLedger(server.customerCalls());
        server.queueClock.advance(Duration.ofSeconds(30));
        accept("bob");
        voiceService("the late caller answered", s -> s.answered() == 1);

        awaitInLedger(server.customerCalls());
        server.queueClock.advance(Duration.ofSeconds(5));
        accept("alice");
        QueueStats voice = voiceQueue("the caller in time answered", s -> s.answered() == 2);

        QueueService service = voice.service();
        assertThat(voice.waitingTasks()).isZero();
        assertThat(service.serviceLevelSeconds()).isEqualTo(20);
        assertThat(service.window()).isEqualTo(Duration.ofMinutes(30));
        assertThat(service.abandoned()).isEqualTo(1);
        assertThat(service.answered()).isEqualTo(2);
        assertThat(service.answeredInTime()).isEqualTo(1);
        assertThat(service.abandonmentRate().getAsDouble()).isEqualTo(1 / 3.0);
        assertThat(service.serviceLevel().getAsDouble()).isEqualTo(0.5);
        assertThat(service.averageWait()).isEqualTo(Duration.ofMillis(17_500));
        // Two acceptances 5 s apart: the queue serves one caller per 5 s, and a new caller would be first.
        assertThat(service.estimatedWait()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theFiguresLeaveTheWindowThirtyMinutesLater() {
        aCallerHangsUpWhileQueued();

        server.queueClock.advance(QueueLedger.WINDOW.plusSeconds(1));

        QueueService service = voiceQueue("a quiet window", s -> true).service();
        assertThat(service.abandoned()).isZero();
        assertThat(service.abandonmentRate()).isEmpty();
        assertThat(service.averageWait()).isNull();
    }

    private static void aCallerHangsUpWhileQueued() {
        String abandoning = server.customerCalls();
        awaitInLedger(abandoning);
        server.sim.voice().hangUp(abandoning);
        voiceService("the abandoned caller counted", s -> s.abandoned() == 1);
    }

    /** The customer's queued task, once this server's ledger saw it created (its wait starts then). */
    private static void awaitInLedger(String customerCall) {
        Await.until("the caller's task in the queue ledger", () -> taskOf(customerCall).map(server.queueLedger::isWaiting)
                .orElse(false));
    }

    private static Optional<String> taskOf(String customerCall) {
        for (com.twilio.rest.taskrouter.v1.workspace.Task task
                : com.twilio.rest.taskrouter.v1.workspace.Task.reader(server.workspace.workspaceSid()).read(server.client)) {
            if (task.getAttributes() != null && task.getAttributes().contains(customerCall)) {
                return Optional.of(task.getSid());
            }
        }
        return Optional.empty();
    }

    /** {@code identity} goes Available, is offered the waiting caller and accepts from the desktop API. */
    private static void accept(String identity) {
        try (TestDesktop desk = server.desktop(identity)) {
            desk.await(StateSnapshot.class);
            server.setActivity(identity, "Available");
            ReservationOffered offer = desk.await(ReservationOffered.class, o -> !o.reservation().isRecoveryPing());
            String reservation = offer.reservation().reservationSid();
            int status = server.post(DesktopApi.path(DesktopApi.ACCEPT_RESERVATION, reservation), server.token(identity),
                    new AcceptReservation(reservation)).statusCode();
            assertThat(status).isEqualTo(204);
        }
    }

    private static void voiceService(String what, Predicate<QueueService> until) {
        voiceQueue(what, until);
    }

    private static QueueStats voiceQueue(String what, Predicate<QueueService> until) {
        return Await.value(what, () -> {
            HttpResponse<String> response = server.get(DesktopApi.SUPERVISOR_SNAPSHOT, server.token("sam"));
            assertThat(response.statusCode()).isEqualTo(200);
            QueueStats voice = JsonCodec.shared().decode(response.body(), QueueSnapshot.class).queues().stream()
                    .filter(q -> q.queueName().equals(WorkspaceProvisioner.VOICE_QUEUE)).findFirst().orElseThrow();
            return voice.service() != null && until.test(voice.service()) ? voice : null;
        });
    }
}
