package dev.lifeline.desktop.dialpad;

import dev.lifeline.desktop.ui.Failures;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.outbound.CallPlaced;
import dev.lifeline.model.outbound.PlaceCall;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dial pad: a number the agent types or picks from the recent ones, and the Call button. A number that is not
 * E.164 is refused here, before the server is asked; what the server refuses (not Available, already on a call, no
 * softphone) comes back as {@link #refusalProperty() a refusal} the view shows in a dialog. Nothing can be dialled
 * while a call is on the desk or while a call is being placed.
 */
public final class DialPadViewModel {

    private static final Logger log = LoggerFactory.getLogger(DialPadViewModel.class);

    private final Function<String, CompletableFuture<CallPlaced>> server;
    private final RecentNumbers recentStore;
    private final UiExecutor ui;
    private final StringProperty number = new SimpleStringProperty("");
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper placing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper("");
    private final BooleanBinding disabled;
    private final BooleanBinding canCall;

    /**
     * @param server places a call to an E.164 number ({@code POST /api/me/calls})
     * @param onCall true while the desk has a call: the pad is disabled then
     */
    public DialPadViewModel(Function<String, CompletableFuture<CallPlaced>> server, RecentNumbers recentStore,
                            ObservableBooleanValue onCall, UiExecutor ui) {
        this.server = server;
        this.recentStore = recentStore;
        this.ui = ui;
        this.recent.setAll(recentStore.load());
        this.disabled = Bindings.createBooleanBinding(() -> onCall.get() || placing.get(), onCall, placing);
        this.canCall = Bindings.createBooleanBinding(() -> !disabled.get() && !number.get().isBlank(), disabled, number);
    }

    /** A dial pad key: digits, {@code *}, {@code #}, and {@code +} as the first character. */
    public void press(char key) {
        if (disabled.get()) {
            return;
        }
        if (Character.isDigit(key) || key == '*' || key == '#' || (key == '+' && number.get().isEmpty())) {
            number.set(number.get() + key);
        }
    }

    /** A recent number picked from the list goes into the field (the agent still presses Call). */
    public void pick(String recentNumber) {
        if (!disabled.get() && recentNumber != null) {
            number.set(recentNumber);
        }
    }

    public void call() {
        if (!canCall.get()) {
            return;
        }
        String to = PlaceCall.normalised(number.get());
        if (!PlaceCall.isE164(to)) {
            refusal.set("\"" + number.get().strip() + "\" is not a number that can be called. Type it with + and the "
                    + "country code, like +15551230002.");
            return;
        }
        placing.set(true);
        refusal.set("");
        server.apply(to).whenComplete((placed, failure) -> ui.execute(() -> {
            placing.set(false);
            if (failure != null) {
                refusal.set(Failures.text(failure));
                return;
            }
            number.set("");
            try {
                recent.setAll(recentStore.remember(to));
            } catch (IOException e) {
                log.warn("the recent numbers could not be saved: {}", e.toString());
            }
        }));
    }

    /** The dialog was closed: the next refusal shows again even if it says the same. */
    public void refusalSeen() {
        refusal.set("");
    }

    public StringProperty numberProperty() {
        return number;
    }

    public ObservableList<String> recent() {
        return recent;
    }

    public BooleanBinding disabledProperty() {
        return disabled;
    }

    public BooleanBinding canCallProperty() {
        return canCall;
    }

    public ReadOnlyBooleanProperty placingProperty() {
        return placing.getReadOnlyProperty();
    }

    /** Why the last call was not placed, in the server's words; empty when nothing is to be shown. */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }
}
