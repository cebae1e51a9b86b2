package dev.lifeline.desktop.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCombination;

/** Keyboard shortcuts for buttons: a shortcut does what its button would, and only while the button can be clicked. */
public final class Shortcuts {

    private Shortcuts() {
    }

    public static void install(Scene scene, KeyCombination keys, Button button) {
        scene.getAccelerators().put(keys, () -> {
            if (isShown(button) && !button.isDisabled()) {
                button.fire();
            }
        });
    }

    private static boolean isShown(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
