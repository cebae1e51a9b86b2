package dev.lifeline.desktop.callbacks;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The agent's way to the Callbacks view: a "Callbacks…" button under the dial pad opens it in a window of its own, so
 * the desk keeps its layout; the lists are read while the window shows.
 */
public final class CallbacksWindow {

    private final CallbacksViewModel model;
    private final Window owner;
    private Stage stage;

    public CallbacksWindow(CallbacksViewModel model, Window owner) {
        this.model = model;
        this.owner = owner;
    }

    /** {@code above} with the "Callbacks…" button under it. */
    public Node withButton(Node above) {
        Button open = new Button("Callbacks…");
        open.setId("openCallbacksButton");
        open.setOnAction(event -> show());
        return new VBox(8, above, open);
    }

    public void show() {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle("Callbacks");
            stage.setScene(new Scene(new CallbacksView(model).root(), 820, 560));
        }
        stage.show();
        stage.toFront();
        model.refresh();
    }

    /** Every second: the view model's poll, while the window shows. */
    public void tick() {
        if (stage != null && stage.isShowing()) {
            model.tick();
        }
    }

    public void close() {
        if (stage != null) {
            stage.close();
        }
    }
}
