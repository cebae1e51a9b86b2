package dev.lifeline.desktop.softphone.sip;

import dev.lifeline.desktop.softphone.audio.AudioLevel;
import dev.lifeline.desktop.softphone.media.RtpSession;
import dev.lifeline.desktop.softphone.media.StreamSettings;
import dev.lifeline.desktop.softphone.sdp.MediaPlan;
import dev.lifeline.desktop.softphone.sdp.OfferAnswer;
import dev.lifeline.desktop.softphone.sdp.SdpFormatException;
import dev.lifeline.desktop.softphone.sdp.SdpNotAcceptableException;
import dev.lifeline.desktop.softphone.sdp.SdpParser;
import dev.lifeline.desktop.softphone.sdp.SdpWriter;
import dev.lifeline.desktop.softphone.sdp.SessionDescription;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ExtensionHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The softphone's calls over SIP (RFC 3261 UAS, one call at a time): INVITE → 180 Ringing (the ring tone plays)
 * → answer → 200 OK with an SDP answer → ACK; reject → 486; CANCEL → 487; BYE either way; re-INVITE hold both ways.
 * A second INVITE while a call is offered or up gets 486. Unreadable SDP gets 400, unacceptable SDP 488, and
 * neither disturbs the call in progress.
 */
final class SipCalls {

    /** Twilio's INVITE names its call leg (sip.md §1.6); the server matches legs by it. */
    static final String TWILIO_CALL_SID = "X-Twilio-CallSid";
    private static final Logger log = LoggerFactory.getLogger(SipCalls.class);

    private final SipEndpoint sip;
    private final SipOptions options;
    private final SipSoftphone phone;
    private CallLeg call;
    private boolean muted;

    SipCalls(SipEndpoint sip, SipOptions options, SipSoftphone phone) {
        this.sip = sip;
        this.options = options;
        this.phone = phone;
    }

