package dev.lifeline.desktop.connection;

import dev.lifeline.model.command.ClientCommand;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one command to the server. The future completes on a network thread: view models hop back through the
 * {@code UiExecutor} before touching properties. It fails with {@link ServerProblem}.
 */
@FunctionalInterface
public interface CommandSender {

    CompletableFuture<Void> send(ClientCommand command);
}
