package dev.lifeline.sim.sip;

import dev.lifeline.sim.media.Codec;
import dev.lifeline.sim.media.MediaPlane;
import dev.lifeline.sim.media.Sdp;
import dev.lifeline.sim.media.SdpException;
import dev.lifeline.sim.media.SessionDescription;
import dev.lifeline.sim.sipdomain.SipDomainStore;
import dev.lifeline.sim.sipdomain.SipHostNames;
import dev.lifeline.sim.voice.CallStatus;
import dev.lifeline.sim.voice.SipLine;
import dev.lifeline.sim.voice.VoiceEmulator;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator as the calling user agent: a leg to {@code sip:user@<domain>.sip.twilio.com} INVITEs every current
 * binding of that user at once (Twilio forks, sip.md §1.2); the first 2xx wins and is ACKed, the other forks are
 * CANCELled (a late 2xx is ACKed and BYEd); 486/600/603 is busy; nobody registered fails at once with 32009. A BYE
 * from the endpoint ends the leg as a hang-up; a leg Twilio ends gets a BYE. Outbound SIP work runs on one thread of
 * its own, never under the world lock.
 */
final class SipCalls implements SipLine {

    private static final Logger log = LoggerFactory.getLogger(SipCalls.class);

    private final SipServer server;
    private final SipDomainStore domains;
    private final MediaPlane media;
    private final VoiceEmulator voice;
    private final String accountSid;
    private final OutboundInvites invites;
    private final ExecutorService outbound = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "twilio-sim-sip-ua");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Leg> byCallSid = new ConcurrentHashMap<>();
    private final Map<String, Leg> bySipCallId = new ConcurrentHashMap<>();

    SipCalls(SipServer server, SipDomainStore domains, MediaPlane media, VoiceEmulator voice, String accountSid) {
        this.server = server;
        this.domains = domains;
        this.media = media;
        this.voice = voice;
        this.accountSid = accountSid;
        this.invites = new OutboundInvites(server.messages(), server.host(), server.port());
    }

    /** One leg and its forks. Guarded by itself. */
    private static final class Leg {
        final String callSid;
        final List<Fork> forks = new ArrayList<>();
        Dialog answered;
        boolean ended;
        boolean byeReceived;

        Leg(String callSid) {
            this.callSid = callSid;
        }

        Fork fork(ClientTransaction transaction) {
            return forks.stream().filter(f -> f.transaction == transaction).findFirst().orElse(null);
        }

        boolean allFailed() {
            return forks.stream().allMatch(f -> f.finalStatus >= 300);
        }
    }

    private static final class Fork {
        final ClientTransaction transaction;
        final String sipCallId;
        int finalStatus;

        Fork(ClientTransaction transaction, String sipCallId) {
            this.transaction = transaction;
            this.sipCallId = sipCallId;
        }
    }

    // --- SipLine: what the voice side asks -------------------------------------------------------------------------

    @Override
    public void ring(String callSid, String to, String from) {
        outbound.execute(() -> {
            try {
                place(callSid, to, from);
            } catch (RuntimeException e) {
                log.info("call {} to {}: {}", callSid, to, e.toString());
                voice.sipFailed(callSid, CallStatus.FAILED, null);
            }
        });
    }

    private void place(String callSid, String to, String from) {
        SipAddress address = SipAddress.parse(to);
        SipHostNames.Parsed host = address == null ? null : SipHostNames.parse(address.host());
        if (host == null || !domains.exists(host.domainName())) {
            log.info("call {}: {} is not a SIP Domain of this account; the emulator reaches no other SIP host", callSid, to);
            voice.sipFailed(callSid, CallStatus.FAILED, null);
            return;
        }
        if (host.edgeRefusedForDialling()) {
            voice.sipFailed(callSid, CallStatus.FAILED, 32220); // dial the global name, not an edge (sip.md §1.2)
            return;
        }
        if (address.user() == null) {
            voice.sipFailed(callSid, CallStatus.FAILED, 32223);
            return;
        }
        List<Binding> bindings = server.bindings().current(host.domainName(), address.user());
        if (bindings.isEmpty()) {
            voice.sipFailed(callSid, CallStatus.FAILED, 32009);
            return;
        }
        int rtpPort = media.openLeg(callSid);
        String offer = Sdp.offer(media.host(), rtpPort, System.nanoTime() & 0xFFFFFFL, 1);
        Leg leg = new Leg(callSid);
        byCallSid.put(callSid, leg);
        synchronized (leg) {
            for (Binding binding : bindings) {
                try {
                    Request invite = invites.invite(binding, host.domainName(), address.user(), from, offer,
                            callSid, accountSid, server.provider().getNewCallId().getCallId());
                    ClientTransaction transaction = server.provider().getNewClientTransaction(invite);
                    String sipCallId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
                    leg.forks.add(new Fork(transaction, sipCallId));
                    bySipCallId.put(sipCallId, leg);
                    transaction.sendRequest();
                } catch (SipException | RuntimeException e) {
                    log.info("call {}: INVITE to {} could not be sent: {}", callSid, binding.contact(), e.toString());
                    if (!leg.forks.isEmpty()) {
                        leg.forks.get(leg.forks.size() - 1).finalStatus = 503;
                    }
                }
            }
            if (leg.forks.isEmpty() || leg.allFailed()) {
                finishUnanswered(leg, CallStatus.FAILED);
            }
        }
    }

    @Override
    public void cancel(String callSid) {
        outbound.execute(() -> {
            Leg leg = byCallSid.get(callSid);
            if (leg == null) {
                return;
            }
            synchronized (leg) {
                leg.ended = true;
                cancelPending(leg, null);
            }
            media.close(callSid);
        });
    }

    @Override
    public void hangUp(String callSid) {
        outbound.execute(() -> {
            Leg leg = byCallSid.remove(callSid);
            if (leg == null) {
                return;
            }
            synchronized (leg) {
                leg.ended = true;
                if (leg.answered != null && !leg.byeReceived) {
                    sendBye(leg.answered);
                }
                cancelPending(leg, null);
            }
            media.close(callSid);
        });
    }

    // --- what the stack reports -------------------------------------------------------------------------------------

    /** A request inside one of the emulator's dialogs: BYE, a re-INVITE, a CANCEL the endpoint would not send. */
    boolean handle(RequestEvent event) {
        Request request = event.getRequest();
        Leg leg = bySipCallId.get(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId());
        if (leg == null) {
            return false;
        }
        switch (request.getMethod()) {
            case Request.BYE -> {
                server.respond(event, server.messages().response(Response.OK, request));
                synchronized (leg) {
                    leg.byeReceived = true;
                }
                voice.sipHungUp(leg.callSid);
            }
            case Request.INVITE -> reInvite(event, leg);
            default -> server.respond(event, server.messages().response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
        }
        return true;
    }

    /** A re-INVITE (hold, a new address): answered 200 with the leg's own SDP; the far end's new address is used. */
    private void reInvite(RequestEvent event, Leg leg) {
        Request request = event.getRequest();
        if (request.getRawContent() == null) {
            server.respond(event, server.messages().response(Response.NOT_ACCEPTABLE_HERE, request));
            return;
        }
        try {
            SessionDescription offer = Sdp.parse(new String(request.getRawContent(), StandardCharsets.UTF_8));
            int port = media.localPort(leg.callSid);
            Codec codec = offer.firstG711();
            if (codec == null) {
                server.respond(event, server.messages().response(Response.NOT_ACCEPTABLE_HERE, request));
                return;
            }
            media.connect(leg.callSid, new InetSocketAddress(offer.address(), offer.port()), codec, true,
                    offer.telephoneEvent());
            Response ok = server.messages().response(Response.OK, request);
            ok.setContent(Sdp.answer(offer, media.host(), port, 1, offer.sessionVersion() + 1),
                    server.messages().headers.createContentTypeHeader("application", "sdp"));
            ok.addHeader(invites.contact("udp"));
            server.respond(event, ok);
        } catch (SdpException | java.text.ParseException e) {
            server.respond(event, server.messages().response(Response.NOT_ACCEPTABLE_HERE, request));
        }
    }

    void response(ResponseEvent event) {
        Response response = event.getResponse();
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (cseq == null || !Request.INVITE.equals(cseq.getMethod())) {
            return; // answers to BYE and CANCEL need nothing
        }
        Leg leg = bySipCallId.get(((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId());
        if (leg == null) {
            return;
        }
        int status = response.getStatusCode();
        synchronized (leg) {
            Fork fork = event.getClientTransaction() == null ? null : leg.fork(event.getClientTransaction());
            if (status < 200) {
                if (status == Response.RINGING || status == Response.SESSION_PROGRESS) {
                    voice.sipRinging(leg.callSid);
                }
                return;
            }
            if (status < 300) {
                answered(leg, fork, event.getDialog(), response, cseq.getSeqNumber());
                return;
            }
            if (fork != null) {
                fork.finalStatus = status;
            }
            if (leg.answered == null && !leg.ended && leg.allFailed()) {
                boolean busy = leg.forks.stream().anyMatch(f -> f.finalStatus == 486 || f.finalStatus == 600 || f.finalStatus == 603);
                finishUnanswered(leg, busy ? CallStatus.BUSY : CallStatus.FAILED);
            }
        }
    }

    private void answered(Leg leg, Fork fork, Dialog dialog, Response response, long cseq) {
        if (dialog == null) {
            return;
        }
        ack(dialog, cseq);
        if (fork != null) {
            fork.finalStatus = response.getStatusCode();
        }
        if (leg.answered != null || leg.ended) {
            sendBye(dialog); // a second fork answered, or the leg is already over: take that call down again
            return;
        }
        SessionDescription answer = null;
        if (response.getRawContent() != null) {
            try {
                answer = Sdp.parse(new String(response.getRawContent(), StandardCharsets.UTF_8));
            } catch (SdpException e) {
                log.info("call {}: the 200 OK's SDP is refused: {}", leg.callSid, e.getMessage());
            }
        }
        Codec codec = answer == null ? null : answer.firstG711();
        if (codec == null || answer.port() == 0) {
            log.info("call {}: the 200 OK has no usable G.711 answer; hanging up", leg.callSid);
            sendBye(dialog);
            leg.ended = true;
            cancelPending(leg, null);
            media.close(leg.callSid);
            voice.sipFailed(leg.callSid, CallStatus.FAILED, null);
            return;
        }
        leg.answered = dialog;
        cancelPending(leg, fork);
        media.connect(leg.callSid, new InetSocketAddress(answer.address(), answer.port()), codec, true,
                answer.telephoneEvent());
        voice.sipAnswered(leg.callSid);
    }

    void timeout(ClientTransaction transaction) {
        for (Leg leg : byCallSid.values()) {
            synchronized (leg) {
                Fork fork = leg.fork(transaction);
                if (fork != null && fork.finalStatus == 0) {
                    fork.finalStatus = Response.REQUEST_TIMEOUT;
                    if (leg.answered == null && !leg.ended && leg.allFailed()) {
                        finishUnanswered(leg, CallStatus.FAILED);
                    }
                    return;
                }
            }
        }
    }

    private void finishUnanswered(Leg leg, CallStatus status) {
        leg.ended = true;
        byCallSid.remove(leg.callSid);
        media.close(leg.callSid);
        voice.sipFailed(leg.callSid, status, null);
    }

    private void cancelPending(Leg leg, Fork winner) {
        for (Fork fork : leg.forks) {
            if (fork != winner && fork.finalStatus == 0) {
                try {
                    Request cancel = fork.transaction.createCancel();
                    server.provider().getNewClientTransaction(cancel).sendRequest();
                } catch (SipException | RuntimeException e) {
                    log.debug("CANCEL not sent: {}", e.toString());
                }
            }
        }
    }

    private void ack(Dialog dialog, long cseq) {
        try {
            dialog.sendAck(dialog.createAck(cseq));
        } catch (SipException | javax.sip.InvalidArgumentException e) {
            log.info("ACK not sent: {}", e.toString());
        }
    }

    private void sendBye(Dialog dialog) {
        try {
            Request bye = dialog.createRequest(Request.BYE);
            dialog.sendRequest(server.provider().getNewClientTransaction(bye));
        } catch (SipException | RuntimeException e) {
            log.info("BYE not sent: {}", e.toString());
        }
    }

    void close() {
        outbound.shutdownNow();
    }
}
