package dev.lifeline.server.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.event.ProblemReported;
import dev.lifeline.model.event.SessionExpiring;
import dev.lifeline.server.testsupport.Await;
import java.time.Duration;
import dev.lifeline.model.event.ReservationChanged;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.model.reservation.ReservationStatus;
import dev.lifeline.model.reservation.ReservationView;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The events socket's edges: who may connect, what a bad message gets, and delivery through the cluster topic. */
class EventsSocketTest {

    private static DesktopFixture server;

    @BeforeAll
    static void start() {
        server = DesktopFixture.shared();
    }

    @Test
    void aBadTokenGetsNoTicketAndABadTicketIsRefusedAtTheUpgrade() {
        for (String token : new String[] {"not-a-token", server.expiredToken("alice"), server.tamperedToken("alice"), null}) {
            assertThat(TestDesktop.requestTicket(server.http, server.baseUrl, token).statusCode()).isEqualTo(401);
        }
        for (String ticket : new String[] {"not-a-ticket", "A".repeat(43), server.token("alice"), null}) {
            assertThat(TestDesktop.upgradeStatus(server.http, server.baseUrl, ticket)).as("upgrade with " + ticket).isEqualTo(401);
        }
    }

    @Test
    void aTicketOpensOneSocketOnlyAndTheTokenItselfOpensNone() {
        String ticket = server.ticket("alice");
        try (TestDesktop alice = TestDesktop.connectWithTicket(server.http, server.baseUrl, ticket)) {
            alice.await(StateSnapshot.class);

            assertThat(TestDesktop.upgradeStatus(server.http, server.baseUrl, ticket)).as("the same ticket again").isEqualTo(401);
            assertThat(TestDesktop.upgradeStatus(server.http, server.baseUrl, server.token("alice")))
                    .as("a bearer token in the URL").isEqualTo(401);
        }
    }

    @Test
    void aBadMessageGetsAnErrorEventNamingTheFieldAndTheSocketStaysOpen() {
        try (TestDesktop alice = server.desktop("alice")) {
            alice.await(StateSnapshot.class);
            alice.send("{\"type\":\"mute\",\"conferenceSid\":\"CF1\",\"callSid\":\"CA1\",\"muted\":\"yes\"}");
            ProblemReported error = alice.await(ProblemReported.class);
            assertThat(error.problem().status()).isEqualTo(400);
            assertThat(error.problem().errors()).containsKey("muted");

            alice.send("{\"type\":\"dance\"}");
            alice.await(ProblemReported.class, e -> e.problem().errors().containsKey("type"));

            alice.send("{\"type\":\"cancel-incident\",\"incidentId\":\"CF1:CA1\"}");
            alice.await(ProblemReported.class, e -> e.problem().status() == 403);

            alice.send("{\"type\":\"heartbeat\",\"clientTime\":\"" + Instant.now() + "\"}");
            Await.until("the heartbeat is recorded", () -> server.module.presence().lastHeartbeat("alice").isPresent());
            assertThat(alice.closeCode()).isNull();
        }
    }

    @Test
    void aDesktopWhoseTokenRunsOutIsToldOnceToRefreshIt() {
        try (TestDesktop alice = server.desktop("alice")) {
            alice.await(StateSnapshot.class);

            Instant limit = server.clock.instant().plus(Duration.ofHours(2));
            assertThat(server.module.warnSessionsExpiringBefore(limit)).isPositive();
            assertThat(server.module.warnSessionsExpiringBefore(limit)).isZero();

            SessionExpiring warning = alice.await(SessionExpiring.class);
            assertThat(warning.expiresAt()).isAfter(server.clock.instant());
            assertThat(alice.closeCode()).isNull();
        }
    }

    @Test
    void aFrameOver64KbClosesTheSocketWith1009() {
        try (TestDesktop alice = server.desktop("alice")) {
            alice.await(StateSnapshot.class);
            alice.send("{\"type\":\"heartbeat\",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}");
            Await.until("the socket is closed", () -> alice.closeCode() != null);
            assertThat(alice.closeCode()).isEqualTo(1009);
        }
    }

    @Test
    void anEventPublishedOnTheClusterTopicReachesTheAgentsSocketOnly() {
        try (TestDesktop alice = server.desktop("alice"); TestDesktop bob = server.desktop("bob")) {
            alice.await(StateSnapshot.class);
            bob.await(StateSnapshot.class);
            ReservationView view = new ReservationView("WRtopic", "WTtopic", server.workerSid("alice"), ReservationStatus.ACCEPTED,
                    "voice", null, null, null, Instant.now(), null, false, false, null);

            // A second hub on the same cluster stands for the member that handled the webhook.
            try (DesktopHub otherMember = new DesktopHub(server.hazelcast, server.agents, server.clock)) {
                otherMember.sendTo("alice", new ReservationChanged(view));
            }

            alice.await(ReservationChanged.class, e -> e.reservation().reservationSid().equals("WRtopic"));
            assertThat(bob.events).noneMatch(e -> e instanceof ReservationChanged r && r.reservation().reservationSid().equals("WRtopic"));
        }
    }
}
