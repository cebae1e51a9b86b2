package dev.lifeline.desktop.simulator;

import dev.lifeline.desktop.ui.Failures;
import dev.lifeline.desktop.ui.UiExecutor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Simulator window's state: the demo customers' calls (refreshed by {@link #refresh()}, which the window
 * calls every second), the selected call, and the three commands. Server answers arrive on network threads and
 * reach the properties only through the {@link UiExecutor}.
 */
public final class SimulatorViewModel {

    private final CustomerCalls calls;
    private final UiExecutor ui;
    private final ObservableList<CustomerCallRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<CustomerCallRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper reachable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding selectedCallIsLive;
    private boolean refreshing;

    public SimulatorViewModel(CustomerCalls calls, UiExecutor ui) {
        this.calls = calls;
        this.ui = ui;
        this.selectedCallIsLive = Bindings.createBooleanBinding(
                () -> selected.get() != null && !selected.get().call().isOver(), selected, rows);
    }

    /** Asks the server for the calls; a refresh still on its way is not doubled (the poll is every second). */
    public void refresh() {
        if (refreshing) {
            return;
        }
        refreshing = true;
        calls.list().whenComplete((list, failure) -> ui.execute(() -> {
            refreshing = false;
            if (failure != null) {
                reachable.set(false);
                error.set(Failures.text(failure));
            } else {
                if (!reachable.get()) {
                    error.set("");
                }
                reachable.set(true);
                merge(list);
            }
        }));
    }

    public void customerCallsIn() {
        run(calls::callIn, sid -> "A customer is calling in (" + sid + ").");
    }

    public void addThirdParty() {
        CustomerCallRow row = selected.get();
        if (row == null) {
            error.set("Select a customer call first.");
            return;
        }
        run(() -> calls.addThirdParty(row.callSid()), done -> "A third party is joining " + row.fromProperty().get() + "'s call.");
    }

    public void hangUp() {
        CustomerCallRow row = selected.get();
        if (row == null) {
            error.set("Select a customer call first.");
            return;
        }
        run(() -> calls.hangUp(row.callSid()), done -> row.fromProperty().get() + " hung up.");
    }

    private <T> void run(Supplier<CompletableFuture<T>> command, java.util.function.Function<T, String> success) {
        busy.set(true);
        error.set("");
        command.get().whenComplete((value, failure) -> ui.execute(() -> {
            busy.set(false);
            if (failure != null) {
                error.set(Failures.text(failure));
            } else {
                status.set(success.apply(value));
                refresh();
            }
        }));
    }

    /** Rows are updated in place and kept in the server's order (newest first), so the selection survives a poll. */
    private void merge(List<CustomerCall> latest) {
        Map<String, CustomerCallRow> known = new HashMap<>();
        rows.forEach(row -> known.put(row.callSid(), row));
        List<CustomerCallRow> ordered = latest.stream().map(call -> {
            CustomerCallRow row = known.get(call.callSid());
            if (row == null) {
                return new CustomerCallRow(call);
            }
            row.update(call);
            return row;
        }).toList();
        if (!ordered.equals(rows)) {
            CustomerCallRow keep = selected.get();
            rows.setAll(ordered);
            selected.set(keep != null && ordered.contains(keep) ? keep : null);
        }
        selectedCallIsLive.invalidate();
    }

    public ObservableList<CustomerCallRow> calls() {
        return rows;
    }

    /** The call the buttons act on; the view binds the table's selection to it. */
    public ObjectProperty<CustomerCallRow> selectedProperty() {
        return selected;
    }

    /** True while a selected call is still up, so "Add third party" and "Customer hangs up" make sense. */
    public BooleanBinding selectedCallIsLiveProperty() {
        return selectedCallIsLive;
    }

    /** The last command's outcome, e.g. "A customer is calling in (CA…)". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last error, worded by the server (e.g. "The customer CA… is not in a conference yet"); empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether the last poll reached the server. */
    public ReadOnlyBooleanProperty reachableProperty() {
        return reachable.getReadOnlyProperty();
    }

    /** True while a command is on its way, so a double click does not call in two customers. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