    synchronized void onRequest(RequestEvent event) {
        Request request = event.getRequest();
        switch (request.getMethod()) {
            case Request.INVITE -> {
                if (((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null) {
                    reInvite(event);
                } else {
                    invite(event);
                }
            }
            case Request.ACK -> ack(request);
            case Request.CANCEL -> cancel(event);
            case Request.BYE -> bye(event);
            case Request.OPTIONS -> respond(event, Response.OK);
            default -> respond(event, Response.METHOD_NOT_ALLOWED);
        }
    }

    // ---- incoming call

    private void invite(RequestEvent event) {
        ServerTransaction transaction = serverTransaction(event);
        if (transaction == null) {
            return;
        }
        Request request = event.getRequest();
        if (call != null || !phone.acceptsCalls()) {
            send(transaction, response(request, Response.BUSY_HERE, null));
            return;
        }
        SessionDescription offer;
        try {
            offer = SdpParser.parse(body(request));
            OfferAnswer.answer(offer, new OfferAnswer.LocalMedia(sip.localAddress, 9, "0"), 1, false);
        } catch (SdpFormatException e) {
            log.info("INVITE with unreadable SDP refused: {}", e.getMessage());
            send(transaction, response(request, Response.BAD_REQUEST, null));
            return;
        } catch (SdpNotAcceptableException e) {
            log.info("INVITE refused: {}", e.getMessage());
            send(transaction, response(request, Response.NOT_ACCEPTABLE_HERE, null));
            return;
        }
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        String callSid = callSid(request, callId);
        String from = ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI().toString();
        CallLeg leg = new CallLeg(callSid, callId, from, transaction, offer, Long.toHexString(System.nanoTime()));
        Response ringing = response(request, Response.RINGING, leg.localTag);
        if (!send(transaction, ringing)) {
            return;
        }
        leg.dialog = transaction.getDialog();
        leg.ring = phone.ringTone();
        call = leg;
        log.info("call {} from {} is ringing", callSid, from);
        phone.report(listener -> listener.ringing(callSid, from));
    }

    synchronized void answer(String callSid) {
        CallLeg leg = call;
        if (leg == null || !leg.callSid.equals(callSid) || leg.isAnswered()) {
            log.warn("answer {}: no such ringing call", callSid);
            return;
        }
        leg.stopRinging();
        try {
            leg.rtp = RtpSession.open(InetAddress.getByName(sip.localAddress), options.rtpPorts());
            OfferAnswer.Answered answered = OfferAnswer.answer(leg.offer, local(leg), leg.sdpVersion, false);
            Response ok = response(leg.inviteRequest, Response.OK, leg.localTag);
            ok.setContent(SdpWriter.write(answered.answer()), sip.headers.createContentTypeHeader("application", "sdp"));
            muted = false;
            leg.rtp.start(stream(answered.plan()), phone.microphone(), phone.speaker(),
                    key -> phone.report(listener -> listener.digitReceived(callSid, key)));
            leg.phase = CallLeg.Phase.ANSWERED;
            if (!send(leg.invite, ok)) {
                end(leg, "the answer could not be sent");
            }
        } catch (IOException | SdpNotAcceptableException | ParseException e) {
            log.warn("answer {} failed", callSid, e);
            send(leg.invite, response(leg.inviteRequest, Response.SERVER_INTERNAL_ERROR, leg.localTag));
            end(leg, "the call could not be answered: " + e.getMessage());
        }
    }

    private void ack(Request ack) {
        CallLeg leg = call;
        if (leg == null || !leg.callId.equals(callIdOf(ack)) || leg.phase != CallLeg.Phase.ANSWERED) {
            return;
        }
        leg.phase = CallLeg.Phase.CONNECTED;
        log.info("call {} connected", leg.callSid);
        phone.report(listener -> listener.connected(leg.callSid, null));
    }

    synchronized void reject(String callSid) {
        CallLeg leg = call;
        if (leg == null || !leg.callSid.equals(callSid) || leg.isAnswered()) {
            return;
        }
        send(leg.invite, response(leg.inviteRequest, Response.BUSY_HERE, leg.localTag));
        leg.stopMedia();
        call = null;
        log.info("call {} rejected", callSid);
    }

    private void cancel(RequestEvent event) {
        respond(event, Response.OK);
        CallLeg leg = call;
        if (leg == null || !leg.callId.equals(callIdOf(event.getRequest())) || leg.isAnswered()) {
            return;
        }
        send(leg.invite, response(leg.inviteRequest, Response.REQUEST_TERMINATED, leg.localTag));
        leg.stopMedia();
        call = null;
        log.info("call {} cancelled by the caller", leg.callSid);
        phone.report(listener -> listener.ringCancelled(leg.callSid, "the caller hung up"));
    }

    // ---- the end of a call

    private void bye(RequestEvent event) {
        CallLeg leg = call;
        if (leg == null || !leg.callId.equals(callIdOf(event.getRequest()))) {
            respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        respond(event, Response.OK);
        end(leg, "the other side hung up");
    }

    synchronized void hangUp(String callSid) {
        CallLeg leg = call;
        if (leg == null || !leg.callSid.equals(callSid)) {
            return;
        }
        if (!leg.isAnswered()) {
            reject(callSid);
            return;
        }
        try {
            Request bye = leg.dialog.createRequest(Request.BYE);
            ClientTransaction transaction = sip.provider.getNewClientTransaction(bye);
            leg.dialog.sendRequest(transaction);
        } catch (SipException e) {
            log.warn("BYE for {} could not be sent; the far end will time the call out", callSid, e);
        }
        end(leg, "hung up");
    }

    private void end(CallLeg leg, String reason) {
        leg.stopMedia();
        if (call == leg) {
            call = null;
        }
        log.info("call {} ended: {}", leg.callSid, reason);
        phone.report(listener -> listener.callEnded(leg.callSid, reason));
    }

    synchronized void onServerTimeout(ServerTransaction transaction) {
        CallLeg leg = call;
        if (leg != null && transaction == leg.invite && leg.phase == CallLeg.Phase.ANSWERED) {
            log.warn("call {}: no ACK for the 200 OK", leg.callSid);
            hangUp(leg.callSid);
        }
    }

    /** Closing the phone: media stops, no BYE (the {@code Softphone} contract: the leg drops as on a crash). */
    synchronized void dropWithoutBye() {
        if (call != null) {
            call.stopMedia();
            call = null;
        }
    }

    // ---- hold (re-INVITE both ways)

    private void reInvite(RequestEvent event) {
        ServerTransaction transaction = serverTransaction(event);
        if (transaction == null) {
            return;
        }
        Request request = event.getRequest();
        CallLeg leg = call;
        if (leg == null || !leg.callId.equals(callIdOf(request)) || leg.rtp == null) {
            send(transaction, response(request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null));
            return;
        }
        OfferAnswer.Answered answered;
        try {
            answered = OfferAnswer.answer(SdpParser.parse(body(request)), local(leg), ++leg.sdpVersion, leg.heldHere);
        } catch (SdpFormatException e) {
            send(transaction, response(request, Response.BAD_REQUEST, null));
            return;
        } catch (SdpNotAcceptableException e) {
            send(transaction, response(request, Response.NOT_ACCEPTABLE_HERE, null));
            return;
        }
        Response ok = response(request, Response.OK, null);
        try {
            ok.setContent(SdpWriter.write(answered.answer()), sip.headers.createContentTypeHeader("application", "sdp"));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        if (send(transaction, ok)) {
            // Our answer sends exactly when the far end's offer receives: not sending means it put us on hold.
            apply(leg, answered.plan(), leg.heldHere, !answered.plan().direction().sends());
        }
    }

    synchronized void hold(String callSid, boolean held) {
        CallLeg leg = call;
        if (leg == null || !leg.callSid.equals(callSid) || leg.rtp == null || leg.dialog == null) {
            return;
        }
        try {
            Request reInvite = leg.dialog.createRequest(Request.INVITE);
            reInvite.addHeader(sip.contact());
            SessionDescription offer = OfferAnswer.offer(local(leg), ++leg.sdpVersion, held);
            reInvite.setContent(SdpWriter.write(offer), sip.headers.createContentTypeHeader("application", "sdp"));
            ClientTransaction transaction = sip.provider.getNewClientTransaction(reInvite);
            transaction.setApplicationData(held);
            leg.dialog.sendRequest(transaction);
        } catch (SipException | ParseException e) {
            log.warn("hold {} for {} could not be sent", held, callSid, e);
        }
    }

    synchronized void onResponse(ResponseEvent event) {
        Response response = event.getResponse();
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (!Request.INVITE.equals(cseq.getMethod()) || response.getStatusCode() < 200) {
            return;
        }
        Dialog dialog = event.getDialog();
        CallLeg leg = call;
        if (response.getStatusCode() >= 300 || dialog == null) {
            log.info("re-INVITE answered {} {}", response.getStatusCode(), response.getReasonPhrase());
            return;
        }
        try {
            dialog.sendAck(dialog.createAck(cseq.getSeqNumber()));
        } catch (SipException | InvalidArgumentException e) {
            log.warn("ACK for the re-INVITE could not be sent", e);
        }
        ClientTransaction transaction = event.getClientTransaction();
        if (leg == null || transaction == null || !(transaction.getApplicationData() instanceof Boolean held)) {
            return;
        }
        try {
            MediaPlan plan = OfferAnswer.accept(SdpParser.parse(body(response)));
            apply(leg, plan, held, leg.heldByFarEnd);
        } catch (SdpFormatException | SdpNotAcceptableException e) {
            log.warn("the answer to our re-INVITE is unusable ({}); media unchanged", e.getMessage());
        }
    }

    private void apply(CallLeg leg, MediaPlan plan, boolean heldHere, boolean heldByFarEnd) {
        leg.rtp.update(stream(plan));
        if (leg.heldHere != heldHere || leg.heldByFarEnd != heldByFarEnd) {
            leg.heldHere = heldHere;
            leg.heldByFarEnd = heldByFarEnd;
            log.info("call {}: held here {}, held by the far end {}", leg.callSid, heldHere, heldByFarEnd);
            phone.report(listener -> listener.holdChanged(leg.callSid, heldHere, heldByFarEnd));
        }
    }

    // ---- in-call controls

    synchronized void setMuted(boolean mute) {
        muted = mute;
        if (call != null && call.rtp != null) {
            call.rtp.setMuted(mute);
        }
    }

    synchronized boolean isMuted() {
        return muted;
    }

    synchronized boolean sendDigit(char key) {
        return call != null && call.rtp != null && call.rtp.sendDigit(key);
    }

    synchronized double inputLevelDbfs() {
        return call != null && call.rtp != null ? call.rtp.inputLevelDbfs() : AudioLevel.SILENCE_DBFS;
    }

    synchronized Optional<String> activeCallSid() {
        return call != null && call.isAnswered() ? Optional.of(call.callSid) : Optional.empty();
    }

    // ---- helpers

    private OfferAnswer.LocalMedia local(CallLeg leg) {
        return new OfferAnswer.LocalMedia(sip.localAddress, leg.rtp.localPort(), leg.sessionId);
    }

    private static StreamSettings stream(MediaPlan plan) {
        return new StreamSettings(plan.codec(), plan.telephoneEventPayloadType(),
                new InetSocketAddress(plan.remoteAddress(), plan.remotePort()), plan.direction().sends(),
                plan.direction().receives());
    }

    static String callSid(Request request, String callId) {
        Header header = request.getHeader(TWILIO_CALL_SID);
        if (header instanceof ExtensionHeader extension && extension.getValue() != null
                && !extension.getValue().isBlank()) {
            return extension.getValue().trim();
        }
        return callId;
    }

    private static String callIdOf(Request request) {
        return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    }

    private static String body(javax.sip.message.Message message) {
        byte[] raw = message.getRawContent();
        return raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
    }

    private ServerTransaction serverTransaction(RequestEvent event) {
        ServerTransaction transaction = event.getServerTransaction();
        if (transaction != null) {
            return transaction;
        }
        try {
            return sip.provider.getNewServerTransaction(event.getRequest());
        } catch (SipException e) {
            // A retransmission the stack already answers, or a request it refuses itself.
            log.debug("no server transaction for {}: {}", event.getRequest().getMethod(), e.toString());
            return null;
        }
    }

    void respondStateless(RequestEvent event, int status) {
        respond(event, status);
    }

    private void respond(RequestEvent event, int status) {
        ServerTransaction transaction = serverTransaction(event);
        if (transaction != null) {
            send(transaction, response(event.getRequest(), status, null));
        }
    }

    private Response response(Request request, int status, String toTag) {
        try {
            Response response = sip.messages.createResponse(status, request);
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (toTag != null && to.getTag() == null) {
                to.setTag(toTag);
            }
            if (status < 300 && Request.INVITE.equals(request.getMethod())) {
                response.addHeader(sip.contact());
            }
            response.addHeader(sip.headers.createServerHeader(java.util.List.of(SipEndpoint.USER_AGENT)));
            return response;
        } catch (ParseException e) {
            throw new IllegalStateException("response " + status + " could not be built", e);
        }
    }

    private static boolean send(ServerTransaction transaction, Response response) {
        try {
            transaction.sendResponse(response);
            return true;
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            log.warn("{} could not be sent: {}", response.getStatusCode(), e.toString());
            return false;
        }
    }
}
