package dev.lifeline.desktop.softphone.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.desktop.testing.Await;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * baresip 1.0 as the caller (sip.md §4.1): one account registered with kamailio, audio from a WAV file
 * ({@code aufile}), what it hears and sends recorded by {@code sndfile}, driven over {@code ctrl_tcp}
 * (netstring-framed JSON; events arrive on the same socket).
 */
final class Baresip implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Socket control;
    private final OutputStream out;
    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokens = new AtomicInteger();
    final Path dir;
    final Path recordings;

    private Baresip(Process process, Socket control, Path dir) throws IOException {
        this.process = process;
        this.control = control;
        this.out = control.getOutputStream();
        this.dir = dir;
        this.recordings = dir.resolve("snd");
        Thread reader = new Thread(this::read, "baresip-ctrl");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * @param user       baresip's user at kamailio's domain (registered with kamailio's one password)
     * @param sipPort    baresip's own SIP port; the ctrl_tcp port is {@code sipPort + 5}
     * @param rtpFirst   the first of ten RTP ports
     * @param sourceWav  what baresip sends into calls (8 kHz mono 16-bit)
     */
    static Baresip start(Path dir, String user, int sipPort, int rtpFirst, int kamailioPort, Path sourceWav)
            throws IOException {
        String binary = Binaries.require("baresip", "baresip-core");
        Files.createDirectories(dir.resolve("snd"));
        int controlPort = sipPort + 5; // baresip also takes sipPort + 1 for SIP over TLS
        Files.writeString(dir.resolve("config"), String.join("\n", List.of(
                "poll_method epoll",
                "sip_listen 127.0.0.1:" + sipPort,
                "net_interface 127.0.0.1",
                "call_local_timeout 120",
                "call_max_calls 4",
                "audio_player alsa,null",
                "audio_source aufile," + sourceWav,
                "audio_alert alsa,null",
                "rtp_ports " + rtpFirst + "-" + (rtpFirst + 9),
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
                "snd_path " + dir.resolve("snd"),
                "")));
        Files.writeString(dir.resolve("accounts"), "<sip:" + user + "@" + Kamailio.DOMAIN + ">;auth_pass="
                + Kamailio.PASSWORD + ";outbound=\"sip:127.0.0.1:" + kamailioPort
                + ";transport=udp\";regint=600;audio_codecs=pcmu,pcma\n");
        Files.writeString(dir.resolve("contacts"), "");
        Process process = new ProcessBuilder(binary, "-f", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("baresip.log").toFile()).start();
        Socket[] socket = new Socket[1];
        try {
            Await.until("baresip's ctrl_tcp listens on " + controlPort, () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("baresip exited: " + Files.readString(dir.resolve("baresip.log")));
                }
                try {
                    Socket candidate = new Socket();
                    candidate.connect(new InetSocketAddress("127.0.0.1", controlPort), 200);
                    socket[0] = candidate;
                    return true;
                } catch (IOException notYet) {
                    return false;
                }
            });
        } catch (RuntimeException | AssertionError e) {
            Processes.stop(process);
            throw e;
        }
        return new Baresip(process, socket[0], dir);
    }

    JsonNode command(String command, String params) throws IOException {
        String token = String.valueOf(tokens.incrementAndGet());
        byte[] json = JSON.writeValueAsBytes(Map.of("command", command, "params", params, "token", token));
        synchronized (out) {
            out.write((json.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.write(',');
            out.flush();
        }
        JsonNode[] reply = new JsonNode[1];
        Await.until("baresip answers " + command, () -> {
            for (JsonNode message : messages) {
                if (message.path("response").asBoolean() && token.equals(message.path("token").asText())) {
                    reply[0] = message;
                    return true;
                }
            }
            return false;
        });
        return reply[0];
    }

    /** Waits for an event of {@code type} that arrived since the start (each is taken once). */
    JsonNode awaitEvent(String type) {
        JsonNode[] found = new JsonNode[1];
        Await.until("baresip reports " + type + " (seen: " + types() + ")", () -> {
            for (JsonNode message : messages) {
                if (type.equals(message.path("type").asText())) {
                    messages.remove(message);
                    found[0] = message;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    boolean saw(String type) {
        return messages.stream().anyMatch(m -> type.equals(m.path("type").asText()));
    }

    private String types() {
        return messages.stream().map(m -> m.path("type").asText(m.path("response").asText()))
                .toList().toString();
    }

    /** What baresip heard in its last call ({@code dump-…-dec.wav} of the sndfile module). */
    Path lastReceived() throws IOException {
        try (Stream<Path> files = Files.list(recordings)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-dec.wav"))
                    .max(java.util.Comparator.comparing(Path::toString))
                    .orElseThrow(() -> new AssertionError("baresip recorded nothing in " + recordings));
        }
    }

    private void read() {
        try (InputStream in = new BufferedInputStream(control.getInputStream())) {
            while (true) {
                int length = 0;
                int c;
                while ((c = in.read()) != ':') {
                    if (c < 0) {
                        return;
                    }
                    length = length * 10 + (c - '0');
                }
                ByteArrayOutputStream body = new ByteArrayOutputStream(length);
                for (int i = 0; i < length; i++) {
                    int b = in.read();
                    if (b < 0) {
                        return;
                    }
                    body.write(b);
                }
                in.read(); // the netstring's trailing comma
                messages.add(JSON.readTree(body.toByteArray()));
            }
        } catch (IOException closed) {
            // baresip stopped
        }
    }

    String logText() throws IOException {
        return Files.readString(dir.resolve("baresip.log"));
    }

    @Override
    public void close() {
        try {
            control.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        Processes.stop(process);
    }
}
