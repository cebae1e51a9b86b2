package dev.lifeline.server.app;

import dev.lifeline.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

/** The composed server in sim mode on loopback with a cluster of its own, as the process-level tests start it. */
public final class SimModeServers {

    private SimModeServers() {
    }

    /** @param settings more environment settings (users file, trusted proxies …) on top of port 0 and an isolated cluster */
    public static LifelineServer start(String clusterPrefix, Map<String, String> settings) {
        return start(clusterPrefix, settings, System::nanoTime);
    }

    /** As {@link #start(String, Map)}, the request and socket budgets refilling by {@code budgetTime} (ns). */
    public static LifelineServer start(String clusterPrefix, Map<String, String> settings, LongSupplier budgetTime) {
        return start(clusterPrefix, settings, budgetTime, null);
    }

    /** As {@link #start(String, Map)}, the embedded emulator on {@code emulatorClock} (a ManualClock the test moves). */
    public static LifelineServer start(String clusterPrefix, Map<String, String> settings,
                                       dev.lifeline.sim.core.SimClock emulatorClock) {
        return start(clusterPrefix, settings, System::nanoTime, emulatorClock);
    }

    private static LifelineServer start(String clusterPrefix, Map<String, String> settings, LongSupplier budgetTime,
                                        dev.lifeline.sim.core.SimClock emulatorClock) {
        int clusterPort = freePort();
        Map<String, String> environment = new HashMap<>(Map.of(
                "LIFELINE_HTTP_PORT", "0",
                "LIFELINE_CLUSTER_NAME", clusterPrefix + "-" + UUID.randomUUID(),
                "LIFELINE_CLUSTER_PORT", String.valueOf(clusterPort),
                "LIFELINE_CLUSTER_MEMBERS", "127.0.0.1:" + clusterPort));
        environment.putAll(settings);
        return LifelineServer.start(ServerConfig.load(environment), budgetTime, emulatorClock);
    }

    /** Sends and reads the answer as text; I/O trouble is a test failure, not a checked exception. */
    public static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
