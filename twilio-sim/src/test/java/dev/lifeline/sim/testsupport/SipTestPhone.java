package dev.lifeline.sim.testsupport;

import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A SIP phone for tests, built on JAIN-SIP the way a desktop softphone would be: REGISTERs through the emulator as
 * outbound proxy (digest answered by JAIN-SIP's own {@link AuthenticationHelper}, one retry), takes INVITEs (ring,
 * answer with SDP, refuse), sees CANCEL and BYE, and hangs up. Every wait has a deadline.
 */
public final class SipTestPhone implements SipListener, AutoCloseable {

    private static final AtomicInteger STACKS = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SipStack stack;
    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final String transport;
    private final int port;
    private final BlockingQueue<Response> finalResponses = new LinkedBlockingQueue<>();
    private final BlockingQueue<Incoming> invites = new LinkedBlockingQueue<>();
    private final BlockingQueue<Request> cancels = new LinkedBlockingQueue<>();
    private final BlockingQueue<Request> byes = new LinkedBlockingQueue<>();
    private volatile String password;
    private volatile String user;
    private volatile String domain;
    private long cseq = 1;
    private final String callId;

    public SipTestPhone(int simSipPort, String transport) {
        this.transport = transport;
        try {
            SipFactory factory = SipFactory.getInstance();
            factory.setPathName("gov.nist");
            Properties properties = new Properties();
            properties.setProperty("javax.sip.STACK_NAME", "test-phone-" + STACKS.incrementAndGet());
            properties.setProperty("javax.sip.OUTBOUND_PROXY", "127.0.0.1:" + simSipPort + "/" + transport);
            properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
            stack = factory.createSipStack(properties);
            messages = factory.createMessageFactory();
            headers = factory.createHeaderFactory();
            addresses = factory.createAddressFactory();
            port = freePort();
            ListeningPoint point = stack.createListeningPoint("127.0.0.1", port, transport);
            provider = stack.createSipProvider(point);
            provider.addSipListener(this);
            callId = provider.getNewCallId().getCallId();
        } catch (Exception e) {
            throw new IllegalStateException("test phone could not start", e);
        }
    }

