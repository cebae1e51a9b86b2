package dev.lifeline.server.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Picks a free port before the HTTP server starts: the public URL (which the emulator calls back and which
 * signatures are computed over) must be known while the routes are being built, and Javalin 7 fixes its
 * routes when it is created.
 */
final class FreePort {

    private FreePort() {
    }

    static int resolve(int configured) {
        if (configured != 0) {
            return configured;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port to listen on", e);
        }
    }
}
