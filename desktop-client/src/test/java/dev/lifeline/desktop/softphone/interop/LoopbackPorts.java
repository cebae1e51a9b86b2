package dev.lifeline.desktop.softphone.interop;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A block of consecutive loopback ports free for both TCP and UDP when probed. The interop peers need fixed,
 * related ports (baresip takes its SIP port + 1 for TLS and + 5 for its control socket), so one block is probed
 * instead of asking the kernel for single ephemeral ports; a random start keeps two builds on one machine apart.
 */
record LoopbackPorts(int first, int count) {

    private static final int LOWEST = 40_000;
    private static final int HIGHEST = 60_000;
    private static final int ATTEMPTS = 200;

    static LoopbackPorts freeBlock(int count) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST - count);
            if (allFree(first, count)) {
                return new LoopbackPorts(first, count);
            }
        }
        throw new IllegalStateException("no block of " + count + " free loopback ports in " + LOWEST + "-" + HIGHEST);
    }

    int at(int offset) {
        if (offset < 0 || offset >= count) {
            throw new IllegalArgumentException("offset " + offset + " outside a block of " + count);
        }
        return first + offset;
    }

    private static boolean allFree(int first, int count) {
        List<AutoCloseable> held = new ArrayList<>();
        try {
            for (int port = first; port < first + count; port++) {
                held.add(new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress()));
                held.add(new DatagramSocket(new InetSocketAddress("127.0.0.1", port)));
            }
            return true;
        } catch (IOException taken) {
            return false;
        } finally {
            for (AutoCloseable socket : held) {
                try {
                    socket.close();
                } catch (Exception ignored) {
                    // a probe socket that will not close is of no further use either way
                }
            }
        }
    }
}
