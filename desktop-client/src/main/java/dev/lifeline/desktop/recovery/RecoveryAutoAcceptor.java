package dev.lifeline.desktop.recovery;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.desktop.connection.CommandSender;
import dev.lifeline.desktop.connection.ServerProblem;
import dev.lifeline.desktop.ui.Failures;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.incident.IncidentView;
import dev.lifeline.model.reservation.ReservationView;
import java.util.HashSet;
import java.util.Set;
import javafx.collections.ListChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts the Recovery Ping and then the reconnect reservation of the agent's own open recovery the moment they are
 * offered, without a click: a dropped agent coming back should not have to find a button while the customer waits
 * on hold. Anything else (a requeued customer, another agent's recovery) is ordinary work that rings (see
 * {@link OwnRecovery}). Each reservation is accepted once; a failed accept is retried when the reservation is
 * offered or re-sent again.
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
        // A reconnect offered before this desktop heard the incident's news is accepted once the news arrives.
        model.incidentProperty().addListener((obs, old, now) -> acceptPending());
        acceptPending();
    }

    private void acceptPending() {
        for (ReservationView reservation : model.reservations()) {
            if (OwnRecovery.acceptsByItself(reservation, model) && accepted.add(reservation.reservationSid())) {
                log.info("auto-accepting {} {} of incident {}", reservation.isRecoveryPing() ? "recovery ping" : "reconnect",
                        reservation.reservationSid(), reservation.incidentId());
                server.send(new AcceptReservation(reservation.reservationSid())).whenComplete((ok, failure) -> {
                    if (failure != null) {
                        ui.execute(() -> failed(reservation, failure));
                    }
                });
            }
        }
    }

    private void failed(ReservationView reservation, Throwable failure) {
        accepted.remove(reservation.reservationSid());
        if (isBenignRace(reservation, failure)) {
            // The customer hung up, the TTL ran out or a supervisor stepped in just before our accept: the modal
            // already says how the recovery ended, a second message about it would only confuse.
            log.info("reservation {} was withdrawn before the automatic accept: {}", reservation.reservationSid(),
                    Failures.text(failure));
            return;
        }
        log.warn("could not accept {} automatically: {}", reservation.reservationSid(), Failures.text(failure));
        model.reportRecoveryProblem("Could not take the reconnection automatically: " + Failures.inPlainWords(ServerProblem.statusOf(failure)) + ".");
    }

    /** The reservation is gone (404), no longer pending (409), or the incident it belonged to is over. */
    private boolean isBenignRace(ReservationView reservation, Throwable failure) {
        int status = ServerProblem.statusOf(failure);
        IncidentView incident = model.incidentProperty().get();
        boolean recoveryStillWaiting = incident != null && incident.isOpen()
                && incident.incidentId().equals(reservation.incidentId());
        return status == 404 || status == 409 || !recoveryStillWaiting;
    }
}
