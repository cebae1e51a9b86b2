package dev.lifeline.desktop.reservations;

import dev.lifeline.desktop.ui.Bind;
import dev.lifeline.desktop.ui.Shortcuts;
import dev.lifeline.desktop.ui.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The incoming call card: caller, ring countdown, Accept / Reject; shown while a call rings. */
public final class ReservationOfferView {

    private final ReservationOfferViewModel offer;
    private final Parent root;

    @FXML private Label ringCountdown;
    @FXML private Label callerName;
    @FXML private Label callerDetails;
    @FXML private ProgressBar ringProgress;
    @FXML private Button acceptButton;
    @FXML private Button rejectButton;
    @FXML private Label offerError;

    public ReservationOfferView(ReservationOfferViewModel offer) {
        this.offer = offer;
        this.root = ViewLoader.load(this);
        Bind.showWhen(root, offer.ringingProperty());
    }

    @FXML
    private void initialize() {
        callerName.textProperty().bind(offer.callerProperty());
        callerDetails.textProperty().bind(offer.detailsProperty());
        ringCountdown.textProperty().bind(offer.countdownProperty());
        ringProgress.progressProperty().bind(offer.ringProgressProperty());
        acceptButton.disableProperty().bind(offer.busyProperty());
        rejectButton.disableProperty().bind(offer.busyProperty());
        acceptButton.setOnAction(event -> offer.accept());
        rejectButton.setOnAction(event -> offer.reject());
        Bind.showText(offerError, offer.errorProperty());
    }

    /** Ctrl+Enter accepts, Ctrl+Backspace rejects (while the card is shown). */
    public void installShortcuts(Scene scene) {
        Shortcuts.install(scene, new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), acceptButton);
        Shortcuts.install(scene, new KeyCodeCombination(KeyCode.BACK_SPACE, KeyCombination.SHORTCUT_DOWN), rejectButton);
    }

    public Parent root() {
        return root;
    }
}
