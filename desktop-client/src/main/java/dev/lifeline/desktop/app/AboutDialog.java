package dev.lifeline.desktop.app;

import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;

/** The About box (F1 anywhere in the window): which Lifeline desktop this is, for support calls. */
final class AboutDialog {

    private AboutDialog() {
    }

    /**
     * A scene filter survives every screen change (login, agent desk, supervisor panel).
     *
     * @param savedSignIn where the saved sign-in is kept (issue 14: which credential store, or the file's path)
     */
    static void installOn(Scene scene, Supplier<String> savedSignIn) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.F1) {
                event.consume();
                show(scene.getWindow(), savedSignIn.get());
            }
        });
    }

    static Alert show(Window owner, String savedSignIn) {
        Alert about = new Alert(Alert.AlertType.INFORMATION, text(savedSignIn), ButtonType.OK);
        about.initOwner(owner);
        about.setTitle("About Lifeline");
        about.setHeaderText("Lifeline Desktop " + Version.current());
        about.getDialogPane().setId("aboutDialog");
        about.show();
        return about;
    }

    static String text(String savedSignIn) {
        return "Keeps your customer on the line when this desktop dies mid-call, and brings the call back to you.\n"
                + "Version " + Version.current() + " · Java " + System.getProperty("java.version")
                + " · JavaFX " + System.getProperty("javafx.runtime.version", "?") + "\n"
                + "Saved sign-in: " + savedSignIn;
    }
}
