package dev.lifeline.server.desktop;

import dev.lifeline.server.auth.TokenService.Session;
import io.javalin.websocket.WsContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One desktop socket on this member. Until its snapshot went out, pushed events wait in a buffer: the snapshot
 * must be the first thing a desktop reads, and nothing that happened while it was assembled may be lost.
 */
final class DesktopConnection {

    private static final Logger log = LoggerFactory.getLogger(DesktopConnection.class);

    private final WsContext socket;
    private final Session session;
    private final Executor sender;
    private final List<String> buffered = new ArrayList<>();
    private boolean snapshotSent;
    private boolean warnedOfExpiry;

    DesktopConnection(WsContext socket, Session session, Executor sender) {
        this.socket = socket;
        this.session = session;
        this.sender = sender;
    }

    String id() {
        return socket.sessionId();
    }

    Session session() {
        return session;
    }

    WsContext socket() {
        return socket;
    }

    /** Sends the snapshot, then everything that arrived while it was being built, in order. */
    synchronized void sendSnapshotFirst(String snapshotJson) {
        send(snapshotJson);
        buffered.forEach(this::send);
        buffered.clear();
        snapshotSent = true;
    }

    synchronized void push(String eventJson) {
        if (snapshotSent) {
            send(eventJson);
        } else {
            buffered.add(eventJson);
        }
    }

    /** Sent straight away (error replies to the desktop's own messages). */
    synchronized void reply(String eventJson) {
        send(eventJson);
    }

    /** @return true the first time only: a desktop is told once that its token runs out. */
    synchronized boolean markWarnedOfExpiry() {
        boolean first = !warnedOfExpiry;
        warnedOfExpiry = true;
        return first;
    }

    /** Closes the socket once everything queued for it has been sent (a refusal must arrive before the close). */
    void closeAfterPending(int code, String reason) {
        sender.execute(() -> socket.session.close(code, reason, Callback.NOOP));
    }

    private void send(String text) {
        sender.execute(() -> {
            try {
                if (socket.session.isOpen()) {
                    socket.send(text);
                }
            } catch (RuntimeException e) {
                log.debug("send to desktop {} failed", id(), e);
            }
        });
    }
}
