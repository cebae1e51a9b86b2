package dev.lifeline.desktop.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** The two bindings every view repeats: a node that takes no room while hidden, a message label that hides when empty. */
public final class Bind {

    private Bind() {
    }

    /** Shows the node while the condition holds; hidden, it leaves no gap in its layout. */
    public static void showWhen(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    /** The label shows the text, and only while there is some (an error, a warning, an outcome). */
    public static void showText(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
    }
}
