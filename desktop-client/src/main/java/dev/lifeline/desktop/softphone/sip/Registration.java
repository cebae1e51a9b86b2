package dev.lifeline.desktop.softphone.sip;

import dev.lifeline.desktop.connection.Backoff;
import dev.lifeline.desktop.softphone.SoftphoneState;
import java.text.ParseException;
import java.time.Duration;
import java.util.ListIterator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the phone registered: REGISTER with digest auth (JAIN-SIP's {@code AuthenticationHelper}), a refresh at half
 * the expiry the registrar granted, one authenticated attempt per REGISTER (a second challenge is a wrong
 * password: the phone stops, sip.md §2), retries with a backoff for failures that may pass (no answer, 5xx), and
 * {@code Expires: 0} when the phone closes cleanly so no INVITE goes to a binding nobody answers (sip.md §1.7).
 */
final class Registration {

    private static final Logger log = LoggerFactory.getLogger(Registration.class);
    private static final Duration MIN_REFRESH = Duration.ofSeconds(5);

    private final SipEndpoint sip;
    private final ScheduledExecutorService timer;
    private final Consumer<SoftphoneState> publish;
    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60));
    private final String callId;

    private int expiry;
    private long cseq;
    private ClientTransaction pending;
    private ScheduledFuture<?> next;
    private boolean bound;
    private boolean stopped;
    private CountDownLatch unregistered;
    private Duration granted;

    Registration(SipEndpoint sip, Duration requestedExpiry, ScheduledExecutorService timer,
                 Consumer<SoftphoneState> publish) {
        this.sip = sip;
        this.expiry = (int) requestedExpiry.toSeconds();
        this.timer = timer;
        this.publish = publish;
        this.callId = sip.provider.getNewCallId().getCallId();
    }

    synchronized void start() {
        publish.accept(SoftphoneState.registering());
        send(expiry);
    }

    /** The expiry the registrar granted in its last 200 OK, or null before one. */
    synchronized Duration granted() {
        return granted;
    }

    synchronized boolean owns(ClientTransaction transaction) {
        return transaction != null && transaction == pending;
    }

    private void send(int expires) {
        try {
            Request register = sip.messages.createRequest(sip.addresses.createSipURI(null, sip.account.domain()),
                    Request.REGISTER, sip.headers.createCallIdHeader(callId),
                    sip.headers.createCSeqHeader(++cseq, Request.REGISTER),
                    sip.headers.createFromHeader(sip.addressOfRecord(), Long.toHexString(System.nanoTime())),
                    sip.headers.createToHeader(sip.addressOfRecord(), null), sip.via(),
                    sip.headers.createMaxForwardsHeader(70));
            ContactHeader contact = sip.contact();
            contact.setExpires(expires);
            register.addHeader(contact);
            register.addHeader(sip.headers.createExpiresHeader(expires));
            register.addHeader(sip.headers.createUserAgentHeader(java.util.List.of(SipEndpoint.USER_AGENT)));
            ClientTransaction transaction = sip.provider.getNewClientTransaction(register);
            pending = transaction;
            transaction.sendRequest();
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("REGISTER could not be built", e);
        } catch (SipException e) {
            failedToSend(e);
        }
    }

    synchronized void onResponse(Response response, ClientTransaction transaction) {
        if (transaction != pending || response.getStatusCode() < 200) {
            return;
        }
        RegistrationOutcome outcome = RegistrationOutcome.of(response.getStatusCode(), response.getReasonPhrase(),
                carriesCredentials(transaction.getRequest()), staleNonce(response));
        switch (outcome.kind()) {
            case REGISTERED -> registered(response);
            case ANSWER_CHALLENGE -> answerChallenge(response, transaction);
            case RETRY_LONGER -> {
                MinExpiresHeader min = (MinExpiresHeader) response.getHeader(MinExpiresHeader.NAME);
                expiry = min != null ? Math.max(expiry, min.getExpires()) : expiry * 2;
                send(expiry);
            }
            case FAILED_FINAL -> failed(outcome.reason(), false);
            case FAILED_RETRY -> failed(outcome.reason(), true);
        }
    }

    private void registered(Response response) {
        pending = null;
        if (unregistered != null) {
            bound = false;
            unregistered.countDown();
            return;
        }
        bound = true;
        backoff.reset();
        granted = Duration.ofSeconds(grantedExpiry(response));
        Duration refresh = granted.dividedBy(2).compareTo(MIN_REFRESH) < 0 ? MIN_REFRESH : granted.dividedBy(2);
        log.info("registered {} at {}:{} for {} s; refreshing in {} s", sip.account.addressOfRecord(),
                sip.account.proxyHost(), sip.account.proxyPort(), granted.toSeconds(), refresh.toSeconds());
        publish.accept(SoftphoneState.ready());
        schedule(refresh);
    }

    private void answerChallenge(Response challenge, ClientTransaction challenged) {
        try {
            ClientTransaction retry = sip.authentication.handleChallenge(challenge, challenged, sip.provider, 5, true);
            cseq = ((CSeqHeader) retry.getRequest().getHeader(CSeqHeader.NAME)).getSeqNumber();
            pending = retry;
            retry.sendRequest();
        } catch (SipException e) {
            failedToSend(e);
        }
    }

    synchronized void onTimeout(ClientTransaction transaction) {
        if (transaction == pending) {
            failed("the SIP server at " + sip.account.proxyHost() + ":" + sip.account.proxyPort() + " does not answer",
                    true);
        }
    }

    /** The stack lost the connection to the server (TCP/TLS closed, ICMP unreachable). */
    synchronized void onTransportError() {
        if (pending != null) {
            failed("cannot reach the SIP server at " + sip.account.proxyHost() + ":" + sip.account.proxyPort(), true);
        }
    }

    private void failedToSend(SipException e) {
        log.info("REGISTER could not be sent: {}", e.getMessage());
        boolean untrusted = false;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            untrusted |= cause instanceof SSLException;
        }
        failed(untrusted ? "the SIP server's TLS certificate is not trusted"
                : "cannot reach the SIP server at " + sip.account.proxyHost() + ":" + sip.account.proxyPort(), true);
    }

    private void failed(String reason, boolean retry) {
        pending = null;
        if (unregistered != null) {
            unregistered.countDown();
            return;
        }
        log.warn("SIP registration of {} failed: {}", sip.account.addressOfRecord(), reason);
        publish.accept(SoftphoneState.failed(reason));
        if (retry && !stopped) {
            schedule(backoff.nextDelay());
        }
    }

    private void schedule(Duration delay) {
        if (next != null) {
            next.cancel(false);
        }
        if (!stopped) {
            next = timer.schedule(this::refresh, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void refresh() {
        if (!stopped) {
            send(expiry);
        }
    }

    /**
     * Stops refreshing and, when a binding may exist, removes it ({@code Expires: 0}) and waits up to
     * {@code wait} for the registrar's answer.
     */
    void stop(Duration wait) {
        CountDownLatch done;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            if (next != null) {
                next.cancel(false);
            }
            if (!bound && pending == null) {
                return;
            }
            done = new CountDownLatch(1);
            unregistered = done;
            send(0);
        }
        try {
            if (!done.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("the SIP server did not confirm the unregistration within {} ms", wait.toMillis());
            } else {
                log.info("unregistered {}", sip.account.addressOfRecord());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int grantedExpiry(Response response) {
        SipURI ours;
        try {
            ours = sip.contactUri();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        ListIterator<?> contacts = response.getHeaders(ContactHeader.NAME);
        while (contacts != null && contacts.hasNext()) {
            ContactHeader contact = (ContactHeader) contacts.next();
            if (contact.getAddress().getURI() instanceof SipURI uri && ours.getHost().equals(uri.getHost())
                    && ours.getPort() == uri.getPort() && contact.getExpires() >= 0) {
                return contact.getExpires();
            }
        }
        ExpiresHeader expires = response.getExpires();
        return expires != null ? expires.getExpires() : expiry;
    }

    private static boolean staleNonce(Response response) {
        WWWAuthenticateHeader challenge = (WWWAuthenticateHeader) response.getHeader(WWWAuthenticateHeader.NAME);
        return challenge != null && "true".equalsIgnoreCase(challenge.getParameter("stale"));
    }

    private static boolean carriesCredentials(Request request) {
        return request.getHeader(AuthorizationHeader.NAME) != null
                || request.getHeader(ProxyAuthorizationHeader.NAME) != null;
    }
}
