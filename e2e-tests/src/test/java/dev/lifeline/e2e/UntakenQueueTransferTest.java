package dev.lifeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.e2e.testsupport.Await;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.command.TransferCall;
import dev.lifeline.model.reservation.ReservationView;
import dev.lifeline.server.provision.WorkspaceProvisioner;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, a transfer to the queue nobody takes, with the server wired as it runs ({@code transfer.queue-timeout}
 * 10 s here) and alice's desktop process: she cold-transfers her customer to the queue and, her task in wrap-up, stays
 * Available; nobody else is signed in. Once the timeout passes the customer, on hold music all along, is offered back
 * to her; she completes her wrap-up, accepts as her Accept button does, and the customer is bridged to her softphone
 * again, audio both ways.
 */
class UntakenQueueTransferTest extends SimModeDesktopTest {

    @Override
    protected Map<String, String> serverSettings() {
        Map<String, String> settings = new HashMap<>(ROOM_FOR_A_COLD_START);
        settings.put("LIFELINE_TRANSFER_QUEUE_TIMEOUT", "10s");
        return settings;
    }

    @Test
    void aCustomerTransferredToTheQueueNobodyTakesComesBackToAliceStillAtHerDesk() {
        SimModeServer.DeskCall onDesk = sim.customerOnDesk("alice-desk", "alice", STARTUP, STEP);
        DesktopProcess desk = onDesk.desk();
        AgentApi alice = onDesk.agent();
        SimModeServer.Bridged call = onDesk.call();
        String customer = onDesk.customer();
        String conference = onDesk.conference();

        alice.callControl(DesktopApi.TRANSFER, conference, TransferCall.toQueue(conference, WorkspaceProvisioner.VOICE_QUEUE));
        Await.until("alice's leg has left", STEP, () -> "completed".equals(world.call(call.agentLeg().sid()).status()));

        String back = Await.value("the customer offered back to alice", STEP,
                () -> world.transferOfferTo(customer, sim.workerSid("alice")));
        assertThat(onHold(conference, customer)).as("the customer waits on hold music").isTrue();
        alice.completeTask(call.taskSid());
        ReservationView offer = Await.value("alice is offered her customer again", STEP,
                () -> alice.state().reservations().stream().filter(ReservationView::isPending).findFirst());
        assertThat(offer.taskSid()).isEqualTo(back);
        alice.acceptTransfer(offer.reservationSid());

        Await.value("the customer bridged to alice's softphone again", STEP, () -> world.agentLegBridgedWith(customer, "alice")
                .filter(leg -> !leg.sid().equals(call.agentLeg().sid())));
        Await.until("the customer is off hold", STEP, () -> !onHold(conference, customer));
        sim.audioCrossesBothWays(customer, desk, STEP);
    }

    private boolean onHold(String conference, String customer) {
        return world.parties(conference).stream().anyMatch(party -> party.callSid().equals(customer) && party.hold());
    }
}