    private static int freePort() throws java.io.IOException {
        for (int i = 0; i < 20; i++) {
            try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                int candidate = udp.getLocalPort();
                try (ServerSocket tcp = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                    return candidate;
                } catch (java.io.IOException taken) {
                    // try another
                }
            }
        }
        throw new java.io.IOException("no free port");
    }

    public int port() {
        return port;
    }

    public String contact() {
        return "sip:" + user + "@127.0.0.1:" + port + ";transport=" + transport;
    }

    /**
     * REGISTERs {@code user@domainHost} with {@code expires} seconds and returns the final response (after answering
     * one digest challenge; a second 401 is returned as it is).
     */
    public Response register(String domainHost, String user, String password, int expires) {
        this.user = user;
        this.password = password;
        this.domain = domainHost;
        return send(registerRequest(domainHost, user, expires, contact()));
    }

    /** A REGISTER with {@code Contact: *} and {@code Expires: 0}. */
    public Response unregisterAll() {
        try {
            Request request = registerRequest(domain, user, 0, null);
            request.setHeader(headers.createContactHeader());
            return send(request);
        } catch (RuntimeException e) {
            throw e;
        }
    }

    /** Sends a request and returns its first final response, challenge or not. */
    public Response sendOnce(Request request) {
        finalResponses.clear();
        try {
            provider.getNewClientTransaction(request).sendRequest();
            return poll(finalResponses, "a final response to " + request.getMethod());
        } catch (javax.sip.SipException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response send(Request request) {
        finalResponses.clear();
        try {
            ClientTransaction first = provider.getNewClientTransaction(request);
            first.sendRequest();
            Response response = poll(finalResponses, "a final response to " + request.getMethod());
            if (response.getStatusCode() == 401 || response.getStatusCode() == 407) {
                Response challenge = response;
                AuthenticationHelper helper = ((SipStackExt) stack).getAuthenticationHelper(
                        (tx, realm) -> credentials(), headers);
                ClientTransaction retry = helper.handleChallenge(challenge, first, provider, 5);
                retry.sendRequest();
                response = poll(finalResponses, "the answer to the authenticated " + request.getMethod());
            }
            return response;
        } catch (Exception e) {
            throw new IllegalStateException(request.getMethod() + " failed", e);
        }
    }

    private UserCredentials credentials() {
        return new UserCredentials() {
            @Override
            public String getUserName() {
                return user;
            }

            @Override
            public String getPassword() {
                return password;
            }

            @Override
            public String getSipDomain() {
                return domain;
            }
        };
    }

    public Request registerRequest(String domainHost, String user, int expires, String contactUri) {
        try {
            SipURI requestUri = addresses.createSipURI(null, domainHost);
            Address aor = addresses.createAddress(addresses.createSipURI(user, domainHost));
            FromHeader from = headers.createFromHeader(aor, Long.toHexString(System.nanoTime()));
            ToHeader to = headers.createToHeader(aor, null);
            ViaHeader via = headers.createViaHeader("127.0.0.1", port, transport, null);
            Request request = messages.createRequest(requestUri, Request.REGISTER,
                    headers.createCallIdHeader(callId), headers.createCSeqHeader(cseq++, Request.REGISTER), from, to,
                    List.of(via), headers.createMaxForwardsHeader(70));
            if (contactUri != null) {
                request.addHeader(headers.createContactHeader(addresses.createAddress(contactUri)));
            }
            request.addHeader(headers.createExpiresHeader(expires));
            return request;
        } catch (ParseException | javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- incoming calls -------------------------------------------------------------------------------------------

    /** An INVITE the phone received. */
    public final class Incoming {
        public final Request request;
        public final ServerTransaction transaction;
        private Dialog dialog;

        Incoming(Request request, ServerTransaction transaction) {
            this.request = request;
            this.transaction = transaction;
        }

        public String header(String name) {
            var header = request.getHeader(name);
            return header == null ? null : header.toString().substring(name.length() + 1).trim();
        }

        public String sdp() {
            return request.getRawContent() == null ? null : new String(request.getRawContent(), java.nio.charset.StandardCharsets.UTF_8);
        }

        public void ring() {
            reply(Response.RINGING, null);
        }

        public void answer(String sdp) {
            reply(Response.OK, sdp);
            dialog = transaction.getDialog();
        }

        public void refuse(int status) {
            reply(status, null);
        }

        /** The phone hangs up an answered call. */
        public Response bye() {
            try {
                Request bye = dialog.createRequest(Request.BYE);
                ClientTransaction tx = provider.getNewClientTransaction(bye);
                finalResponses.clear();
                dialog.sendRequest(tx);
                return poll(finalResponses, "the answer to BYE");
            } catch (javax.sip.SipException e) {
                throw new IllegalStateException(e);
            }
        }

        private void reply(int status, String sdp) {
            try {
                Response response = messages.createResponse(status, request);
                ((ToHeader) response.getHeader(ToHeader.NAME)).setTag("phone" + port);
                response.addHeader(headers.createContactHeader(addresses.createAddress(contact())));
                if (sdp != null) {
                    ContentTypeHeader type = headers.createContentTypeHeader("application", "sdp");
                    response.setContent(sdp, type);
                }
                transaction.sendResponse(response);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public Incoming awaitInvite() {
        return poll(invites, "an INVITE");
    }

    /** The next INVITE within {@code within}, or null: for a phone that answers in a loop until it is closed. */
    public Incoming pollInvite(Duration within) {
        try {
            return invites.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public boolean noInvite(Duration within) {
        try {
            return invites.poll(within.toMillis(), TimeUnit.MILLISECONDS) == null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public Request awaitCancel() {
        return poll(cancels, "a CANCEL");
    }

    public Request awaitBye() {
        return poll(byes, "a BYE");
    }

    private static <T> T poll(BlockingQueue<T> queue, String what) {
        try {
            T value = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (value == null) {
                throw new AssertionError("timed out after " + WAIT + " waiting for " + what);
            }
            return value;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        }
    }

    // --- SipListener ----------------------------------------------------------------------------------------------

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        try {
            switch (request.getMethod()) {
                case Request.INVITE -> {
                    ServerTransaction tx = event.getServerTransaction() != null ? event.getServerTransaction()
                            : provider.getNewServerTransaction(request);
                    Incoming incoming = new Incoming(request, tx);
                    received.put(callIdOf(request), incoming);
                    invites.add(incoming);
                }
                case Request.CANCEL -> {
                    cancels.add(request);
                    ServerTransaction tx = event.getServerTransaction() != null ? event.getServerTransaction()
                            : provider.getNewServerTransaction(request);
                    tx.sendResponse(messages.createResponse(Response.OK, request));
                    Incoming invite = received.get(callIdOf(request));
                    if (invite != null && invite.dialog == null) {
                        invite.refuse(Response.REQUEST_TERMINATED);
                    }
                }
                case Request.BYE -> {
                    byes.add(request);
                    ServerTransaction tx = event.getServerTransaction() != null ? event.getServerTransaction()
                            : provider.getNewServerTransaction(request);
                    tx.sendResponse(messages.createResponse(Response.OK, request));
                }
                case Request.ACK -> {
                }
                default -> provider.sendResponse(messages.createResponse(Response.OK, request));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private final java.util.Map<String, Incoming> received = new java.util.concurrent.ConcurrentHashMap<>();

    private static String callIdOf(Request request) {
        return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        if (response.getStatusCode() >= 200) {
            CSeqHeader cseqHeader = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
            if (!Request.INVITE.equals(cseqHeader.getMethod())) {
                finalResponses.add(response);
            }
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }

    @Override
    public void close() {
        stack.stop();
    }

    /** The {@code expires} the registrar granted this phone's contact in a 200 OK, or -1. */
    public static int grantedExpires(Response ok, String contact) {
        var iterator = ok.getHeaders(ContactHeader.NAME);
        while (iterator.hasNext()) {
            ContactHeader header = (ContactHeader) iterator.next();
            if (header.getAddress().getURI().toString().equals(contact)) {
                return header.getExpires();
            }
        }
        return -1;
    }

}
