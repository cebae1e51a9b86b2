package dev.lifeline.sim.sip;

import java.text.ParseException;
import java.util.List;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/** Builds the INVITEs the emulated Twilio sends to a registered endpoint. */
final class OutboundInvites {

    private final SipMessages messages;
    private final String host;
    private final int port;

    OutboundInvites(SipMessages messages, String host, int port) {
        this.messages = messages;
        this.host = host;
        this.port = port;
    }

    /**
     * An INVITE to one binding: Request-URI = the registered contact; To = the dialled AOR; From = the caller on the
     * domain; the SDP offer; and Twilio's {@code X-Twilio-CallSid}, {@code X-Twilio-AccountSid},
     * {@code X-Twilio-ApiVersion} (sip.md §1.6).
     */
    Request invite(Binding binding, String domainName, String user, String from, String sdp, String callSid,
                   String accountSid, String sipCallId) {
        try {
            javax.sip.address.URI target = messages.addresses.createURI(binding.contact());
            if (target instanceof SipURI sip && sip.getTransportParam() == null) {
                sip.setTransportParam(binding.transport());
            }
            Address to = messages.addresses.createAddress(messages.addresses.createSipURI(user, domainName));
            Address caller = messages.addresses.createAddress(messages.addresses.createSipURI(callerUser(from), domainName));
            FromHeader fromHeader = messages.headers.createFromHeader(caller, SipMessages.tag());
            ToHeader toHeader = messages.headers.createToHeader(to, null);
            ViaHeader via = messages.headers.createViaHeader(host, port, binding.transport(), null);
            Request invite = messages.messages.createRequest(target, Request.INVITE,
                    messages.headers.createCallIdHeader(sipCallId), messages.headers.createCSeqHeader(1L, Request.INVITE),
                    fromHeader, toHeader, List.of(via), messages.headers.createMaxForwardsHeader(70));
            invite.addHeader(contact(binding.transport()));
            invite.addHeader(messages.headers.createHeader("X-Twilio-CallSid", callSid));
            invite.addHeader(messages.headers.createHeader("X-Twilio-AccountSid", accountSid));
            invite.addHeader(messages.headers.createHeader("X-Twilio-ApiVersion", "2010-04-01"));
            ContentTypeHeader type = messages.headers.createContentTypeHeader("application", "sdp");
            invite.setContent(sdp, type);
            return invite;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("the INVITE could not be built: " + e.getMessage(), e);
        }
    }

    ContactHeader contact(String transport) throws ParseException {
        SipURI uri = messages.addresses.createSipURI("twilio", host);
        uri.setPort(port);
        uri.setTransportParam(transport);
        return messages.headers.createContactHeader(messages.addresses.createAddress(uri));
    }

    /** The From user: the caller ID as given ({@code +1555…}), without a {@code client:}/{@code sip:} scheme. */
    static String callerUser(String from) {
        if (from == null || from.isBlank()) {
            return "anonymous";
        }
        String user = from.replaceFirst("^(client|sip|sips):", "");
        int at = user.indexOf('@');
        user = at > 0 ? user.substring(0, at) : user;
        return user.replaceAll("[^A-Za-z0-9\\-_.!~*'()&=+$,;?/]", "");
    }
}
