package dev.lifeline.desktop.reservations;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.desktop.connection.CommandSender;
import dev.lifeline.desktop.recovery.OwnRecovery;
import dev.lifeline.desktop.ui.Durations;
import dev.lifeline.desktop.ui.Failures;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.command.ClientCommand;
import dev.lifeline.model.command.RejectReservation;
import dev.lifeline.model.reservation.ReservationView;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incoming call card: the first pending reservation the desktop does not accept by itself (the ping and reconnect
 * of the agent's own recovery never ring: the Reconnecting modal accepts them; everything else, a requeued customer
 * included, is an ordinary offer), with caller details, Accept / Reject and the ring countdown.
 */
public final class ReservationOfferViewModel {

    private static final Logger log = LoggerFactory.getLogger(ReservationOfferViewModel.class);

    private final AgentModel model;
    private final CommandSender server;
    private final UiExecutor ui;

    private final ReadOnlyBooleanWrapper ringing = new ReadOnlyBooleanWrapper(this, "ringing");
    private final ReadOnlyStringWrapper caller = new ReadOnlyStringWrapper(this, "caller", "");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper(this, "countdown", "");
    private final ReadOnlyDoubleWrapper ringProgress = new ReadOnlyDoubleWrapper(this, "ringProgress", 1);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private ReservationView offer;

    public ReservationOfferViewModel(AgentModel model, CommandSender server, UiExecutor ui) {
        this.model = model;
        this.server = server;
        this.ui = ui;
        model.reservations().addListener((ListChangeListener<ReservationView>) change -> refresh());
        model.incidentProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    private void refresh() {
        ReservationView next = model.reservations().stream()
                .filter(r -> r.isPending() && !OwnRecovery.acceptsByItself(r, model))
                .findFirst().orElse(null);
        if (offer == null || next == null || !offer.reservationSid().equals(next.reservationSid())) {
            busy.set(false);
            error.set("");
            if (next != null) {
                log.info("ringing: reservation {} offered to the agent", next.reservationSid());
            }
        }
        offer = next;
        ringing.set(next != null);
        if (next == null) {
            caller.set("");
            details.set("");
            countdown.set("");
            return;
        }
        caller.set(firstPresent(next.customerLabel(), next.customerNumber(), "Unknown caller"));
        String number = next.customerNumber() != null && !next.customerNumber().equals(caller.get()) ? next.customerNumber() : "";
        String queue = next.queueName() != null ? "via " + next.queueName() : "";
        details.set(String.join(" · ", Stream.of(number, queue, next.channel()).filter(part -> !part.isEmpty()).toList()));
        tick(model.serverNow());
    }

    /** Called every second by the view (and by tests with a chosen instant, on the server's clock). */
    public void tick(Instant serverNow) {
        if (offer == null || offer.ringDeadline() == null) {
            countdown.set("");
            ringProgress.set(1);
            return;
        }
        long left = Durations.secondsLeft(Duration.between(serverNow, offer.ringDeadline()));
        long total = Math.max(1, Duration.between(offer.createdAt(), offer.ringDeadline()).toSeconds());
        countdown.set(left + " s");
        ringProgress.set(Math.min(1, (double) left / total));
    }

    public void accept() {
        if (offer != null && !busy.get()) {
            send(new AcceptReservation(offer.reservationSid()));
        }
    }

    public void reject() {
        if (offer != null && !busy.get()) {
            send(new RejectReservation(offer.reservationSid()));
        }
    }

    private void send(ClientCommand command) {
        busy.set(true);
        error.set("");
        server.send(command).whenComplete((ok, failure) -> ui.execute(() -> {
            busy.set(false);
            if (failure != null) {
                error.set(Failures.text(failure));
            }
        }));
    }

    private static String firstPresent(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return "";
    }

    public ReadOnlyBooleanProperty ringingProperty() {
        return ringing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty callerProperty() {
        return caller.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty ringProgressProperty() {
        return ringProgress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
