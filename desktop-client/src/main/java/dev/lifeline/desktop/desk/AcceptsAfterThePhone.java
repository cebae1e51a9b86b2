package dev.lifeline.desktop.desk;

import dev.lifeline.desktop.connection.CommandSender;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.command.ClientCommand;
import java.util.concurrent.CompletableFuture;

/**
 * Holds back every accept until the phone's first REGISTER has an outcome (or could not have one), and sends every
 * other command at once. The desk opens its event stream at sign-in, beside the registration, so an offer can show
 * before the phone is registered; an offer accepted then — above all a recovery's reconnect, accepted without a click
 * right after a restart — would have Twilio dial an address nobody holds yet (32009).
 */
final class AcceptsAfterThePhone implements CommandSender {

    private final CommandSender server;
    private final CompletableFuture<Void> phoneSettled;

    /** @param phoneSettled completes once the phone is registered, failed to register, or waited long enough */
    AcceptsAfterThePhone(CommandSender server, CompletableFuture<Void> phoneSettled) {
        this.server = server;
        this.phoneSettled = phoneSettled;
    }

    @Override
    public CompletableFuture<Void> send(ClientCommand command) {
        if (command instanceof AcceptReservation) {
            return phoneSettled.thenCompose(settled -> server.send(command));
        }
        return server.send(command);
    }
}
