package dev.lifeline.desktop.call;

import dev.lifeline.desktop.ui.Bind;
import dev.lifeline.desktop.ui.ViewLoader;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The wrap-up card: one line per task to finish, with its Wrap up / Complete button, locked during a recovery. */
public final class WrapUpView {

    private final WrapUpViewModel wrapUp;
    private final Parent root;

    @FXML private Label wrapUpBlocked;
    @FXML private VBox wrapUpList;
    @FXML private Label wrapUpEmpty;
    @FXML private Label wrapUpError;

    public WrapUpView(WrapUpViewModel wrapUp) {
        this.wrapUp = wrapUp;
        this.root = ViewLoader.load(this);
    }

    @FXML
    private void initialize() {
        Bind.showWhen(wrapUpBlocked, wrapUp.blockedProperty());
        Bind.showWhen(wrapUpEmpty, Bindings.isEmpty(wrapUp.rows()));
        wrapUp.rows().addListener((ListChangeListener<WrapUpRow>) change -> renderRows());
        renderRows();
        Bind.showText(wrapUpError, wrapUp.errorProperty());
    }

    private void renderRows() {
        wrapUpList.getChildren().setAll(wrapUp.rows().stream().map(this::line).toList());
    }

    private Node line(WrapUpRow row) {
        Label title = new Label(row.title());
        title.getStyleClass().add("wrap-up-title");
        Label status = new Label(row.statusText());
        status.getStyleClass().add("muted-text");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button action = new Button(row.actionText());
        action.setId("wrapUpAction-" + row.taskSid());
        action.getStyleClass().addAll("wrap-up-action", "secondary");
        action.disableProperty().bind(wrapUp.blockedProperty());
        action.setOnAction(event -> wrapUp.act(row));
        HBox line = new HBox(10, title, status, gap, action);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("wrap-up-row");
        return line;
    }

    public Parent root() {
        return root;
    }
}
