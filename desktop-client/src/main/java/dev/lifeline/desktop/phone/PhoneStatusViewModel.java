package dev.lifeline.desktop.phone;

import dev.lifeline.desktop.softphone.SoftphoneState;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The softphone's line in the status bar. The owner feeds it {@link SoftphoneState}s from
 * {@code SoftphoneListener.stateChanged} through the UI executor; it never reads the softphone itself.
 */
public final class PhoneStatusViewModel {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(PhoneStatusText.of(SoftphoneState.unregistered()));
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(false);

    public void apply(SoftphoneState state) {
        text.set(PhoneStatusText.of(state));
        ready.set(state.isReady());
        problem.set(state.phase() == SoftphoneState.Phase.FAILED || state.phase() == SoftphoneState.Phase.NONE
                || state.audioProblem() != null);
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** True when the agent should look (a failure, or calls without sound): the view colours the line. */
    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
