package dev.lifeline.server.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.lifeline.model.event.ReservationOffered;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.server.taskrouter.TaskRouterEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A webhook handled on one member reaches the desktop whose socket another member holds. */
class ClusterDeliveryTest {

    private static DesktopFixture server;
    private static HazelcastInstance otherMember;

    @BeforeAll
    static void joinASecondMember() {
        server = DesktopFixture.shared();
        otherMember = server.joinAnotherMember();
    }

    @AfterAll
    static void leave() {
        otherMember.shutdown();
    }

    @Test
    void anOfferHandledOnAnotherMemberReachesTheAgentsSocketAndIsKnownClusterWide() {
        try (TestDesktop alice = server.desktop("alice");
             DesktopHub hubOnOtherMember = new DesktopHub(otherMember, server.agents, server.clock)) {
            alice.await(StateSnapshot.class);

            hubOnOtherMember.taskRouterEvent(new TaskRouterEvent("EVcluster", "reservation.created", "WTcluster",
                    "{\"from\":\"+15550001111\"}", "reserved", null, "voice", server.workspace.voiceQueueSid(),
                    server.workspace.voiceWorkflowSid(), server.workerSid("alice"), "WRcluster", "pending"));

            ReservationOffered offer = alice.await(ReservationOffered.class, o -> o.reservation().reservationSid().equals("WRcluster"));
            assertThat(offer.reservation().customerNumber()).isEqualTo("+15550001111");
            assertThat(server.hub.reservations().get("WRcluster")).get()
                    .satisfies(record -> assertThat(record.workerSid()).isEqualTo(server.workerSid("alice")));
        }
    }
}
