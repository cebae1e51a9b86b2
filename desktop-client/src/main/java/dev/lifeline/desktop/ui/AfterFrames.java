package dev.lifeline.desktop.ui;

import javafx.animation.AnimationTimer;

/**
 * Runs something on the UI thread once the scene graph has been rendered a few more times: what was just shown
 * (a window, a modal) is on screen before a long piece of UI work holds the thread.
 */
public final class AfterFrames {

    private AfterFrames() {
    }

    /** Call on the UI thread; {@code then} runs on it after {@code frames} pulses. */
    public static void run(int frames, Runnable then) {
        new AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen >= frames) {
                    stop();
                    then.run();
                }
            }
        }.start();
    }
}
