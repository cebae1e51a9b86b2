package dev.lifeline.desktop.recovery;

import dev.lifeline.desktop.ui.Bind;
import dev.lifeline.desktop.ui.ViewLoader;
import java.time.Duration;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Reconnecting modal: application-modal, undecorated (no close button), deaf to Escape and to window close
 * requests. It opens whenever the agent's incident is open and closes itself only when the incident reaches a
 * terminal phase, after showing the outcome for {@code outcomeShownFor}.
 */
public final class ReconnectModalView {

    private static final Logger log = LoggerFactory.getLogger(ReconnectModalView.class);

    private final RecoveryViewModel model;
    private final Stage stage;
    private final PauseTransition closeLater;

    @FXML private ProgressIndicator reconnectSpinner;
    @FXML private Label reconnectHeadline;
    @FXML private Label reconnectPhase;
    @FXML private Label reconnectRemaining;
    @FXML private HBox reconnectCountdownBox;
    @FXML private Label reconnectCountdownLabel;
    @FXML private Label reconnectCountdown;
    @FXML private Label reconnectOutcome;
    @FXML private Label reconnectFootnote;

    public ReconnectModalView(RecoveryViewModel model, Window owner, Duration outcomeShownFor) {
        this.model = model;
        Parent root = ViewLoader.load(this);
        Scene scene = new Scene(root);
        scene.getStylesheets().add(ViewLoader.stylesheet());
        // The agent must not dismiss it: swallow Escape before any control sees it.
        scene.addEventFilter(KeyEvent.ANY, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                event.consume();
            }
        });
        stage = new Stage(StageStyle.UNDECORATED);
        stage.initOwner(owner);
        stage.initModality(Modality.APPLICATION_MODAL);
        stage.setTitle("Reconnecting");
        stage.setScene(scene);
        stage.setResizable(false);
        stage.addEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, WindowEvent::consume);
        closeLater = new PauseTransition(javafx.util.Duration.millis(outcomeShownFor.toMillis()));
        closeLater.setOnFinished(event -> stage.hide());
        model.openProperty().addListener((obs, wasOpen, isOpen) -> {
            if (isOpen) {
                open();
            } else {
                finish();
            }
        });
        if (model.openProperty().get()) {
            open();
        }
    }

    @FXML
    private void initialize() {
        reconnectHeadline.textProperty().bind(model.headlineProperty());
        reconnectPhase.textProperty().bind(model.phaseProperty());
        Bind.showText(reconnectRemaining, model.remainingProperty());
        reconnectCountdownLabel.textProperty().bind(model.countdownLabelProperty());
        reconnectCountdown.textProperty().bind(model.countdownProperty());
        Bind.showWhen(reconnectCountdownBox, Bindings.isNotEmpty(model.countdownProperty()));
        Bind.showText(reconnectOutcome, model.outcomeProperty());
        reconnectSpinner.visibleProperty().bind(model.openProperty());
        Bind.showWhen(reconnectPhase, model.openProperty());
        Bind.showWhen(reconnectFootnote, model.openProperty());
    }

    private void open() {
        closeLater.stop();
        if (!stage.isShowing()) {
            stage.show();
            log.info("reconnect modal shown");
            centerOnOwner();
        }
        stage.toFront();
    }

    private void finish() {
        if (stage.isShowing()) {
            stage.sizeToScene();
            closeLater.playFromStart();
        }
    }

    private void centerOnOwner() {
        Window owner = stage.getOwner();
        if (owner != null && owner.isShowing()) {
            stage.setX(owner.getX() + (owner.getWidth() - stage.getWidth()) / 2);
            stage.setY(owner.getY() + (owner.getHeight() - stage.getHeight()) / 3);
        }
    }

    /** Takes the modal down for good (sign-out); the next sign-in builds a new one from the server's state. */
    public void dispose() {
        closeLater.stop();
        stage.hide();
    }

    public Stage stage() {
        return stage;
    }

    public boolean isShowing() {
        return stage.isShowing();
    }
}
