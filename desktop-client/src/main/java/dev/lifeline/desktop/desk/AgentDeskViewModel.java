package dev.lifeline.desktop.desk;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.desktop.connection.CommandSender;
import dev.lifeline.desktop.connection.ConnectionState;
import dev.lifeline.desktop.connection.ServerProblem;
import dev.lifeline.desktop.ui.Failures;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.agent.Activity;
import dev.lifeline.model.agent.AgentView;
import dev.lifeline.model.command.SetActivity;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The frame around the agent's desk: who is signed in, the activity selector (Available / Break / Offline) and the
 * connection state, which the status bar shows at all times. The status bar's message is in plain words (never a
 * SID) and clears itself after {@link #MESSAGE_SHOWN_FOR}, or earlier when what it describes ends (a recovery problem
 * when the recovery is over): a message left standing after its situation ended reads as a live problem.
 */
public final class AgentDeskViewModel {

    /** Long enough to read a sentence twice; a status bar is glanced at, not studied. */
    public static final Duration MESSAGE_SHOWN_FOR = Duration.ofSeconds(10);

    private final AgentModel model;
    private final CommandSender server;
    private final UiExecutor ui;
    private final ObjectProperty<Activity> activity = new SimpleObjectProperty<>(this, "activity");
    private final ReadOnlyStringWrapper agentName = new ReadOnlyStringWrapper(this, "agentName", "");
    private final ReadOnlyStringWrapper activityNote = new ReadOnlyStringWrapper(this, "activityNote", "");
    private final ObjectProperty<ConnectionState> connection = new SimpleObjectProperty<>(this, "connection", ConnectionState.CONNECTING);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private Instant statusShownAt = Instant.MIN;
    private boolean applyingServerActivity;

    public AgentDeskViewModel(AgentModel model, CommandSender server, UiExecutor ui) {
        this.model = model;
        this.server = server;
        this.ui = ui;
        model.agentProperty().addListener((obs, old, now) -> showAgent(now));
        model.lastProblemProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                status(now);
            } else if (status.get().equals(old)) {
                // The problem is over (its recovery ended): its message goes with it, nothing newer is touched.
                status.set("");
            }
        });
        showAgent(model.agentProperty().get());
    }

    private void showAgent(AgentView agent) {
        if (agent == null) {
            return;
        }
        agentName.set(agent.displayName());
        applyingServerActivity = true;
        try {
            activity.set(agent.selectableActivity().orElse(null));
        } finally {
            applyingServerActivity = false;
        }
        // A workspace activity the agent cannot pick (e.g. "Wrapping") is shown, not selected.
        activityNote.set(agent.selectableActivity().isPresent() ? "" : agent.activity());
    }

    /** The agent picked an activity in the selector. */
    public void chooseActivity(Activity chosen) {
        if (applyingServerActivity || chosen == null) {
            return;
        }
        AgentView agent = model.agentProperty().get();
        if (agent != null && agent.selectableActivity().orElse(null) == chosen) {
            return;
        }
        server.send(new SetActivity(chosen)).whenComplete((ok, failure) -> ui.execute(() -> {
            if (failure != null) {
                status("Could not change your activity: " + Failures.inPlainWords(ServerProblem.statusOf(failure)) + ".");
                showAgent(model.agentProperty().get());
            }
        }));
    }

    /** Set by the shell from the event stream. */
    public void connectionState(ConnectionState state) {
        connection.set(state);
    }

    /** Shown in the status bar, e.g. how the last recovery ended, until {@link #MESSAGE_SHOWN_FOR} has passed. */
    public void status(String text) {
        status.set(text);
        statusShownAt = model.serverNow();
    }

    /** Called every second by the shell (and by tests with a chosen instant), on the server's clock. */
    public void tick(Instant serverNow) {
        if (!status.get().isEmpty() && !serverNow.isBefore(statusShownAt.plus(MESSAGE_SHOWN_FOR))) {
            status.set("");
        }
    }

    public ObjectProperty<Activity> activityProperty() {
        return activity;
    }

    public ReadOnlyStringProperty agentNameProperty() {
        return agentName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty activityNoteProperty() {
        return activityNote.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionProperty() {
        return connection;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
