package dev.lifeline.desktop.phone;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;

/**
 * The status bar's phone line ("Phone ready", or why not), bound to a {@link PhoneStatusViewModel}; coloured by the
 * {@code :problem} pseudo-class when the agent should look.
 */
public final class PhoneStatusView {

    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    private final Label root = new Label();

    public PhoneStatusView(PhoneStatusViewModel status) {
        root.setId("phoneStatus");
        root.getStyleClass().add("phone-status");
        root.setMinWidth(Label.USE_PREF_SIZE);
        root.textProperty().bind(status.textProperty());
        root.pseudoClassStateChanged(PROBLEM, status.problemProperty().get());
        status.problemProperty().addListener((obs, old, now) -> root.pseudoClassStateChanged(PROBLEM, now));
    }

    public Label root() {
        return root;
    }
}
