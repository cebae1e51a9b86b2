package dev.lifeline.sim.sip;

import dev.lifeline.sim.sipdomain.CredentialRules;
import dev.lifeline.sim.sipdomain.RegistrationPolicy;
import dev.lifeline.sim.sipdomain.SipDomainStore;
import dev.lifeline.sim.sipdomain.SipHostNames;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP Domain's registrar (RFC 3261 §10.3) with Twilio's rules (sip.md §1.3): the AOR comes from the To header;
 * the domain must exist and allow registration (32210) and map a credential list under Auth/Registrations (32212);
 * every REGISTER is challenged with digest, the Authorization user must be the AOR's user (32106) and a wrong
 * answer is 403; Expires is honoured up to the maximum, 0 removes, {@code Contact: *} removes all.
 */
final class Registrar {

    private static final Logger log = LoggerFactory.getLogger(Registrar.class);
    /** RFC 3261 §10.2.1.1: without Expires anywhere the registrar picks; 3600 s is the RFC's suggestion, then capped. */
    private static final int DEFAULT_EXPIRES = 3600;

    private final SipDomainStore domains;
    private final Bindings bindings;
    private final SipMessages messages;
    private final DigestAuth digest = new DigestAuth();
    private final Duration maxExpires;

    Registrar(SipDomainStore domains, Bindings bindings, SipMessages messages, Duration maxExpires) {
        this.domains = domains;
        this.bindings = bindings;
        this.messages = messages;
        this.maxExpires = maxExpires;
    }

    /** The response to a REGISTER. Never throws for bad input: every problem is a 4xx. */
    Response handle(Request request, String arrivedOver) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        if (to == null || !(to.getAddress().getURI() instanceof SipURI aor) || aor.getUser() == null) {
            return messages.response(Response.BAD_REQUEST, request);
        }
        SipHostNames.Parsed host = SipHostNames.parse(aor.getHost());
        if (host == null) {
            return messages.response(Response.NOT_FOUND, request);
        }
        String user = aor.getUser();
        RegistrationPolicy policy = domains.registration(host.domainName(), user);
        if (!policy.knownDomain()) {
            return messages.response(Response.NOT_FOUND, request);
        }
        if (policy.refused()) {
            return messages.refusal(Response.FORBIDDEN, request, policy.errorCode(), policy.reason());
        }
        AuthorizationHeader authorization = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
        if (authorization == null || !digest.issued(authorization.getNonce())) {
            return challenge(request);
        }
        if (!user.equals(authorization.getUsername())) {
            return messages.refusal(Response.FORBIDDEN, request, 32106,
                    "The authorization username must be the SIP username " + user);
        }
        DigestAuth.Answer answer = new DigestAuth.Answer(authorization.getUsername(), authorization.getRealm(),
                authorization.getNonce(), authorization.getURI() == null ? null : authorization.getURI().toString(),
                authorization.getResponse(), authorization.getAlgorithm(), authorization.getQop(),
                authorization.getCNonce(), nonceCount(authorization));
        if (!DigestAuth.verifies(answer, policy.ha1(), Request.REGISTER)) {
            log.info("REGISTER {}@{}: wrong credentials", user, host.domainName());
            return messages.response(Response.FORBIDDEN, request);
        }
        return bind(request, host.domainName(), user, arrivedOver);
    }

    private Response challenge(Request request) {
        Response response = messages.response(Response.UNAUTHORIZED, request);
        try {
            WWWAuthenticateHeader header = messages.headers.createWWWAuthenticateHeader("Digest");
            header.setRealm(CredentialRules.REALM);
            header.setNonce(digest.newNonce());
            header.setAlgorithm("MD5");
            header.setQop("auth");
            response.addHeader(header);
        } catch (ParseException e) {
            throw new IllegalStateException("a fixed challenge cannot fail to build", e);
        }
        return response;
    }

    private Response bind(Request request, String domainName, String user, String arrivedOver) {
        ExpiresHeader expiresHeader = request.getExpires();
        int defaultExpires = expiresHeader == null ? DEFAULT_EXPIRES : expiresHeader.getExpires();
        String callId = ((javax.sip.header.CallIdHeader) request.getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId();
        List<ContactHeader> contacts = new ArrayList<>();
        ListIterator<?> headers = request.getHeaders(ContactHeader.NAME);
        while (headers.hasNext()) {
            contacts.add((ContactHeader) headers.next());
        }
        for (ContactHeader contact : contacts) {
            if (contact.isWildCard()) {
                if (contacts.size() != 1 || defaultExpires != 0) {
                    return messages.response(Response.BAD_REQUEST, request); // RFC 3261 §10.3 step 6
                }
                bindings.unbindAll(domainName, user);
                return ok(request, domainName, user);
            }
        }
        for (ContactHeader contact : contacts) {
            URI uri = contact.getAddress().getURI();
            if (!(uri instanceof SipURI sipUri)) {
                return messages.response(Response.UNSUPPORTED_URI_SCHEME, request);
            }
            int asked = contact.getExpires() >= 0 ? contact.getExpires() : defaultExpires;
            long granted = Math.min(Math.max(asked, 0), maxExpires.toSeconds());
            String transport = sipUri.getTransportParam() != null ? sipUri.getTransportParam().toLowerCase(java.util.Locale.ROOT) : arrivedOver;
            bindings.bind(domainName, user, sipUri.toString(), transport, callId, Duration.ofSeconds(granted));
        }
        return ok(request, domainName, user);
    }

    /** 200 OK listing every current binding with the expiry granted, as RFC 3261 §10.3 step 8 asks. */
    private Response ok(Request request, String domainName, String user) {
        Response response = messages.response(Response.OK, request);
        try {
            for (Binding binding : bindings.current(domainName, user)) {
                ContactHeader contact = messages.headers.createContactHeader(
                        messages.addresses.createAddress(binding.contact()));
                long remaining = Math.max(0, Duration.between(bindings.now(), binding.expires()).toSeconds());
                contact.setExpires((int) remaining);
                response.addHeader(contact);
            }
        } catch (ParseException | javax.sip.InvalidArgumentException e) {
            log.debug("a stored contact could not be echoed", e);
        }
        return response;
    }

    private static String nonceCount(AuthorizationHeader authorization) {
        int count = authorization.getNonceCount();
        return count <= 0 ? null : String.format("%08x", count);
    }

    static String transportOf(Request request) {
        Iterator<?> vias = request.getHeaders(ViaHeader.NAME);
        return vias.hasNext() ? ((ViaHeader) vias.next()).getTransport().toLowerCase(java.util.Locale.ROOT) : "udp";
    }
}
