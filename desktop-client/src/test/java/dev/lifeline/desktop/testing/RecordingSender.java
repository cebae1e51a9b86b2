package dev.lifeline.desktop.testing;

import dev.lifeline.desktop.connection.CommandSender;
import dev.lifeline.desktop.connection.ServerProblem;
import dev.lifeline.model.command.ClientCommand;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link CommandSender} for view-model tests: records commands, answers at once (or refuses when told to). */
public final class RecordingSender implements CommandSender {

    public final List<ClientCommand> sent = new CopyOnWriteArrayList<>();
    public final List<String> log;
    private volatile String refusal;
    private volatile int refusalStatus;

    public RecordingSender(List<String> log) {
        this.log = log;
    }

    public RecordingSender() {
        this(new CopyOnWriteArrayList<>());
    }

    public void refuse(String message) {
        refuse(409, message);
    }

    /** @param status the HTTP status of the refusal; 0 is "the server could not be reached" */
    public void refuse(int status, String message) {
        refusalStatus = status;
        refusal = message;
    }

    /** Answers every command again. */
    public void accept() {
        refusal = null;
    }

    @Override
    public CompletableFuture<Void> send(ClientCommand command) {
        sent.add(command);
        log.add("server:" + command.getClass().getSimpleName());
        return refusal == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(new ServerProblem(refusalStatus, refusal));
    }
}
