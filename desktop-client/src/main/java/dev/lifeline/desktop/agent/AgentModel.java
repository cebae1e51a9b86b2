package dev.lifeline.desktop.agent;

import dev.lifeline.desktop.ui.Failures;
import dev.lifeline.model.agent.AgentView;
import dev.lifeline.model.conference.ConferenceView;
import dev.lifeline.model.event.ActivityChanged;
import dev.lifeline.model.event.ConferenceChanged;
import dev.lifeline.model.event.IncidentChanged;
import dev.lifeline.model.event.ProblemReported;
import dev.lifeline.model.event.ReservationChanged;
import dev.lifeline.model.event.ReservationOffered;
import dev.lifeline.model.event.ReservationRescinded;
import dev.lifeline.model.event.ServerEvent;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.model.event.TaskChanged;
import dev.lifeline.model.incident.IncidentView;
import dev.lifeline.model.reservation.ReservationView;
import dev.lifeline.model.task.TaskView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the server says about the signed-in agent, applied event by event on the UI thread: the one source the
 * agent's view models read. A {@code snapshot} replaces everything (that is how a restarted desktop learns it is
 * in the middle of a recovery); every other event patches one thing.
 */
public final class AgentModel {

    private final String workerSid;
    private final Clock clock;
    private final ObjectProperty<AgentView> agent = new SimpleObjectProperty<>(this, "agent");
    private final ObservableList<ReservationView> reservations = FXCollections.observableArrayList();
    private final ObservableList<TaskView> tasks = FXCollections.observableArrayList();
    private final ObservableList<ReservationView> reservationsView = FXCollections.unmodifiableObservableList(reservations);
    private final ObservableList<TaskView> tasksView = FXCollections.unmodifiableObservableList(tasks);
    private final ObjectProperty<ConferenceView> conference = new SimpleObjectProperty<>(this, "conference");
    private final ObjectProperty<IncidentView> incident = new SimpleObjectProperty<>(this, "incident");
    private final ReadOnlyStringWrapper lastProblem = new ReadOnlyStringWrapper(this, "lastProblem", "");
    private boolean recoveryProblemShown;
    private volatile Duration serverClockAhead = Duration.ZERO;

    public AgentModel(String workerSid, Clock clock) {
        this.workerSid = workerSid;
        this.clock = clock;
    }

    public void apply(ServerEvent event) {
        if (event instanceof StateSnapshot snapshot) {
            replaceWith(snapshot);
        } else if (event instanceof ReservationOffered offered) {
            upsert(reservations, offered.reservation(), ReservationView::reservationSid, offered.reservation().status().isFinished());
        } else if (event instanceof ReservationChanged changed) {
            upsert(reservations, changed.reservation(), ReservationView::reservationSid, changed.reservation().status().isFinished());
        } else if (event instanceof ReservationRescinded rescinded) {
            reservations.removeIf(r -> r.reservationSid().equals(rescinded.reservationSid()));
        } else if (event instanceof TaskChanged changed) {
            upsert(tasks, changed.task(), TaskView::taskSid, changed.task().status().isFinished());
        } else if (event instanceof ConferenceChanged changed) {
            applyConference(changed.conference());
        } else if (event instanceof IncidentChanged changed) {
            applyIncident(changed.incident());
        } else if (event instanceof ActivityChanged changed) {
            if (changed.agent().workerSid().equals(workerSid)) {
                agent.set(changed.agent());
            }
        } else if (event instanceof ProblemReported reported) {
            // The detail is the server's own wording and may name SIDs: the agent gets plain words.
            reportProblem("The server turned down a request: " + Failures.inPlainWords(reported.problem().status()) + ".");
        }
        // queue-snapshot and session-expiring are not about the agent's desk: the shell routes them elsewhere.
    }

    private void replaceWith(StateSnapshot snapshot) {
        serverClockAhead = Duration.between(clock.instant(), snapshot.serverTime());
        agent.set(snapshot.agent());
        List<ReservationView> held = new ArrayList<>(snapshot.reservations());
        if (snapshot.pendingPing() != null
                && held.stream().noneMatch(r -> r.reservationSid().equals(snapshot.pendingPing().reservationSid()))) {
            held.add(snapshot.pendingPing());
        }
        reservations.setAll(held);
        tasks.setAll(snapshot.tasks());
        conference.set(snapshot.conference() == null || snapshot.conference().hasEnded() ? null : snapshot.conference());
        IncidentView open = snapshot.openIncident();
        if (open != null) {
            incident.set(open);
        } else if (incident.get() != null && incident.get().isOpen()) {
            // The incident ended while the desktop was away; the modal must not stay up waiting for news.
            incident.set(null);
        }
    }

    private void applyConference(ConferenceView changed) {
        ConferenceView current = conference.get();
        if (changed.hasEnded()) {
            if (current != null && current.conferenceSid().equals(changed.conferenceSid())) {
                conference.set(null);
            }
        } else {
            conference.set(changed);
        }
    }

    private void applyIncident(IncidentView changed) {
        if (workerSid != null && !workerSid.equals(changed.droppedWorkerSid())) {
            return;
        }
        IncidentView current = incident.get();
        boolean stale = current != null && current.incidentId().equals(changed.incidentId())
                && changed.version() < current.version();
        if (!stale) {
            incident.set(changed);
            if (!changed.isOpen() && recoveryProblemShown) {
                // The recovery is over: a complaint about accepting its ping or reconnect is no longer true.
                lastProblem.set("");
                recoveryProblemShown = false;
            }
        }
    }

    private static <T> void upsert(ObservableList<T> list, T item, Function<T, String> key, boolean finished) {
        String id = key.apply(item);
        for (int i = 0; i < list.size(); i++) {
            if (key.apply(list.get(i)).equals(id)) {
                if (finished) {
                    list.remove(i);
                } else {
                    list.set(i, item);
                }
                return;
            }
        }
        if (!finished) {
            list.add(item);
        }
    }

    /** Now on the server's clock, so countdowns to server deadlines are right even on a skewed desktop. */
    public Instant serverNow() {
        return clock.instant().plus(serverClockAhead);
    }

    public String workerSid() {
        return workerSid;
    }

    public ReadOnlyObjectProperty<AgentView> agentProperty() {
        return agent;
    }

    public ObservableList<ReservationView> reservations() {
        return reservationsView;
    }

    public ObservableList<TaskView> tasks() {
        return tasksView;
    }

    public ReadOnlyObjectProperty<ConferenceView> conferenceProperty() {
        return conference;
    }

    /** The agent's current recovery incident: open, or the last one until a newer one replaces it. */
    public ReadOnlyObjectProperty<IncidentView> incidentProperty() {
        return incident;
    }

    public ReadOnlyStringProperty lastProblemProperty() {
        return lastProblem.getReadOnlyProperty();
    }

    /** A problem to show in the status bar (a refused command). */
    public void reportProblem(String text) {
        lastProblem.set(text);
        recoveryProblemShown = false;
    }

    /** A problem of the recovery in progress; cleared when that recovery ends. */
    public void reportRecoveryProblem(String text) {
        lastProblem.set(text);
        recoveryProblemShown = true;
    }
}
