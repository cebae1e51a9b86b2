package dev.lifeline.sim.voiceplane;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.TwilioApiException;
import dev.lifeline.sim.voice.SoftphoneLine;
import dev.lifeline.sim.voice.VoiceEmulator;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.websocket.WsContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The softphone voice plane: a WebSocket at {@value #PATH}{@code ?identity=alice&token=…} where a desktop
 * registers as {@code client:alice}, is rung when Twilio would dial that contact, answers or rejects, and
 * hangs up. A leg lives as long as the connection that answered it: a connection that closes without a
 * {@code hangup} message drops its legs exactly as Twilio reports a dropped leg. The JSON messages are
 * documented in {@code twilio-sim/README.md} ("Voice plane").
 */
public final class VoicePlane implements SoftphoneLine, AutoCloseable {

    public static final String PATH = "/voice-plane";
    /**
     * A softphone whose network silently vanished (no FIN, no RST) is declared gone after this long without
     * any frame; the server pings every {@link #PING_INTERVAL} and the JDK/browser clients pong by themselves.
     * Real time, not sim time: it is transport liveness, not call logic.
     */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration PING_INTERVAL = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(VoicePlane.class);
    private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9_.@\\-]{1,121}");

    private final SimContext context;
    private final VoiceEmulator voice;
    private final VoicePlaneTokens tokens;
    /** The newest connection of each identity: it is the one that gets rung. */
    private final Map<String, WsContext> current = new ConcurrentHashMap<>();
    /** Sends happen here, in order, never on the caller's thread (which may hold the world lock). */
    private final ExecutorService outbox = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "twilio-sim-voice-plane");
        thread.setDaemon(true);
        return thread;
    });

    public VoicePlane(SimContext context, VoiceEmulator voice) {
        this.context = context;
        this.voice = voice;
        this.tokens = new VoicePlaneTokens(context.authToken);
        voice.softphones(this);
    }

    public VoicePlaneTokens tokens() {
        return tokens;
    }

    /** Jetty's WebSocket settings for the voice plane: the idle timeout that turns a silent network loss into a drop. */
    public static void configure(org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServletFactory factory) {
        factory.setIdleTimeout(IDLE_TIMEOUT);
    }

    public void routes(JavalinDefaultRoutingApi routes) {
        routes.wsBeforeUpgrade(PATH, this::authorize);
        routes.ws(PATH, ws -> {
            ws.onConnect(ctx -> registered(ctx));
            ws.onMessage(ctx -> received(ctx, ctx.message()));
            ws.onClose(ctx -> closed(ctx));
            ws.onError(ctx -> log.debug("voice plane connection {} failed", ctx.sessionId(), ctx.error()));
        });
    }

    private void authorize(Context ctx) {
        String identity = ctx.queryParam("identity");
        if (identity == null || !IDENTITY.matcher(identity).matches()) {
            throw TwilioApiException.badRequest("identity must be 1-121 characters of letters, digits and _ . @ -");
        }
        String token = ctx.queryParam("token");
        String authorization = ctx.header("Authorization");
        if (token == null && authorization != null && authorization.startsWith("Bearer ")) {
            token = authorization.substring("Bearer ".length());
        }
        if (!tokens.accepts(identity, token)) {
            throw new TwilioApiException(401, 20003, "Authentication Error - invalid voice plane token for " + identity);
        }
    }

    private void registered(WsContext ctx) {
        String identity = ctx.queryParam("identity");
        ctx.enableAutomaticPings(PING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("type", "registered");
        hello.put("identity", identity);
        hello.put("address", "client:" + identity);
        // Under the world lock, so a call that starts ringing meanwhile is rung exactly once: either here or live.
        synchronized (context.world) {
            current.put(identity, ctx);
            sendTo(ctx, hello);
            voice.pendingRings(identity).forEach(ring -> sendTo(ctx, ring));
        }
    }

    private void received(WsContext ctx, String text) {
        String identity = ctx.queryParam("identity");
        String type = null;
        String callSid = null;
        try {
            JsonNode message = context.json.readTree(text);
            type = message.path("type").asText(null);
            callSid = message.path("callSid").asText(null);
            if (type == null) {
                throw TwilioApiException.badRequest("message needs a type");
            }
            if (!type.equals("ping") && callSid == null) {
                throw TwilioApiException.badRequest(type + " needs a callSid");
            }
            switch (type) {
                case "answer" -> voice.softphoneAnswer(identity, ctx.sessionId(), callSid);
                case "reject" -> voice.softphoneReject(identity, callSid);
                case "hangup" -> voice.softphoneHangUp(identity, callSid);
                case "ping" -> sendTo(ctx, Map.of("type", "pong"));
                default -> throw TwilioApiException.badRequest("unknown message type '" + type + "'");
            }
        } catch (JsonProcessingException e) {
            sendError(ctx, null, null, "message is not JSON");
        } catch (TwilioApiException e) {
            sendError(ctx, type, callSid, e.getMessage());
        }
    }

    private void closed(WsContext ctx) {
        String identity = ctx.queryParam("identity");
        current.remove(identity, ctx);
        // No hang-up message came for the legs still up on this connection: a non-graceful drop.
        voice.softphoneDisconnected(ctx.sessionId());
    }

    private void sendError(WsContext ctx, String type, String callSid, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "error");
        error.put("inReplyTo", type);
        error.put("callSid", callSid);
        error.put("message", message);
        sendTo(ctx, error);
    }

    @Override
    public boolean online(String identity) {
        return current.containsKey(identity);
    }

    @Override
    public void send(String identity, Map<String, Object> message) {
        WsContext ctx = current.get(identity);
        if (ctx != null) {
            sendTo(ctx, message);
        }
    }

    private void sendTo(WsContext ctx, Map<String, Object> message) {
        String text;
        try {
            text = context.json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps always serialise", e);
        }
        outbox.execute(() -> {
            try {
                if (ctx.session.isOpen()) {
                    ctx.send(text);
                }
            } catch (RuntimeException e) {
                log.debug("voice plane send to {} failed", ctx.sessionId(), e);
            }
        });
    }

    @Override
    public void close() {
        outbox.shutdownNow();
    }
}
