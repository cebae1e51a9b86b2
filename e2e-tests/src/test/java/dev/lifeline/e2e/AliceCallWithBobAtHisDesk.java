package dev.lifeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.e2e.testsupport.Await;
import dev.lifeline.model.agent.Activity;
import dev.lifeline.model.reservation.ReservationView;
import java.time.Duration;

/**
 * Where a transfer starts (issue 18 item 2 at process level): alice's and bob's desktops up, alice talking to a customer
 * her desk shows, bob Available again to take what she hands him.
 *
 * @param conference the customer's conference, as alice's call card names it
 */
record AliceCallWithBobAtHisDesk(DesktopProcess aliceDesk, DesktopProcess bobDesk, AgentApi alice, AgentApi bob,
                                 SimModeServer.Bridged call, String conference) {

    static AliceCallWithBobAtHisDesk start(SimModeServer sim, Duration startup, Duration step) {
        DesktopProcess aliceDesk = sim.deskUp("alice-desk", "alice", startup);
        DesktopProcess bobDesk = sim.deskUp("bob-first", "bob", startup);
        AgentApi alice = sim.signIn("alice", "alice-demo");
        AgentApi bob = sim.signIn("bob", "bob-demo");
        // Demo agents start Available on their first sign-in: bob takes a break, so the customer rings alice.
        bob.setActivity(Activity.BREAK);
        SimModeServer.Bridged call = sim.customerBridgedTo("alice", alice, step);
        String conference = sim.conferenceOnDesk("alice", alice, step);
        assertThat(conference).isEqualTo(sim.world.call(call.customerCallSid()).conferenceSid());
        bob.setActivity(Activity.AVAILABLE);
        return new AliceCallWithBobAtHisDesk(aliceDesk, bobDesk, alice, bob, call, conference);
    }

    String customer() {
        return call.customerCallSid();
    }

    /** Bob takes the transfer offer as his Accept button does; answers once his softphone is in the conference. */
    ReservationView bobAcceptsTheOffer(Duration step) {
        ReservationView offer = Await.value("bob is offered the transfer", step,
                () -> bob.state().reservations().stream().filter(ReservationView::isPending).findFirst());
        bob.acceptTransfer(offer.reservationSid());
        return offer;
    }
}
