package dev.lifeline.desktop.dialpad;

import dev.lifeline.desktop.phone.KeypadViewModel;
import dev.lifeline.desktop.ui.RefusalDialog;
import dev.lifeline.desktop.ui.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * The dial pad card: the number field, the keys (the call keypad's layout, {@link KeypadViewModel#KEYS}, plus
 * {@code +}), the Call button and the recent numbers (a click puts one in the field). A
 * refused call opens a dialog ({@code #callRefusedDialog}) with the reason.
 */
public final class DialPadView {

    private final DialPadViewModel pad;
    private final Parent root;

    @FXML private TextField dialNumber;
    @FXML private GridPane dialKeys;
    @FXML private Button dialCallButton;
    @FXML private ListView<String> recentNumbers;

    public DialPadView(DialPadViewModel pad) {
        this.pad = pad;
        this.root = ViewLoader.load(this);
    }

    @FXML
    private void initialize() {
        dialNumber.textProperty().bindBidirectional(pad.numberProperty());
        dialNumber.disableProperty().bind(pad.disabledProperty());
        dialNumber.setOnAction(event -> pad.call());
        for (int i = 0; i < KeypadViewModel.KEYS.size(); i++) {
            char key = KeypadViewModel.KEYS.get(i);
            dialKeys.add(key(key, "dial" + (key == '*' ? "Star" : key == '#' ? "Hash" : String.valueOf(key))), i % 3, i / 3);
        }
        dialKeys.add(key('+', "dialPlus"), 1, KeypadViewModel.KEYS.size() / 3);
        dialCallButton.disableProperty().bind(pad.canCallProperty().not());
        dialCallButton.setOnAction(event -> pad.call());
        recentNumbers.setItems(pad.recent());
        recentNumbers.disableProperty().bind(pad.disabledProperty());
        // Picking puts the number in the field; the agent still presses Call (no call from a stray click).
        recentNumbers.getSelectionModel().selectedItemProperty().addListener((obs, old, picked) -> {
            if (picked != null) {
                pad.pick(picked);
            }
        });
        pad.recent().addListener((javafx.collections.ListChangeListener<String>) change ->
                recentNumbers.getSelectionModel().clearSelection());
        pad.refusalProperty().addListener((obs, old, reason) -> {
            if (!reason.isEmpty()) {
                showRefusal(reason);
            }
        });
    }

    private Button key(char key, String id) {
        Button button = new Button(String.valueOf(key));
        button.setId(id);
        button.setFocusTraversable(false);
        button.disableProperty().bind(pad.disabledProperty());
        button.setOnAction(event -> pad.press(key));
        return button;
    }

    private void showRefusal(String reason) {
        RefusalDialog.show(root, "Call not placed", "The call was not placed", reason, "callRefusedDialog", pad::refusalSeen);
    }

    public Parent root() {
        return root;
    }
}
