package dev.lifeline.sim.sip;

import dev.lifeline.sim.core.SimClock;
import dev.lifeline.sim.sipdomain.SipDomainStore;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's SIP side: one JAIN-SIP stack listening on UDP and TCP on one port, answering as every
 * {@code <domain>.sip.twilio.com} (clients reach it as their outbound proxy, since those names do not resolve here).
 * REGISTERs go to the {@link Registrar}; INVITE dialogs the emulator places are {@link SipCalls}'.
 * A listener callback never lets an exception reach the stack: a bad request is answered 4xx, the thread lives on.
 */
public final class SipServer implements SipListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SipServer.class);
    private static final AtomicInteger STACKS = new AtomicInteger();

    private final SipSettings settings;
    private final SipStack stack;
    private final SipProvider provider;
    private final SipMessages messages;
    private final Bindings bindings;
    private final Registrar registrar;
    private final int port;
    private volatile SipCalls calls;

    public SipServer(SipSettings settings, SipDomainStore domains, SimClock clock) {
        this.settings = settings;
        try {
            SipFactory factory = SipFactory.getInstance();
            factory.setPathName("gov.nist");
            this.stack = factory.createSipStack(properties());
            this.messages = new SipMessages(factory, settings.host());
            Started started = listen(settings.host(), settings.port());
            this.provider = started.provider;
            this.port = started.port;
            provider.addSipListener(this);
        } catch (SipException | java.util.TooManyListenersException e) {
            throw new IllegalStateException("the SIP stack could not start on " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage(), e);
        }
        this.bindings = new Bindings(clock);
        this.registrar = new Registrar(domains, bindings, messages, settings.maxExpires());
        log.info("SIP Domain registrar listening on {}:{} (udp, tcp)", settings.host(), port);
    }

    private static Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "twilio-sim-" + STACKS.incrementAndGet());
        properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        properties.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(SipSettings.MAX_MESSAGE_BYTES));
        // the emulator answers REGISTERs itself; dialogs it needs (its INVITEs) are created with the client transaction
        properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        properties.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        return properties;
    }

    private record Started(SipProvider provider, int port) {
    }

    /** UDP and TCP on one port; port 0 = the first free one both can have. */
    private Started listen(String host, int wanted) throws SipException {
        SipException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            int candidate = wanted != 0 ? wanted : freePort(host);
            ListeningPoint udp = null;
            try {
                udp = stack.createListeningPoint(host, candidate, ListeningPoint.UDP);
                ListeningPoint tcp = stack.createListeningPoint(host, candidate, ListeningPoint.TCP);
                SipProvider sipProvider = stack.createSipProvider(udp);
                sipProvider.addListeningPoint(tcp);
                return new Started(sipProvider, candidate);
            } catch (InvalidArgumentException | SipException e) {
                last = e instanceof SipException se ? se : new SipException(e.getMessage(), e);
                if (udp != null) {
                    try {
                        stack.deleteListeningPoint(udp);
                    } catch (ObjectInUseException ignored) {
                        // nothing else uses it yet
                    }
                }
                if (wanted != 0) {
                    break;
                }
            }
        }
        throw last;
    }

    private static int freePort(String host) {
        try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getByName(host))) {
            int port = udp.getLocalPort();
            try (ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getByName(host))) {
                return tcp.getLocalPort();
            }
        } catch (IOException e) {
            return 0;
        }
    }

    /** Lets {@code sip:} legs ring registered endpoints: the user agent reports to {@code voice}, its RTP runs on {@code media}. */
    public void connect(dev.lifeline.sim.voice.VoiceEmulator voice, dev.lifeline.sim.media.MediaPlane media, String accountSid,
                        SipDomainStore domains) {
        SipCalls userAgent = new SipCalls(this, domains, media, voice, accountSid);
        this.calls = userAgent;
        voice.sipLine(userAgent);
    }

    public int port() {
        return port;
    }

    public String host() {
        return settings.host();
    }

    SipSettings settings() {
        return settings;
    }

    SipProvider provider() {
        return provider;
    }

    SipMessages messages() {
        return messages;
    }

    Bindings bindings() {
        return bindings;
    }

    /** The current bindings as plain maps ({@code aor}, {@code contact}, {@code transport}, {@code expires}). */
    public List<java.util.Map<String, Object>> bindingsSnapshot() {
        return bindings.all().stream().map(b -> {
            java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
            json.put("aor", b.user() + "@" + b.domainName());
            json.put("contact", b.contact());
            json.put("transport", b.transport());
            json.put("expires", b.expires().toString());
            return json;
        }).toList();
    }

    // --- SipListener ----------------------------------------------------------------------------------------------

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        try {
            switch (request.getMethod()) {
                case Request.REGISTER -> respond(event, registrar.handle(request, Registrar.transportOf(request)));
                case Request.OPTIONS -> respond(event, messages.response(Response.OK, request));
                case Request.ACK -> {
                    // the ACK of a 2xx the emulator sent (re-INVITE answers) needs nothing more
                }
                case Request.BYE, Request.INVITE, Request.CANCEL -> {
                    SipCalls current = calls;
                    if (current == null || !current.handle(event)) {
                        respond(event, messages.response(request.getMethod().equals(Request.INVITE)
                                ? Response.FORBIDDEN : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
                    }
                }
                default -> respond(event, messages.response(Response.METHOD_NOT_ALLOWED, request));
            }
        } catch (RuntimeException e) {
            log.info("{} refused: {}", request.getMethod(), e.toString());
            try {
                respond(event, messages.response(Response.BAD_REQUEST, request));
            } catch (RuntimeException ignored) {
                // the request was too broken to answer
            }
        }
    }

    /** Answers through a server transaction, so the stack absorbs retransmissions of the request. */
    void respond(RequestEvent event, Response response) {
        try {
            ServerTransaction transaction = event.getServerTransaction();
            if (transaction == null) {
                transaction = provider.getNewServerTransaction(event.getRequest());
            }
            transaction.sendResponse(response);
        } catch (TransactionAlreadyExistsException retransmission) {
            log.debug("retransmitted {}", event.getRequest().getMethod());
        } catch (SipException | InvalidArgumentException e) {
            log.debug("could not answer {}: {}", event.getRequest().getMethod(), e.toString());
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        SipCalls current = calls;
        if (current != null) {
            try {
                current.response(event);
            } catch (RuntimeException e) {
                log.info("a SIP response could not be handled: {}", e.toString());
            }
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        SipCalls current = calls;
        if (current != null && !event.isServerTransaction()) {
            current.timeout(event.getClientTransaction());
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        log.debug("SIP I/O error towards {}:{} ({})", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }

    @Override
    public void close() {
        SipCalls current = calls;
        if (current != null) {
            current.close();
        }
        stack.stop();
    }
}
