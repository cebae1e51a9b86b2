package dev.lifeline.desktop.ui;

import javafx.application.Platform;

/** {@link UiExecutor} on the JavaFX application thread: runs at once when already on it, else later on it. */
public final class FxThread implements UiExecutor {

    public static final FxThread INSTANCE = new FxThread();

    private FxThread() {
    }

    @Override
    public void execute(Runnable work) {
        if (Platform.isFxApplicationThread()) {
            work.run();
        } else {
            Platform.runLater(work);
        }
    }
}
