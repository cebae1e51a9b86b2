package dev.lifeline.desktop.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads the FXML named after a view class ({@code LoginView} → {@code LoginView.fxml} beside it) onto that view. */
public final class ViewLoader {

    private ViewLoader() {
    }

    public static Parent load(Object view) {
        Class<?> type = view.getClass();
        URL fxml = type.getResource(type.getSimpleName() + ".fxml");
        if (fxml == null) {
            throw new IllegalStateException("missing " + type.getSimpleName() + ".fxml next to " + type.getName());
        }
        FXMLLoader loader = new FXMLLoader(fxml);
        loader.setController(view);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("could not load " + fxml, e);
        }
    }

    /** The theme every scene uses. */
    public static String stylesheet() {
        return ViewLoader.class.getResource("lifeline.css").toExternalForm();
    }
}
