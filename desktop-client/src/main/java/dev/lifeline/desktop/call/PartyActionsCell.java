package dev.lifeline.desktop.call;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;

/**
 * The participants list's controls for one party: Hold / Resume, Mute / Unmute and Remove. Hold and Remove are for the
 * others (the agent leaves with Hang up and holds the customer with the card's Hold); the customer is never removed
 * (their leaving ends the call). Buttons carry the party's call SID in their id ({@code partyHold-CA…}).
 */
final class PartyActionsCell extends TableCell<ParticipantRow, ParticipantRow> {

    private final CallControlsViewModel controls;
    private final ObservableBooleanValue enabled;

    PartyActionsCell(CallControlsViewModel controls, ObservableBooleanValue enabled) {
        this.controls = controls;
        this.enabled = enabled;
    }

    @Override
    protected void updateItem(ParticipantRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setGraphic(null);
            return;
        }
        Button hold = button("partyHold-", row, () -> controls.toggleHold(row));
        hold.textProperty().bind(Bindings.when(row.holdProperty()).then("Resume").otherwise("Hold"));
        hold.disableProperty().bind(Bindings.not(enabled).or(row.meProperty()));
        Button mute = button("partyMute-", row, () -> controls.toggleMute(row));
        mute.textProperty().bind(Bindings.when(row.mutedProperty()).then("Unmute").otherwise("Mute"));
        mute.disableProperty().bind(Bindings.not(enabled));
        Button remove = button("partyRemove-", row, () -> controls.remove(row));
        remove.setText("Remove");
        remove.disableProperty().bind(Bindings.not(enabled).or(row.meProperty()).or(row.customerProperty()));
        setGraphic(new HBox(6, hold, mute, remove));
    }

    private static Button button(String idPrefix, ParticipantRow row, Runnable action) {
        Button button = new Button();
        button.setId(idPrefix + row.callSid());
        button.getStyleClass().addAll("secondary", "party-action");
        button.setFocusTraversable(false);
        button.setOnAction(event -> action.run());
        return button;
    }
}
