package dev.lifeline.server.app;

import com.hazelcast.core.HazelcastInstance;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.twilio.TaskRouterGateway;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}: 200 when this member is in a running cluster and Twilio answers, 503 otherwise. The public
 * port answers the status alone, which is all a load balancer needs to take a cut-off member out; the management
 * port adds the details (mode, version, cluster, Twilio), which are nobody else's business. Twilio's answer is
 * cached for a few seconds so a probe every second costs nothing.
 */
final class HealthRoutes {

    private static final Duration TWILIO_CHECK_EVERY = Duration.ofSeconds(5);

    private final HazelcastInstance hazelcast;
    private final TaskRouterGateway twilio;
    private final String mode;
    private final Clock clock;
    private volatile Instant twilioCheckedAt = Instant.EPOCH;
    private volatile boolean twilioReachable;

    HealthRoutes(HazelcastInstance hazelcast, TaskRouterGateway twilio, String mode, Clock clock) {
        this.hazelcast = hazelcast;
        this.twilio = twilio;
        this.mode = mode;
        this.clock = clock;
    }

    /** The public port: status only. */
    void registerPublic(JavalinDefaultRoutingApi routes) {
        routes.get("/health", ctx -> {
            boolean up = up();
            ctx.status(up ? 200 : 503).json(Map.of("status", up ? "UP" : "DOWN"));
        });
    }

    /** The management port: status with the details. */
    void registerManagement(JavalinDefaultRoutingApi routes) {
        routes.get("/health", this::health);
    }

    /**
     * On the minority side of a split this member refuses recovery writes (503), so a load balancer polling
     * /health must take it out: Twilio's Voice callbacks are retried only briefly (reliability.md §2).
     */
    private boolean up() {
        return HazelcastMembers.servesRecoveryState(hazelcast) && twilioReachable();
    }

    private void health(Context ctx) {
        boolean clusterUp = hazelcast.getLifecycleService().isRunning();
        boolean servesRecoveryState = HazelcastMembers.servesRecoveryState(hazelcast);
        boolean twilioUp = twilioReachable();
        boolean up = servesRecoveryState && twilioUp;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("mode", mode);
        body.put("version", Version.current());
        body.put("hazelcast", Map.of("running", clusterUp,
                "members", clusterUp ? hazelcast.getCluster().getMembers().size() : 0,
                "clusterState", clusterUp ? hazelcast.getCluster().getClusterState().name() : "STOPPED",
                "servesRecoveryState", servesRecoveryState));
        body.put("twilio", Map.of("reachable", twilioUp));
        ctx.status(up ? 200 : 503).json(body);
    }

    private boolean twilioReachable() {
        Instant now = clock.instant();
        if (Duration.between(twilioCheckedAt, now).compareTo(TWILIO_CHECK_EVERY) >= 0) {
            twilioReachable = twilio.reachable();
            twilioCheckedAt = now;
        }
        return twilioReachable;
    }
}
