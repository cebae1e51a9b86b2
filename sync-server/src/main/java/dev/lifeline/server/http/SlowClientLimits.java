package dev.lifeline.server.http;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Keeps slow or stalled clients from pinning Jetty's threads (Javalin's pool has 250). A servlet reads a request
 * body with blocking I/O, so a client that promises a body and trickles it byte by byte (slowloris) would hold a
 * thread until the idle timeout, and 250 such clients would stop the server answering anyone. Two layers bound
 * how long a stalled client keeps its thread:
 * <ul>
 *   <li>a body read slower than {@link #MIN_REQUEST_BYTES_PER_SECOND} fails (408);</li>
 *   <li>a connection idle for {@link #IDLE_TIMEOUT_MS} is closed (Jetty's default is 30 s).</li>
 * </ul>
 * Twilio and the desktops send their small bodies in one go, far above these rates. Measured (SlowClientsTest):
 * 96 stalled connections, /health still answers in well under a second; 300 stalled bodies (more than the
 * pool) delay other requests until the idle timeout frees the threads (~9 s). Jetty's {@code EagerContentHandler}
 * would read bodies without a thread, but stalled connections then outlived the idle timeout; not used yet.
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
        javalin.jetty.modifyServer(server -> {
            // Javalin adds its connector when it starts the server, so the connector's idle timeout is set then.
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                    for (Connector connector : server.getConnectors()) {
                        if (connector instanceof AbstractConnector network) {
                            network.setIdleTimeout(IDLE_TIMEOUT_MS);
                        }
                    }
                }
            });
        });
    }
}
