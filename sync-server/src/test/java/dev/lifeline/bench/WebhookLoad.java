package dev.lifeline.bench;

import dev.lifeline.sim.webhook.WebhookSigner;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * The webhook benchmark's load generator, run as its own JVM so that its CPU is not counted in the server's profile
 * and its threads do not share the server's JIT, GC and safepoints. Open loop, as wrk2 does it: request {@code i} is
 * due at {@code start + i / rate} whatever happened to the ones before it, and its latency is measured from that
 * intended send time, so a server that stalls is charged for every request that waited behind the stall
 * (coordinated omission would otherwise hide it: a closed-loop client simply sends less while the server is slow).
 *
 * <p>Every request is built and signed before the clock starts (the signature is the client's dearest part) and
 * written as raw HTTP/1.1 bytes on one of {@code connections} kept-alive sockets, each served by one thread that takes
 * the next due request. Twilio's callbacks for one conference arrive spread over time and sometimes concurrently;
 * here the callbacks of a block of {@value #BLOCK} conferences are interleaved, so one conference's 8 callbacks are
 * {@value #BLOCK} requests apart. The first {@code warmup} seconds (other conferences, same rate) are not recorded.
 *
 * <p>Arguments: {@code url rate warmupSeconds seconds connections}; the Auth Token comes from the environment variable
 * {@code BENCH_AUTH_TOKEN} (a command line is visible to every user of the machine). The last line printed is
 * {@code webhooks p50=… p99=… rate=… failures=…}.
 */
public final class WebhookLoad {

    static final int EVENTS_PER_CONFERENCE = 8;
    private static final int BLOCK = 100;

    private WebhookLoad() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int warmupSeconds = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int connections = Integer.parseInt(args[4]);
        String token = System.getenv("BENCH_AUTH_TOKEN");
        if (token == null) {
            System.err.println("WebhookLoad: BENCH_AUTH_TOKEN is not set");
            System.exit(2);
        }
        int warmup = rate * warmupSeconds;
        int total = warmup + rate * seconds;
        byte[][] requests = requests(url, new WebhookSigner(token), total);

        long[] latencyNanos = new long[total];
        int[] statuses = new int[total];
        AtomicInteger next = new AtomicInteger();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 200_000_000L;
        // System.nanoTime is CLOCK_MONOTONIC, shared by every JVM on the machine: the benchmark reads both
        // processes' CPU time at these instants, so the figure covers exactly the measured requests.
        System.out.printf("window from=%d to=%d%n", start + warmup * periodNanos, start + total * periodNanos);
        System.out.flush();
        Thread[] workers = new Thread[connections];
        for (int c = 0; c < connections; c++) {
            workers[c] = new Thread(() -> sendDue(url, requests, next, start, periodNanos, latencyNanos, statuses),
                    "load-" + c);
            workers[c].start();
        }
        long lastDone = 0;
        for (Thread worker : workers) {
            worker.join();
        }
        Percentiles latency = new Percentiles();
        int failures = 0;
        for (int i = warmup; i < total; i++) {
            latency.add(latencyNanos[i] / 1e6);
            lastDone = Math.max(lastDone, start + i * periodNanos + latencyNanos[i]);
            if (statuses[i] != 204) {
                failures++;
            }
        }
        double measuredSeconds = (lastDone - (start + warmup * periodNanos)) / 1e9;
        int measured = total - warmup;
        System.out.printf("open loop at %d req/s on %d connections, %d s warm-up, %d signed callbacks measured%n",
                rate, connections, warmupSeconds, measured);
        System.out.println("latency from the intended send time: " + latency.summary());
        System.out.printf("webhooks p50=%.1fms p99=%.1fms rate=%.0f/s failures=%d%n", latency.at(50), latency.at(99),
                measured / measuredSeconds, failures);
    }

    /** One connection's loop: take the next request, wait for its due time, send it, read the answer. */
    private static void sendDue(URI url, byte[][] requests, AtomicInteger next, long start, long periodNanos,
            long[] latencyNanos, int[] statuses) {
        Connection connection = null;
        for (int i = next.getAndIncrement(); i < requests.length; i = next.getAndIncrement()) {
            long due = start + i * periodNanos;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            int status;
            try {
                if (connection == null) {
                    connection = new Connection(url);
                }
                status = connection.exchange(requests[i]);
                if (connection.closedByServer) {
                    connection.close();
                    connection = null;
                }
            } catch (IOException e) {
                status = -1;
                if (connection != null) {
                    connection.close();
                }
                connection = null;
            }
            latencyNanos[i] = System.nanoTime() - due;
            statuses[i] = status;
        }
        if (connection != null) {
            connection.close();
        }
    }

    private static byte[][] requests(URI url, WebhookSigner signer, int total) {
        byte[][] requests = new byte[total][];
        int perBlock = BLOCK * EVENTS_PER_CONFERENCE;
        for (int i = 0; i < total; i++) {
            int block = i / perBlock;
            int inBlock = i % perBlock;
            int conference = 3_000_000 + block * BLOCK + inBlock % BLOCK;
            int sequence = inBlock / BLOCK + 1;
            Map<String, String> form = callback("CF" + String.format("%032x", conference), sequence);
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + url.getRawPath() + " HTTP/1.1\r\n"
                    + "Host: " + url.getHost() + ":" + url.getPort() + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "X-Twilio-Signature: " + signer.signForm(url.toString(), form) + "\r\n"
                    + "Content-Length: " + bodyBytes.length + "\r\n\r\n";
            byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[headBytes.length + bodyBytes.length];
            System.arraycopy(headBytes, 0, request, 0, headBytes.length);
            System.arraycopy(bodyBytes, 0, request, headBytes.length, bodyBytes.length);
            requests[i] = request;
        }
        return requests;
    }

    /** A conference callback of a customer leg: join, hold, unhold, leave, twice (twilio-api.md §1 parameters). */
    static Map<String, String> callback(String conference, int sequence) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ConferenceSid", conference);
        form.put("FriendlyName", "WT" + conference.substring(2));
        form.put("AccountSid", "AC00000000000000000000000000000001");
        form.put("SequenceNumber", String.valueOf(sequence));
        form.put("StatusCallbackEvent", sequence % 4 == 1 ? "participant-join" : sequence % 4 == 2 ? "participant-hold"
                : sequence % 4 == 3 ? "participant-unhold" : "participant-leave");
        form.put("CallSid", "CA" + conference.substring(2, 30) + String.format("%04d", sequence % 4));
        form.put("ParticipantLabel", "customer");
        form.put("Hold", String.valueOf(sequence % 4 == 2));
        form.put("Muted", "false");
        form.put("EndConferenceOnExit", "false");
        form.put("ReasonParticipantLeft", "participant_hung_up");
        return form;
    }

    /** A kept-alive HTTP/1.1 connection reading just enough of each answer: status, length, connection close. */
    private static final class Connection {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        boolean closedByServer;

        Connection(URI url) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 8192);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = 0;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    closedByServer = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else {
                skip(length);
            }
            return status;
        }

        private void skip(long bytes) throws IOException {
            for (long left = bytes; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed mid-body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the connection is dropped either way
            }
        }
    }
}
