package dev.lifeline.desktop.connection;

import dev.lifeline.desktop.ui.UiExecutor;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The full state, from the socket and asked for on every (re)connect. The server sends a snapshot first on every
 * connect; asking as well makes a missed one harmless. But the answer is applied only if no snapshot came on the
 * socket since it was asked for: fetched before the events that follow that snapshot and arriving after them, it
 * would roll them back (a recovery that just ended would open the Reconnecting modal again, for good).
 *
 * <p>Every method runs on the UI thread (the event stream's listener, and the answer is handed over through
 * {@link UiExecutor}), so the count needs no lock.
 *
 * @param <S> the role's snapshot: the agent's state, or the supervisor's queue snapshot
 */
public final class SnapshotOnConnect<S> {

    private final Supplier<CompletableFuture<S>> ask;
    private final Consumer<S> apply;
    private final UiExecutor ui;
    private long fromSocket;

    /**
     * @param ask   requests the full state over REST
     * @param apply replaces the role's state with a snapshot
     */
    public SnapshotOnConnect(Supplier<CompletableFuture<S>> ask, Consumer<S> apply, UiExecutor ui) {
        this.ask = ask;
        this.apply = apply;
        this.ui = ui;
    }

    /** A snapshot arrived on the socket: it is the newest state, and any answer still on its way is older. */
    public void fromSocket(S snapshot) {
        fromSocket++;
        apply.accept(snapshot);
    }

    /** The socket is open (again): asks for the full state. */
    public void connected() {
        long seenWhenAsked = fromSocket;
        ask.get().whenComplete((snapshot, failure) -> {
            if (snapshot != null) {
                ui.execute(() -> {
                    if (fromSocket == seenWhenAsked) {
                        apply.accept(snapshot);
                    }
                });
            }
        });
    }
}
