package dev.lifeline.desktop.ui;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/** The dialog that says why something was not done: a warning with the reason, owned by the window of the view asking. */
public final class RefusalDialog {

    private RefusalDialog() {
    }

    /**
     * @param from     a node of the view that asks (its window owns the dialog when it is shown)
     * @param id       the dialog pane's id, for tests
     * @param onHidden run when the dialog is closed (the view model forgets the refusal, so the same one shows again)
     */
    public static Alert show(Node from, String title, String header, String reason, String id, Runnable onHidden) {
        Alert refused = new Alert(Alert.AlertType.WARNING, reason, ButtonType.OK);
        if (from.getScene() != null) {
            refused.initOwner(from.getScene().getWindow());
        }
        refused.setTitle(title);
        refused.setHeaderText(header);
        refused.getDialogPane().setId(id);
        refused.setOnHidden(event -> onHidden.run());
        refused.show();
        return refused;
    }
}
