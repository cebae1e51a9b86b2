package dev.lifeline.desktop.softphone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.desktop.connection.Backoff;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A softphone on twilio-sim's voice plane ({@code twilio-sim/README.md}, "Voice plane"): one WebSocket
 * {@code /voice-plane?identity=…&token=…}, registered as {@code client:<identity>} once {@code registered} arrives.
 * The emulator rings it ({@code ring}), it answers ({@code answer}), the emulator reports the conference
 * ({@code connected}, {@code participant}) and the end of the leg ({@code call-ended}). A {@code hangup} message
 * is a graceful hang-up; the socket closing without one is a non-graceful drop, reported to the conference as
 * Twilio reports a WebRTC leg that vanished ({@code participant_hung_up} with no hang-up from the agent) — which
 * is why {@link #close()} sends nothing, and why a killed process drops its leg.
 *
 * <p>This is the emulator's protocol, not Lifeline's wire contract, so it is read as plain JSON trees.
 */
public final class EmulatorSoftphone implements Softphone {

    private static final Logger log = LoggerFactory.getLogger(EmulatorSoftphone.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http;
    private final HttpUrl voicePlane;
    private final String token;
    private final ScheduledExecutorService timer;
    private final Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));

    private String identity;
    private SoftphoneListener listener;
    private WebSocket socket;
    private volatile boolean registered;
    private volatile String activeCall;
    private long generation;
    private boolean closed;

    /**
     * @param voicePlane the emulator's voice-plane WebSocket URL ({@code ws://localhost:18080/voice-plane}), as
     *                   http(s) or ws(s); the identity and token are added as query parameters
     * @param token      the per-identity voice-plane token (or the emulator's auth token); may be null when the
     *                   URL already carries one
     */
    public EmulatorSoftphone(OkHttpClient http, String voicePlane, String token, ScheduledExecutorService timer) {
        String asHttp = voicePlane.replaceFirst("^ws:", "http:").replaceFirst("^wss:", "https:");
        HttpUrl url = HttpUrl.parse(asHttp);
        if (url == null) {
            throw new IllegalArgumentException("voice plane: not a URL: " + voicePlane);
        }
        this.http = http;
        this.voicePlane = url;
        this.token = token;
        this.timer = timer;
    }

    @Override
    public synchronized void register(String identity, SoftphoneListener listener) {
        this.identity = identity;
        this.listener = listener;
        connect();
    }

    private synchronized void connect() {
        if (closed) {
            return;
        }
        long mine = ++generation;
        HttpUrl.Builder builder = voicePlane.newBuilder().setQueryParameter("identity", identity);
        if (token != null) {
            builder.setQueryParameter("token", token);
        }
        HttpUrl url = builder.build();
        socket = http.newWebSocket(new Request.Builder().url(url).build(), new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                if (current(mine)) {
                    backoff.reset();
                }
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
                if (current(mine)) {
                    handle(text);
                }
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                webSocket.close(1000, null);
                lost(mine, "closed (" + code + ")");
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                lost(mine, response != null ? "HTTP " + response.code() : t.toString());
            }
        });
    }

    private synchronized boolean current(long mine) {
        return !closed && mine == generation;
    }

    private synchronized void lost(long mine, String why) {
        if (!current(mine)) {
            return;
        }
        generation++;
        registered = false;
        activeCall = null;
        listener.registration(false);
        Duration delay = backoff.nextDelay();
        log.info("softphone lost the voice plane ({}); re-registering in {} ms", why, delay.toMillis());
        timer.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void handle(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            log.warn("voice plane sent something that is not JSON; ignored");
            return;
        }
        String type = message.path("type").asText("");
        String callSid = message.path("callSid").asText(null);
        switch (type) {
            case "registered" -> {
                registered = true;
                log.info("softphone registered as {}", message.path("address").asText("client:" + identity));
                listener.registration(true);
            }
            case "error" -> log.warn("voice plane refused {} for {}: {}", message.path("inReplyTo").asText(""), callSid,
                    message.path("message").asText(""));
            case "ring" -> listener.ringing(callSid, message.path("from").asText(""));
            case "ring-cancelled" -> listener.ringCancelled(callSid, message.path("reason").asText(""));
            case "connected" -> {
                activeCall = callSid;
                listener.connected(callSid, message.path("conferenceSid").asText(null));
            }
            case "call-ended" -> {
                if (callSid != null && callSid.equals(activeCall)) {
                    activeCall = null;
                }
                listener.callEnded(callSid, message.path("reason").asText(""));
            }
            default -> log.debug("voice plane message {} not used by this softphone", type);
        }
    }

    @Override
    public void answer(String callSid) {
        activeCall = callSid;
        send("answer", callSid);
    }

    @Override
    public void reject(String callSid) {
        send("reject", callSid);
    }

    @Override
    public void hangUp(String callSid) {
        send("hangup", callSid);
        if (callSid.equals(activeCall)) {
            activeCall = null;
        }
    }

    private synchronized void send(String type, String callSid) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        message.put("callSid", callSid);
        try {
            if (socket == null || !socket.send(JSON.writeValueAsString(message))) {
                log.warn("softphone could not send {} for {}: not connected to the voice plane", type, callSid);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<String> activeCallSid() {
        return Optional.ofNullable(activeCall);
    }

    @Override
    public boolean isRegistered() {
        return registered;
    }

    /** Closes the socket without a hang-up: a call in progress drops, as it would if the process died. */
    @Override
    public synchronized void close() {
        closed = true;
        registered = false;
        if (socket != null) {
            socket.cancel();
        }
    }
}
