package dev.lifeline.desktop.callbacks;

import dev.lifeline.desktop.ui.Failures;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.callbacks.CallbackList;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Callbacks view (issue 20 item 6): an agent's own callbacks and the queue's, and the "Schedule callback" form;
 * a supervisor's has the queue's only. The server pushes no callback changes, so the lists are read again every
 * {@value #POLL_SECONDS} seconds ({@link #tick()}), at once when shown, and after a callback is scheduled.
 * A refused schedule leaves the form as typed and shows the server's own sentence under it.
 */
public final class CallbacksViewModel {

    /** How often the lists are read again. */
    public static final int POLL_SECONDS = 10;

    private final CallbacksApi api;
    private final UiExecutor ui;
    private final ZoneId viewerZone;
    private final boolean agent;
    private final ObservableList<CallbackRow> mine = FXCollections.observableArrayList();
    private final ObservableList<CallbackRow> queue = FXCollections.observableArrayList();
    private final StringProperty number = new SimpleStringProperty("");
    private final StringProperty dueAt = new SimpleStringProperty("");
    private final StringProperty zone;
    private final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty formProblem = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty sending = new SimpleBooleanProperty();
    private int secondsSinceRead;

    /** @param agent whether the viewer has callbacks of their own and may schedule (a supervisor does not) */
    public CallbacksViewModel(CallbacksApi api, UiExecutor ui, ZoneId viewerZone, boolean agent) {
        this.api = api;
        this.ui = ui;
        this.viewerZone = viewerZone;
        this.agent = agent;
        this.zone = new SimpleStringProperty(viewerZone.getId());
    }

    /** Reads both lists now. */
    public void refresh() {
        secondsSinceRead = 0;
        if (agent) {
            read(api.mine(), mine);
        }
        read(api.queue(), queue);
    }

    /** Called every second on the UI thread: reads the lists again every {@value #POLL_SECONDS} seconds. */
    public void tick() {
        if (++secondsSinceRead >= POLL_SECONDS) {
            refresh();
        }
    }

    /** Sends the form; on success it empties (the zone stays) and the lists are read again. */
    public void schedule() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("number", number.get().strip());
        fields.put("dueAt", dueAt.get().strip().replace(' ', 'T'));
        if (!zone.get().isBlank()) {
            fields.put("zone", zone.get().strip());
        }
        fields.put("reason", reason.get().strip());
        sending.set(true);
        formProblem.set("");
        api.schedule(fields).whenComplete((view, failure) -> ui.execute(() -> {
            sending.set(false);
            if (failure != null) {
                formProblem.set(Failures.text(failure));
                return;
            }
            CallbackRow row = CallbackRow.of(view, viewerZone);
            status.set("Callback to " + row.customer() + " scheduled for " + row.due() + ".");
            number.set("");
            dueAt.set("");
            reason.set("");
            refresh();
        }));
    }

    private void read(CompletableFuture<CallbackList> list, ObservableList<CallbackRow> into) {
        list.whenComplete((callbacks, failure) -> ui.execute(() -> {
            if (failure != null) {
                status.set("Callbacks could not be read: " + Failures.text(failure));
                return;
            }
            List<CallbackRow> rows = callbacks.callbacks().stream().map(c -> CallbackRow.of(c, viewerZone)).toList();
            if (!rows.equals(into)) {
                into.setAll(rows);
            }
        }));
    }

    public boolean agent() {
        return agent;
    }

    public ObservableList<CallbackRow> mine() {
        return mine;
    }

    public ObservableList<CallbackRow> queue() {
        return queue;
    }

    public StringProperty numberProperty() {
        return number;
    }

    public StringProperty dueAtProperty() {
        return dueAt;
    }

    public StringProperty zoneProperty() {
        return zone;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public StringProperty formProblemProperty() {
        return formProblem;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty sendingProperty() {
        return sending;
    }
}
