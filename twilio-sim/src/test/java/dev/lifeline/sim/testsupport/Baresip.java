package dev.lifeline.sim.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * baresip 1.0.0 (Debian {@code baresip-core}) as an independent SIP phone for interop tests (sip.md §4.1): a generated
 * config in a temp directory (no sound card: ALSA's null device, an {@code aufile} WAV as the microphone, the
 * {@code sndfile} module recording both directions), driven over its netstring {@code ctrl_tcp} protocol. Ports come
 * from the test range 15100-15199 (SIP, control) and 31000-31999 (RTP). Kill it with {@link #close()}.
 */
public final class Baresip implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path directory;
    private final Socket control;
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final Thread reader;

    private Baresip(Process process, Path directory, Socket control) {
        this.process = process;
        this.directory = directory;
        this.control = control;
        this.reader = new Thread(this::read, "baresip-ctrl");
        reader.setDaemon(true);
        reader.start();
    }

    /** The binary, or an AssertionError telling how to get it: CI installs it (.ci/run), so a missing one is a failure. */
    public static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "baresip");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError("baresip is not installed: apt-get install baresip-core (.ci/run installs it for CI)");
    }

    /**
     * Starts baresip with one account.
     *
     * @param account the accounts line, e.g. {@code <sip:bob@x.sip.twilio.com>;auth_pass=…;outbound="sip:127.0.0.1:5060"}
     * @param source  the WAV it sends as its microphone (8 kHz mono 16-bit)
     */
    public static Baresip start(Path directory, String account, Path source) throws IOException {
        int sipPort = freePort(15100, 15149);
        int controlPort = freePort(15150, 15199);
        int rtpBase = 31000 + 10 * (int) (ProcessHandle.current().pid() % 90);
        Files.createDirectories(directory.resolve("snd"));
        Files.writeString(directory.resolve("config"), String.join("\n", List.of(
                "poll_method epoll",
                "sip_listen 127.0.0.1:" + sipPort,
                "net_interface 127.0.0.1",
                "call_local_timeout 120",
                "audio_player alsa,null",
                "audio_source aufile," + source,
                "audio_alert alsa,null",
                "rtp_ports " + rtpBase + "-" + (rtpBase + 9),
                "rtp_timeout 30",
                "jitter_buffer_delay 1-5",
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module alsa.so",
                "module aufile.so",
                "module sndfile.so",
                "module_tmp uuid.so",
                "module_tmp account.so",
                "module_app menu.so",
                "module_app ctrl_tcp.so",
                "ctrl_tcp_listen 127.0.0.1:" + controlPort,
                "snd_path " + directory.resolve("snd"),
                "")));
        Files.writeString(directory.resolve("accounts"), account + "\n");
        Files.writeString(directory.resolve("contacts"), "");
        Process process = new ProcessBuilder(binary(), "-f", directory.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("baresip.log").toFile())
                .start();
        Socket control = connect(controlPort, process, directory);
        return new Baresip(process, directory, control);
    }

    private static Socket connect(int port, Process process, Path directory) throws IOException {
        try {
            return Await.value(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("baresip exited");
                }
                try {
                    return new Socket(InetAddress.getLoopbackAddress(), port);
                } catch (IOException notYet) {
                    return null;
                }
            }, Duration.ofSeconds(15), "baresip's control port " + port);
        } catch (AssertionError | IllegalStateException e) {
            process.destroyForcibly();
            throw new AssertionError("baresip did not open its control port " + port + "; log: "
                    + Files.readString(directory.resolve("baresip.log")), e);
        }
    }

    private static int freePort(int from, int to) throws IOException {
        for (int port = from; port <= to; port++) {
            try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress());
                 ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // next
            }
        }
        throw new IOException("no free port in " + from + "-" + to);
    }

    /** Sends a ctrl_tcp command ({@code hangup}, {@code dial sip:…}) as a netstring. */
    public void command(String command, String params) throws IOException {
        String json = JSON.writeValueAsString(java.util.Map.of("command", command, "params", params == null ? "" : params,
                "token", command));
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        OutputStream out = control.getOutputStream();
        out.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.write(',');
        out.flush();
    }

    /** Waits for an event of that type ({@code CALL_ESTABLISHED}, {@code CALL_CLOSED}, {@code REGISTER_OK}…). */
    public JsonNode awaitEvent(String type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode message = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
                if (message == null) {
                    throw new AssertionError("baresip sent no " + type + " within " + timeout + "; log: " + log());
                }
                if (type.equals(message.path("type").asText())) {
                    return message;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The WAV baresip recorded of what it received ({@code dump-…-dec.wav}), or null before it has one. */
    public Path receivedRecording() throws IOException {
        try (var files = Files.list(directory.resolve("snd"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-dec.wav")).findFirst().orElse(null);
        }
    }

    public String log() {
        try {
            return Files.readString(directory.resolve("baresip.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void read() {
        try (InputStream in = control.getInputStream()) {
            while (true) {
                StringBuilder length = new StringBuilder();
                int c;
                while ((c = in.read()) != ':') {
                    if (c < 0) {
                        return;
                    }
                    length.append((char) c);
                }
                byte[] body = in.readNBytes(Integer.parseInt(length.toString().trim()));
                in.read(); // the trailing comma
                messages.add(JSON.readTree(body));
            }
        } catch (IOException | RuntimeException e) {
            // the process went away
        }
    }

    @Override
    public void close() {
        try {
            control.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
