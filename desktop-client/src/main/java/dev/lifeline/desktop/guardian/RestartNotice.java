package dev.lifeline.desktop.guardian;

import dev.lifeline.desktop.ui.ViewLoader;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small window a desktop the guardian started again shows beside its main window: the agent learns why the
 * window blinked, and that nothing needs doing. It closes by itself, and never blocks the Reconnecting modal.
 */
public final class RestartNotice {

    public static final String TITLE = "Lifeline restarted after a problem";
    private static final Logger log = LoggerFactory.getLogger(RestartNotice.class);
    static final Duration SHOWN_FOR = Duration.seconds(20);

    private RestartNotice() {
    }

    /** Shows the notice for {@code reason} ("it was killed (SIGKILL)"); call on the FX thread. */
    public static Stage show(Stage owner, String reason) {
        Label text = new Label("The desktop stopped unexpectedly (" + reason + ") and was started again. "
                + "You are being signed in again; a call that was in progress comes back to you by itself.");
        text.setId("restartNoticeText");
        text.setWrapText(true);
        text.setMaxWidth(360);
        Button ok = new Button("OK");
        ok.setId("restartNoticeOk");
        ok.setDefaultButton(true);
        VBox content = new VBox(12, text, ok);
        content.setPadding(new Insets(16));
        content.setId("restartNotice");

        Stage notice = new Stage();
        notice.initOwner(owner);
        notice.initModality(Modality.NONE);
        notice.setTitle(TITLE);
        Scene scene = new Scene(content);
        scene.getStylesheets().add(ViewLoader.stylesheet());
        notice.setScene(scene);
        ok.setOnAction(event -> notice.close());
        PauseTransition autoClose = new PauseTransition(SHOWN_FOR);
        autoClose.setOnFinished(event -> notice.close());
        notice.show();
        autoClose.play();
        log.info("restart notice shown: {}", reason);
        return notice;
    }
}
