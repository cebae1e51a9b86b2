package dev.lifeline.server.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks a free port before the HTTP server starts: the public URL (which the emulator calls back and which
 * signatures are computed over) must be known while the routes are being built, and Javalin 7 fixes its
 * routes when it is created.
 *
 * <p>The port is probed and released, then bound later, so something else may take it in between. A port the
 * kernel hands out for port 0 comes from the ephemeral range, which every outgoing connection of the machine draws
 * from too: under load one of them took the probed port before the server bound it ("port already in use"). So the
 * probe looks below the ephemeral range first, where only other listeners choosing ports by hand can collide.
 */
final class FreePort {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 10_000;
    private static final int TRIES = 64;

    private FreePort() {
    }

    static int resolve(int configured) {
        if (configured != 0) {
            return configured;
        }
        int below = ephemeralLowerBound();
        for (int i = 0; below - LOWEST > TRIES && i < TRIES; i++) {
            int candidate = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (bindable(candidate)) {
                return candidate;
            }
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port to listen on", e);
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** Linux's lower bound of the ephemeral range (32768 by default); elsewhere the IANA one, 49152. */
    private static int ephemeralLowerBound() {
        try {
            return Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException unknown) {
            return 49_152;
        }
    }
}
