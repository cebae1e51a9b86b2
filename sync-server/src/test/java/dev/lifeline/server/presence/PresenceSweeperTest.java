package dev.lifeline.server.presence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.agent.AgentPresence;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.conference.ParticipantRole;
import dev.lifeline.model.event.ConferenceChanged;
import dev.lifeline.model.event.ReservationOffered;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.server.desktop.DesktopFixture;
import dev.lifeline.server.desktop.TestDesktop;
import dev.lifeline.server.twilio.ReservationState;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The heartbeat is the agent's availability: a gone desktop goes Offline after the grace, unless a call is up. */
class PresenceSweeperTest {

    private static DesktopFixture server;

    @BeforeAll
    static void start() {
        server = DesktopFixture.shared();
        server.quietFloor();
    }

    @AfterEach
    void quiet() {
        server.quietFloor();
        server.setActivity("alice", "Offline");
        server.setActivity("bob", "Offline");
    }

    @Test
    void heartbeatsKeepTheAgentAvailableAndOnline() {
        server.setActivity("alice", "Available");
        try (TestDesktop alice = server.desktop("alice")) {
            alice.await(StateSnapshot.class);
            for (int i = 0; i < 3; i++) {
                server.clock.advance(DesktopFixture.PRESENCE_GRACE.dividedBy(2));
                alice.send("{\"type\":\"heartbeat\",\"clientTime\":\"" + server.clock.instant() + "\"}");
                awaitHeartbeatAt(server.clock.instant().minusSeconds(1));
                assertThat(server.module.presenceSweeper().sweep()).doesNotContain("alice");
            }
            assertThat(server.activityOf("alice")).isEqualTo("Available");
            assertThat(server.module.presence().presence("alice")).isEqualTo(AgentPresence.ONLINE);
        }
    }

    @Test
    void aGoneDesktopWithNoCallGoesOfflineAfterTheGrace() {
        server.setActivity("alice", "Available");
        try (TestDesktop alice = server.desktop("alice")) {
            alice.await(StateSnapshot.class);
        }
        assertThat(server.module.presenceSweeper().sweep()).doesNotContain("alice");

        server.clock.advance(DesktopFixture.PRESENCE_GRACE.plus(Duration.ofSeconds(1)));

        assertThat(server.module.presence().presence("alice")).isEqualTo(AgentPresence.GONE);
        assertThat(server.module.presenceSweeper().sweep()).contains("alice");
        assertThat(server.activityOf("alice")).isEqualTo("Offline");
    }

    /** Issue 21: without RejectPendingReservations the customer would wait out the 120 s reservation timeout. */
    @Test
    void aGoneDesktopsPendingOfferIsRejectedWhenItGoesOfflineSoTheCustomerMovesOn() {
        server.setActivity("alice", "Available");
        try (TestDesktop alice = server.desktop("alice")) {
            alice.await(StateSnapshot.class);
        }
        server.customerCalls();
        ReservationState offered = Await.value("the customer is offered to alice", () -> server.taskRouter
                .workerReservations(server.workerSid("alice")).stream()
                .filter(reservation -> "pending".equals(reservation.status())).findFirst().orElse(null));
        server.clock.advance(DesktopFixture.PRESENCE_GRACE.plus(Duration.ofSeconds(1)));

        assertThat(server.module.presenceSweeper().sweep()).contains("alice");

        assertThat(server.activityOf("alice")).isEqualTo("Offline");
        assertThat(server.taskRouter.workerReservations(server.workerSid("alice")))
                .filteredOn(reservation -> reservation.sid().equals(offered.sid()))
                .extracting(ReservationState::status).containsExactly("rejected");
        server.setActivity("bob", "Available");
        Await.until("the customer is offered to bob instead", () -> server.taskRouter.workerReservations(server.workerSid("bob"))
                .stream().anyMatch(reservation -> reservation.taskSid().equals(offered.taskSid())
                        && "pending".equals(reservation.status())));
    }

    @Test
    void aGoneDesktopWithACallInProgressStaysAvailable() {
        server.setActivity("bob", "Available");
        try (TestDesktop bob = server.desktop("bob")) {
            bob.await(StateSnapshot.class);
            server.customerCalls();
            ReservationOffered offer = bob.await(ReservationOffered.class, o -> !o.reservation().isRecoveryPing());
            String reservation = offer.reservation().reservationSid();
            assertThat(server.post(DesktopApi.path(DesktopApi.ACCEPT_RESERVATION, reservation), server.token("bob"),
                    new AcceptReservation(reservation)).statusCode()).isEqualTo(204);
            bob.await(ConferenceChanged.class, c -> c.conference().participants().size() == 2
                    && !c.conference().withRole(ParticipantRole.WORKER).isEmpty());
        }

        server.clock.advance(DesktopFixture.PRESENCE_GRACE.plus(Duration.ofSeconds(1)));

        assertThat(server.module.presenceSweeper().sweep()).doesNotContain("bob");
        assertThat(server.activityOf("bob")).isNotEqualTo("Offline");
    }

    private static void awaitHeartbeatAt(java.time.Instant atLeast) {
        Await.until("the heartbeat is recorded", () -> server.module.presence()
                .lastHeartbeat("alice").map(seen -> !seen.isBefore(atLeast)).orElse(false));
    }
}
