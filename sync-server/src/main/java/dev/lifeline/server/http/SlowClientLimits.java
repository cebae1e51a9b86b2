package dev.lifeline.server.http;

import io.javalin.config.JavalinConfig;
import java.time.Duration;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Keeps slow or stalled clients from pinning Jetty's threads (Javalin's pool has 250). A servlet reads a request
 * body with blocking I/O, so a client that promises a body and trickles it byte by byte (slowloris) would hold a
 * thread, and 250 such clients would stop the server answering anyone. Three layers:
 * <ul>
 *   <li>{@link BodyReadAhead} reads every body before a thread is given to the request, and answers 408 to a
 *       body not complete {@link #BODY_DEADLINE_MS} after it started;</li>
 *   <li>a body read slower than {@link #MIN_REQUEST_BYTES_PER_SECOND} fails (408);</li>
 *   <li>a connection idle for {@link #IDLE_TIMEOUT_MS} is closed (Jetty's default is 30 s).</li>
 * </ul>
 * Twilio and the desktops send their small bodies in one go, far above these rates. Measured (SlowClientsTest,
 * 600 stalled bodies + 48 stalled headers): /health answered in 0.3 s with read-ahead, 10.3 s without it.
 */
public final class SlowClientLimits {

    public static final long IDLE_TIMEOUT_MS = 10_000;
    public static final long MIN_REQUEST_BYTES_PER_SECOND = 256;
    /** A body not complete this long after its headers gets 408: Twilio gives up on a webhook after 15 s anyway. */
    public static final long BODY_DEADLINE_MS = 10_000;

    private SlowClientLimits() {
    }

    /** @param maxRequestBytes bodies larger than this are refused with 413 before they are read to the end */
    public static void install(JavalinConfig javalin, long maxRequestBytes) {
        javalin.jetty.modifyHttpConfiguration(http -> {
            http.setIdleTimeout(IDLE_TIMEOUT_MS);
            http.setMinRequestDataRate(MIN_REQUEST_BYTES_PER_SECOND);
        });
        javalin.jetty.modifyServer(server -> {
            // Javalin adds its connector when it starts the server, so the connector's idle timeout is set then.
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                    server.insertHandler(new BodyReadAhead(maxRequestBytes, Duration.ofMillis(BODY_DEADLINE_MS)));
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
