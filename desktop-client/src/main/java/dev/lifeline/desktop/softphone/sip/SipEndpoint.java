package dev.lifeline.desktop.softphone.sip;

import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.text.ParseException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;

/**
 * One JAIN-SIP stack with one listening point for one account (sip.md §2): every request leaves through the
 * account's registrar/outbound proxy ({@code javax.sip.OUTBOUND_PROXY}); TLS checks the server's certificate
 * against the JDK trust store, or the one in {@link SipOptions}.
 */
final class SipEndpoint implements AutoCloseable {

    static final String USER_AGENT = "Lifeline-Desktop";
    private static final AtomicInteger STACKS = new AtomicInteger();
    /** Larger SIP messages are dropped by the stack: real ones are a few KB. */
    static final int MAX_MESSAGE_BYTES = 65536;
    static final String TLS_PROTOCOLS = "TLSv1.3, TLSv1.2";
    static final String TLS_CIPHER_SUITES = "TLS_AES_128_GCM_SHA256 TLS_AES_256_GCM_SHA384 "
            + "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 "
            + "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 "
            + "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256 TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384";

    final SipAccount account;
    final SipStack stack;
    final SipProvider provider;
    final AddressFactory addresses;
    final HeaderFactory headers;
    final MessageFactory messages;
    final String localAddress;
    final int localPort;
    final AuthenticationHelper authentication;

    SipEndpoint(SipAccount account, SipOptions options, SipListener listener) throws SipException, IOException {
        this.account = account;
        this.localAddress = options.localAddress() != null ? options.localAddress()
                : routeTo(account.proxyHost(), account.proxyPort());
        this.localPort = options.sipPort() != 0 ? options.sipPort() : freePort(localAddress, account.transport());
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        this.stack = factory.createSipStack(stackProperties(account, options));
        try {
            ListeningPoint point = stack.createListeningPoint(localAddress, localPort, account.transport().parameter());
            this.provider = stack.createSipProvider(point);
            provider.addSipListener(listener);
            this.addresses = factory.createAddressFactory();
            this.headers = factory.createHeaderFactory();
            this.messages = factory.createMessageFactory();
        } catch (SipException | RuntimeException e) {
            stack.stop();
            throw e;
        } catch (Exception e) {
            stack.stop();
            throw new SipException("cannot listen on " + localAddress + ":" + localPort, e);
        }
        this.authentication = ((SipStackExt) stack).getAuthenticationHelper(
                (transaction, realm) -> credentials(), headers);
    }

    private UserCredentials credentials() {
        return new UserCredentials() {
            @Override
            public String getUserName() {
                return account.authUser();
            }

            @Override
            public String getPassword() {
                return account.password();
            }

            @Override
            public String getSipDomain() {
                return account.domain();
            }
        };
    }

    private static Properties stackProperties(SipAccount account, SipOptions options) {
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "lifeline-softphone-" + STACKS.incrementAndGet());
        properties.setProperty("javax.sip.OUTBOUND_PROXY",
                account.proxyHost() + ":" + account.proxyPort() + "/" + account.transport().parameter());
        properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", System.getProperty("lifeline.sip.trace", "0"));
        properties.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", String.valueOf(MAX_MESSAGE_BYTES));
        // Milliseconds, whatever the RI's javadoc says: its watchdog closes a socket whose handshake runs longer.
        properties.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", "10000");
        // JAIN-SIP's defaults (TLS_RSA_*, 3DES, anonymous DH; TLS 1.0/1.1) are all refused by Java 17.
        properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", TLS_PROTOCOLS);
        properties.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", TLS_CIPHER_SUITES);
        if (options.trustStore() != null) {
            // JAIN-SIP's SslNetworkLayer wants a key store too; a client without a certificate can reuse the trust store.
            String path = options.trustStore().toAbsolutePath().toString();
            String password = options.trustStorePassword() != null ? options.trustStorePassword() : "";
            properties.setProperty("javax.net.ssl.keyStore", path);
            properties.setProperty("javax.net.ssl.trustStore", path);
            properties.setProperty("javax.net.ssl.keyStorePassword", password);
            properties.setProperty("javax.net.ssl.trustStorePassword", password);
            properties.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
        }
        return properties;
    }

    /** The local address a packet to the SIP server would leave from (no packet is sent). */
    static String routeTo(String host, int port) throws UnknownHostException {
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(new InetSocketAddress(InetAddress.getByName(host), port));
            InetAddress local = probe.getLocalAddress();
            return local.isAnyLocalAddress() ? InetAddress.getLocalHost().getHostAddress() : local.getHostAddress();
        } catch (IOException e) {
            return InetAddress.getLocalHost().getHostAddress();
        }
    }

    private static int freePort(String address, SipTransport transport) throws IOException {
        InetAddress local = InetAddress.getByName(address);
        if (transport.isStream()) {
            try (ServerSocket probe = new ServerSocket(0, 1, local)) {
                return probe.getLocalPort();
            }
        }
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(local, 0))) {
            return probe.getLocalPort();
        }
    }

    String transport() {
        return account.transport().parameter();
    }

    Address addressOfRecord() throws ParseException {
        return addresses.createAddress(account.addressOfRecord());
    }

    SipURI contactUri() throws ParseException {
        SipURI uri = addresses.createSipURI(account.user(), localAddress);
        uri.setPort(localPort);
        uri.setTransportParam(transport());
        return uri;
    }

    ContactHeader contact() throws ParseException {
        return headers.createContactHeader(addresses.createAddress(contactUri()));
    }

    List<ViaHeader> via() throws ParseException {
        try {
            ViaHeader via = headers.createViaHeader(localAddress, localPort, transport(), null);
            via.setRPort();
            return new java.util.ArrayList<>(List.of(via));
        } catch (javax.sip.InvalidArgumentException e) {
            throw new ParseException(e.getMessage(), 0);
        }
    }

    @Override
    public void close() {
        try {
            stack.deleteSipProvider(provider);
        } catch (ObjectInUseException e) {
            // stopping the stack below releases it anyway
        }
        stack.stop();
    }
}
