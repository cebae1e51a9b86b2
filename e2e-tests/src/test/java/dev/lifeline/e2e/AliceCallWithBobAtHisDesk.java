package dev.lifeline.e2e;

import dev.lifeline.e2e.testsupport.Await;
import dev.lifeline.model.agent.Activity;
import dev.lifeline.model.reservation.ReservationView;
import java.time.Duration;

/**
 * Where a transfer starts (issue 18 item 2 at process level): alice's and bob's desktops up, alice talking to a customer
 * her desk shows, bob Available again to take what she hands him.
 */
record AliceCallWithBobAtHisDesk(SimModeServer.DeskCall aliceCall, DesktopProcess bobDesk, AgentApi bob) {

    static AliceCallWithBobAtHisDesk start(SimModeServer sim, Duration startup, Duration step) {
        DesktopProcess bobDesk = sim.deskUp("bob-first", "bob", startup);
        AgentApi bob = sim.signIn("bob", "bob-demo");
        // Demo agents start Available on their first sign-in: bob takes a break, so the customer rings alice.
        bob.setActivity(Activity.BREAK);
        SimModeServer.DeskCall aliceCall = sim.customerOnDesk("alice-desk", "alice", startup, step);
        bob.setActivity(Activity.AVAILABLE);
        return new AliceCallWithBobAtHisDesk(aliceCall, bobDesk, bob);
    }

    DesktopProcess aliceDesk() {
        return aliceCall.desk();
    }

    AgentApi alice() {
        return aliceCall.agent();
    }

    SimModeServer.Bridged call() {
        return aliceCall.call();
    }

    String conference() {
        return aliceCall.conference();
    }

    String customer() {
        return aliceCall.customer();
    }

    /** Bob takes the transfer offer as his Accept button does; answers once his softphone is in the conference. */
    ReservationView bobAcceptsTheOffer(Duration step) {
        ReservationView offer = Await.value("bob is offered the transfer", step,
                () -> bob.state().reservations().stream().filter(ReservationView::isPending).findFirst());
        bob.acceptTransfer(offer.reservationSid());
        return offer;
    }
}
