package dev.lifeline.sim.sip;

import javax.sip.ClientTransaction;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;

/** The INVITE dialogs the emulator places to registered endpoints. */
final class SipCalls {

    /** @return false when the request belongs to no dialog of the emulator's */
    boolean handle(RequestEvent event) {
        return false;
    }

    void response(ResponseEvent event) {
    }

    void timeout(ClientTransaction transaction) {
    }
}
