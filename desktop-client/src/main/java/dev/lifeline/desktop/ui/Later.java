package dev.lifeline.desktop.ui;

import java.time.Duration;

/**
 * Runs work on the UI thread after a delay: the signed-in session's timer on the desk, a hand-turned list in view-model
 * tests (which then need no clock and no sleep).
 */
@FunctionalInterface
public interface Later {

    void after(Duration delay, Runnable work);
}
