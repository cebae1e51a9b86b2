package dev.lifeline.server.http;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Keeps slow or stalled clients from pinning Jetty's threads. Reading a request body blocks a thread; a client
 * that trickles its body byte by byte (slowloris) or stops sending would hold that thread until the idle
 * timeout. Jetty fails a body read slower than {@link #MIN_REQUEST_BYTES_PER_SECOND} (408) and closes a
 * connection idle for {@link #IDLE_TIMEOUT_MS}, so the thread goes back to the pool. Twilio and the desktops
 * send their small bodies in one go, far above this rate.
 */
public final class SlowClientLimits {

    public static final long IDLE_TIMEOUT_MS = 10_000;
    public static final long MIN_REQUEST_BYTES_PER_SECOND = 256;

    private SlowClientLimits() {
    }

    public static void install(JavalinConfig javalin) {
        javalin.jetty.modifyHttpConfiguration(http -> {
            http.setIdleTimeout(IDLE_TIMEOUT_MS);
            http.setMinRequestDataRate(MIN_REQUEST_BYTES_PER_SECOND);
        });
        // Javalin adds its connector when it starts the server, so the connector's idle timeout is set then.
        javalin.jetty.modifyServer(server -> server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                for (Connector connector : server.getConnectors()) {
                    if (connector instanceof AbstractConnector network) {
                        network.setIdleTimeout(IDLE_TIMEOUT_MS);
                    }
                }
            }
        }));
    }
}
