package dev.lifeline.desktop.call;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.desktop.connection.CommandSender;
import dev.lifeline.desktop.ui.Failures;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.command.CompleteTask;
import dev.lifeline.model.command.WrapUpTask;
import dev.lifeline.model.conference.ConferenceView;
import dev.lifeline.model.incident.IncidentView;
import dev.lifeline.model.task.TaskStatus;
import dev.lifeline.model.task.TaskView;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Tasks in wrap-up with their Wrap up / Complete action. While a recovery incident is open every action is
 * blocked: finishing the interrupted task would free the agent in the middle of bringing the customer back (the
 * server refuses it with 409 too; the desktop does not even offer it).
 */
public final class WrapUpViewModel {

    private final AgentModel model;
    private final CommandSender server;
    private final UiExecutor ui;
    private final ObservableList<WrapUpRow> rows = FXCollections.observableArrayList();
    private final BooleanBinding blocked;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public WrapUpViewModel(AgentModel model, CommandSender server, UiExecutor ui) {
        this.model = model;
        this.server = server;
        this.ui = ui;
        this.blocked = Bindings.createBooleanBinding(() -> {
            IncidentView incident = model.incidentProperty().get();
            return incident != null && incident.isOpen();
        }, model.incidentProperty());
        model.tasks().addListener((ListChangeListener<TaskView>) change -> refresh());
        model.conferenceProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    private void refresh() {
        ConferenceView call = model.conferenceProperty().get();
        String liveTask = call == null ? null : call.taskSid();
        var wanted = model.tasks().stream()
                .filter(t -> t.status() == TaskStatus.WRAPPING
                        || (t.status() == TaskStatus.ASSIGNED && call == null && t.attribute("lifelineIncident") == null))
                .filter(t -> !Objects.equals(t.taskSid(), liveTask))
                .map(WrapUpRow::of)
                .toList();
        if (!wanted.equals(rows)) {
            rows.setAll(wanted);
        }
    }

    public void act(WrapUpRow row) {
        if (blocked.get()) {
            return;
        }
        error.set("");
        var command = row.status() == TaskStatus.WRAPPING ? new CompleteTask(row.taskSid()) : new WrapUpTask(row.taskSid());
        server.send(command).whenComplete((ok, failure) -> ui.execute(() -> {
            if (failure != null) {
                error.set(Failures.text(failure));
            }
        }));
    }

    public ObservableList<WrapUpRow> rows() {
        return rows;
    }

    /** True while a recovery is open: Wrap up and Complete are disabled. */
    public BooleanBinding blockedProperty() {
        return blocked;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
