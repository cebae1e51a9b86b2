package dev.lifeline.desktop.recovery;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.desktop.app.Failures;
import dev.lifeline.desktop.app.UiExecutor;
import dev.lifeline.desktop.connection.CommandSender;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.reservation.ReservationView;
import java.util.HashSet;
import java.util.Set;
import javafx.collections.ListChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts the Recovery Ping and then the reconnect reservation the moment they are offered, without a click: a
 * dropped agent coming back should not have to find a button while the customer waits on hold. Each reservation
 * is accepted once; a failed accept is retried when the reservation is offered or re-sent again.
 */
public final class RecoveryAutoAcceptor {

    private static final Logger log = LoggerFactory.getLogger(RecoveryAutoAcceptor.class);

    private final AgentModel model;
    private final CommandSender server;
    private final UiExecutor ui;
    private final Set<String> accepted = new HashSet<>();

    public RecoveryAutoAcceptor(AgentModel model, CommandSender server, UiExecutor ui) {
        this.model = model;
        this.server = server;
        this.ui = ui;
        model.reservations().addListener((ListChangeListener<ReservationView>) change -> acceptPending());
        acceptPending();
    }

    private void acceptPending() {
        for (ReservationView reservation : model.reservations()) {
            if (reservation.isPending() && reservation.isPartOfRecovery() && accepted.add(reservation.reservationSid())) {
                log.info("auto-accepting {} {} of incident {}", reservation.isRecoveryPing() ? "recovery ping" : "reconnect",
                        reservation.reservationSid(), reservation.incidentId());
                server.send(new AcceptReservation(reservation.reservationSid())).whenComplete((ok, failure) -> {
                    if (failure != null) {
                        ui.execute(() -> {
                            accepted.remove(reservation.reservationSid());
                            model.reportRecoveryProblem("Could not accept the reconnection automatically: " + Failures.text(failure));
                        });
                    }
                });
            }
        }
    }
}
