package dev.lifeline.sim.sip;

import java.text.ParseException;
import java.util.Random;
import javax.sip.SipFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.WarningHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Builds responses the way the emulated Twilio words them. */
final class SipMessages {

    private static final Random TAGS = new Random();

    final MessageFactory messages;
    final HeaderFactory headers;
    final javax.sip.address.AddressFactory addresses;
    private final String agent;

    SipMessages(SipFactory factory, String agent) throws javax.sip.PeerUnavailableException {
        this.messages = factory.createMessageFactory();
        this.headers = factory.createHeaderFactory();
        this.addresses = factory.createAddressFactory();
        this.agent = agent;
    }

    /** A response with a To tag (every final response here ends a transaction the emulator owns). */
    Response response(int status, Request request) {
        try {
            Response response = messages.createResponse(status, request);
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (to != null && to.getTag() == null && status >= 200) {
                to.setTag(tag());
            }
            response.addHeader(headers.createServerHeader(java.util.List.of("twilio-sim")));
            return response;
        } catch (ParseException e) {
            throw new IllegalStateException("a fixed response cannot fail to build", e);
        }
    }

    /**
     * A refusal carrying Twilio's error code: {@code Warning: 399 <host> "<code> <text>"} (RFC 3261 §20.43, code 399
     * "miscellaneous"), the form the emulator chose because Twilio documents the code but not how it is carried.
     */
    Response refusal(int status, Request request, int twilioCode, String text) {
        Response response = response(status, request);
        try {
            WarningHeader warning = headers.createWarningHeader(agent, 399, twilioCode + " " + text.replace('"', '\''));
            response.addHeader(warning);
        } catch (ParseException | javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException("a fixed warning cannot fail to build", e);
        }
        return response;
    }

    static String tag() {
        return Long.toHexString(TAGS.nextLong() & Long.MAX_VALUE);
    }
}
