package dev.lifeline.desktop.softphone.sip;

import dev.lifeline.desktop.softphone.media.RtpSession;
import dev.lifeline.desktop.softphone.media.TonePlayer;
import dev.lifeline.desktop.softphone.sdp.SessionDescription;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;

/** The one call this softphone holds: offered (ringing), answered (200 OK sent), connected (ACK received). */
final class CallLeg {

    enum Phase { RINGING, ANSWERED, CONNECTED }

    final String callSid;
    final String callId;
    final String from;
    final ServerTransaction invite;
    final Request inviteRequest;
    final SessionDescription offer;
    final String localTag;
    final String sessionId = Long.toString(System.currentTimeMillis());

    Phase phase = Phase.RINGING;
    Dialog dialog;
    TonePlayer ring;
    RtpSession rtp;
    long sdpVersion = 1;
    boolean heldHere;
    boolean heldByFarEnd;

    CallLeg(String callSid, String callId, String from, ServerTransaction invite, SessionDescription offer,
            String localTag) {
        this.callSid = callSid;
        this.callId = callId;
        this.from = from;
        this.invite = invite;
        this.inviteRequest = invite.getRequest();
        this.offer = offer;
        this.localTag = localTag;
    }

    boolean isAnswered() {
        return phase != Phase.RINGING;
    }

    void stopRinging() {
        if (ring != null) {
            ring.close();
            ring = null;
        }
    }

    void stopMedia() {
        stopRinging();
        if (rtp != null) {
            rtp.close();
            rtp = null;
        }
    }
}
