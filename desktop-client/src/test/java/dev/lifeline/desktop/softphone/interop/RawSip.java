package dev.lifeline.desktop.softphone.interop;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A hand-written SIP peer over UDP for hostile input: sends any bytes and reads the first final response. */
final class RawSip implements AutoCloseable {

    private final DatagramSocket socket;
    private final int port;
    private final int phonePort;

    RawSip(int port, int phonePort) throws IOException {
        this.port = port;
        this.phonePort = phonePort;
        this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", port));
        socket.setSoTimeout(1000);
    }

    void send(byte[] bytes, int toPort) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), toPort));
    }

    String invite(String callId, String sdp) {
        byte[] body = sdp.getBytes(StandardCharsets.UTF_8);
        return "INVITE sip:alice@127.0.0.1:" + phonePort + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK-" + callId + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:mallory@127.0.0.1>;tag=m1\r\n"
                + "To: <sip:alice@" + Kamailio.DOMAIN + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:mallory@127.0.0.1:" + port + ">\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n" + sdp;
    }

    /** The status line of the first final (non-1xx) response within a few seconds, or null. */
    String finalResponse() throws IOException {
        byte[] buffer = new byte[65536];
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException quiet) {
                continue;
            }
            String text = new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
            String statusLine = text.substring(0, Math.max(0, text.indexOf("\r\n")));
            if (statusLine.startsWith("SIP/2.0 ") && !statusLine.startsWith("SIP/2.0 1")) {
                return statusLine;
            }
        }
        return null;
    }

    @Override
    public void close() {
        socket.close();
    }
}
