package dev.lifeline.sim.sip;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Sip;
import com.twilio.type.Twiml;
import dev.lifeline.sim.testsupport.Await;
import dev.lifeline.sim.testsupport.SipTestPhone;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Raw SIP the emulator must survive: answered 4xx (or dropped when unanswerable), never a dead listener. */
class SipBadInputTest {

    private SipSimFixture sim;
    private DatagramSocket udp;

    @BeforeEach
    void start() throws IOException {
        sim = new SipSimFixture();
        SipDomainSetup.provision(sim.client, "alice");
        udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        udp.setSoTimeout(3000);
    }

    @AfterEach
    void stop() {
        udp.close();
        sim.close();
    }

    private String request(String method, String requestUri, String to, String extraHeaders, String body) {
        int port = udp.getLocalPort();
        return method + " " + requestUri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK" + System.nanoTime() + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@lifeline.sip.twilio.com>;tag=1\r\n"
                + "To: " + to + "\r\n"
                + "Call-ID: " + System.nanoTime() + "@127.0.0.1\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Contact: <sip:alice@127.0.0.1:" + port + ">\r\n"
                + extraHeaders
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /**
     * Sends a datagram and returns the status line of its final answer (matched by Call-ID: retransmissions of
     * earlier answers and 100 Trying are skipped), or null when none came.
     */
    private String sendUdp(String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        udp.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), sim.sipPort()));
        int at = message.indexOf("Call-ID: ");
        String callId = at < 0 ? null : message.substring(at, message.indexOf("\r\n", at));
        byte[] buffer = new byte[65535];
        while (true) {
            DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(answer);
            } catch (SocketTimeoutException none) {
                return null;
            }
            String text = new String(answer.getData(), 0, answer.getLength(), StandardCharsets.UTF_8);
            boolean provisional = text.startsWith("SIP/2.0 1");
            if (!provisional && (callId == null || text.contains(callId))) {
                return text.substring(0, text.indexOf("\r\n"));
            }
        }
    }

    private void stillServes() throws IOException {
        String options = request("OPTIONS", "sip:lifeline.sip.twilio.com", "<sip:lifeline.sip.twilio.com>", "", "");
        assertThat(sendUdp(options)).as("the listener still answers").startsWith("SIP/2.0 200 ");
        try (SipTestPhone phone = new SipTestPhone(sim.sipPort(), "udp")) {
            assertThat(phone.register(SipDomainSetup.DOMAIN, "alice", SipDomainSetup.PASSWORD, 60).getStatusCode()).isEqualTo(200);
        }
    }

    @Test
    void garbageIsIgnoredAndTheListenerLivesOn() throws IOException {
        assertThat(sendUdp("hello, is this SIP?\r\n\r\n")).isNull();
        assertThat(sendUdp("\u0000\u0001\u0002binary")).isNull();
        stillServes();
    }

    @Test
    void aRegisterWithABrokenHeaderIsABadRequest() throws IOException {
        String broken = request("REGISTER", "sip:lifeline.sip.twilio.com", "<sip:alice@lifeline.sip.twilio.com>", "", "")
                .replace("CSeq: 1 REGISTER", "CSeq: one REGISTER");
        String answer = sendUdp(broken);
        assertThat(answer == null || answer.startsWith("SIP/2.0 4")).as(String.valueOf(answer)).isTrue();
        stillServes();
    }

    @Test
    void aRegisterWhoseToHasNoUserIsABadRequest() throws IOException {
        assertThat(sendUdp(request("REGISTER", "sip:lifeline.sip.twilio.com", "<sip:lifeline.sip.twilio.com>", "", "")))
                .startsWith("SIP/2.0 400 ");
        stillServes();
    }

    @Test
    void aRegisterForAHostThatIsNoTwilioDomainIsNotFound() throws IOException {
        assertThat(sendUdp(request("REGISTER", "sip:example.com", "<sip:alice@example.com>", "", "")))
                .startsWith("SIP/2.0 404 ");
    }

    @Test
    void anInviteFromAnEndpointIsForbiddenCallsIntoTheDomainAreNotEmulated() throws IOException {
        assertThat(sendUdp(request("INVITE", "sip:bob@lifeline.sip.twilio.com", "<sip:bob@lifeline.sip.twilio.com>",
                "Content-Type: application/sdp\r\n", "v=0\r\n"))).startsWith("SIP/2.0 403 ");
        stillServes();
    }

    @Test
    void anOversizedMessageIsRefusedOverUdpAndTcp() throws IOException {
        String huge = request("REGISTER", "sip:lifeline.sip.twilio.com", "<sip:alice@lifeline.sip.twilio.com>",
                "Content-Type: text/plain\r\n", "a".repeat(40_000));
        String answer = sendUdp(huge);
        assertThat(answer).startsWith("SIP/2.0 400 "); // the stack reads 16 KB and finds the body cut short
        try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), sim.sipPort())) {
            tcp.setSoTimeout(3000);
            OutputStream out = tcp.getOutputStream();
            out.write(huge.replace("SIP/2.0/UDP", "SIP/2.0/TCP").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = tcp.getInputStream();
            byte[] buffer = new byte[512];
            int read;
            try {
                read = in.read(buffer);
            } catch (IOException closed) {
                read = -1;
            }
            String status = read <= 0 ? "closed" : new String(buffer, 0, read, StandardCharsets.UTF_8).split("\r\n")[0];
            assertThat(status.equals("closed") || status.startsWith("SIP/2.0 4") || status.startsWith("SIP/2.0 5"))
                    .as(status).isTrue();
        } catch (IOException reset) {
            // the stack dropped the connection: refused too
        }
        stillServes();
    }

    @Test
    void anAnswerWithoutUsableSdpFailsTheLegAndIsHungUp() {
        try (SipTestPhone phone = new SipTestPhone(sim.sipPort(), "udp")) {
            phone.register(SipDomainSetup.DOMAIN, "alice", SipDomainSetup.PASSWORD, 600);
            Call call = Call.creator(new Sip("sip:alice@lifeline.sip.twilio.com"), new PhoneNumber("+1555"),
                    new Twiml("<Response><Pause length=\"60\"/></Response>")).create(sim.client);
            phone.awaitInvite().answer("v=0\r\nm=audio 9 RTP/AVP 111\r\nc=IN IP4 127.0.0.1\r\na=rtpmap:111 opus/48000/2\r\n");
            assertThat(phone.awaitBye()).isNotNull();
            Await.until(() -> sim.sim.voice().callStatus(call.getSid()).equals("failed"));
        }
    }
}
