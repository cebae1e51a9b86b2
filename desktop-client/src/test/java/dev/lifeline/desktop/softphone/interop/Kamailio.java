package dev.lifeline.desktop.softphone.interop;

import dev.lifeline.desktop.testing.Await;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * kamailio 5.6 as a registrar with digest auth and a proxy that routes INVITEs to registered contacts (sip.md
 * §4.2), on 127.0.0.1:{@code port} over UDP and TCP, with one password for every user.
 */
final class Kamailio implements AutoCloseable {

    static final String DOMAIN = "lifeline.sip.twilio.test";
    static final String PASSWORD = "Secret12345678";
    /** Below what the phone asks for (60 s), so tests see it obey the registrar's grant, not its own wish. */
    static final int MAX_EXPIRES = 30;

    private final Process process;
    final int port;
    final Path log;

    private Kamailio(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static Kamailio start(Path dir, int port) throws IOException {
        String binary = Binaries.require("kamailio", "kamailio");
        Path config = dir.resolve("kamailio.cfg");
        Files.writeString(config, String.join("\n", List.of(
                "#!KAMAILIO",
                "listen=udp:127.0.0.1:" + port,
                "listen=tcp:127.0.0.1:" + port,
                "alias=\"" + DOMAIN + "\"",
                "children=2",
                "tcp_children=2",
                "log_stderror=yes",
                "debug=2",
                "loadmodule \"tm.so\"", "loadmodule \"sl.so\"", "loadmodule \"rr.so\"", "loadmodule \"pv.so\"",
                "loadmodule \"maxfwd.so\"", "loadmodule \"textops.so\"", "loadmodule \"siputils.so\"",
                "loadmodule \"xlog.so\"", "loadmodule \"sanity.so\"", "loadmodule \"usrloc.so\"",
                "loadmodule \"registrar.so\"", "loadmodule \"auth.so\"",
                "modparam(\"usrloc\", \"db_mode\", 0)",
                "modparam(\"registrar\", \"max_expires\", " + MAX_EXPIRES + ")",
                "modparam(\"registrar\", \"min_expires\", 20)",
                "request_route {",
                "  if (is_method(\"REGISTER\")) {",
                "    xlog(\"L_NOTICE\", \"REGISTER-SEEN $tu cseq $cs\\n\");",
                "    if (!pv_auth_check(\"$td\", \"" + PASSWORD + "\", \"0\", \"1\")) { auth_challenge(\"$td\", \"0\"); exit; }",
                "    xlog(\"L_NOTICE\", \"REGISTER-SAVED $tu contact $ct expires $hdr(Expires)\\n\");",
                "    save(\"location\"); exit;",
                "  }",
                "  if (is_method(\"INVITE|MESSAGE|OPTIONS\") && uri==myself) {",
                "    if (!lookup(\"location\")) { sl_send_reply(\"404\", \"Not Found\"); exit; }",
                "    record_route();",
                "  }",
                "  loose_route();",
                "  if (!t_relay()) { sl_reply_error(); }",
                "}",
                "")));
        Path log = dir.resolve("kamailio.log");
        Process process = new ProcessBuilder(binary, "-f", config.toString(), "-P", dir.resolve("kamailio.pid")
                .toString(), "-E", "-DD", "-m", "32", "-M", "8", "-w", dir.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Kamailio kamailio = new Kamailio(process, port, log);
        try {
            Await.until("kamailio listens on TCP " + port, () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("kamailio exited: " + Files.readString(log));
                }
                try (Socket probe = new Socket()) {
                    probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return true;
                } catch (IOException notYet) {
                    return false;
                }
            });
        } catch (RuntimeException | AssertionError e) {
            kamailio.close();
            throw e;
        }
        return kamailio;
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
