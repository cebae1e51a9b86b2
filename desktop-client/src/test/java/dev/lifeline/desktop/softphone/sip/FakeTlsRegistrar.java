package dev.lifeline.desktop.softphone.sip;

import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.ContactHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A registrar over TLS for the certificate test (kamailio's TLS module is another Debian package): a JAIN-SIP
 * stack presenting {@code keyStore}'s certificate that accepts every REGISTER without a challenge.
 */
final class FakeTlsRegistrar implements SipListener, AutoCloseable {

    private static final AtomicInteger STACKS = new AtomicInteger();
    private final SipStack stack;
    private final SipProvider provider;
    private final MessageFactory messages;
    final AtomicInteger registers = new AtomicInteger();

    FakeTlsRegistrar(Path keyStore, String password, int port) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "fake-tls-registrar-" + STACKS.incrementAndGet());
        properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        properties.setProperty("javax.net.ssl.keyStore", keyStore.toString());
        properties.setProperty("javax.net.ssl.keyStorePassword", password);
        properties.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
        properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
        properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", SipEndpoint.TLS_PROTOCOLS);
        properties.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", SipEndpoint.TLS_CIPHER_SUITES);
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        stack = factory.createSipStack(properties);
        ListeningPoint point = stack.createListeningPoint("127.0.0.1", port, ListeningPoint.TLS);
        provider = stack.createSipProvider(point);
        provider.addSipListener(this);
        messages = factory.createMessageFactory();
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        try {
            if (Request.REGISTER.equals(request.getMethod())) {
                registers.incrementAndGet();
                Response ok = messages.createResponse(Response.OK, request);
                ok.addHeader((ContactHeader) request.getHeader(ContactHeader.NAME));
                provider.getNewServerTransaction(request).sendResponse(ok);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
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
}
