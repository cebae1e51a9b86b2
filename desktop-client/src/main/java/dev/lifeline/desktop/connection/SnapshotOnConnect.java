package dev.lifeline.desktop.connection;

import dev.lifeline.desktop.ui.UiExecutor;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The full state, from the socket and asked for on every (re)connect. The server sends a snapshot first on every
 * connect; asking as well makes a missed one harmless.
 *
 * @param <S> the role's snapshot: the agent's state, or the supervisor's queue snapshot
 */
public final class SnapshotOnConnect<S> {

    private final Supplier<CompletableFuture<S>> ask;
    private final Consumer<S> apply;
    private final UiExecutor ui;

    /**
     * @param ask   requests the full state over REST
     * @param apply replaces the role's state with a snapshot
     */
    public SnapshotOnConnect(Supplier<CompletableFuture<S>> ask, Consumer<S> apply, UiExecutor ui) {
        this.ask = ask;
        this.apply = apply;
        this.ui = ui;
    }

    /** A snapshot arrived on the socket. */
    public void fromSocket(S snapshot) {
        apply.accept(snapshot);
    }

    /** The socket is open (again): asks for the full state. */
    public void connected() {
        ask.get().whenComplete((snapshot, failure) -> {
            if (snapshot != null) {
                ui.execute(() -> apply.accept(snapshot));
            }
        });
    }
}
