package dev.lifeline.desktop.ui;

/**
 * The one door onto the UI thread. Network callbacks (OkHttp, WebSockets, timers) hand their results through it
 * and never touch a JavaFX property themselves. View-model tests pass {@link #DIRECT} and stay plain JUnit.
 */
@FunctionalInterface
public interface UiExecutor {

    /** Runs the work on the calling thread: for view-model unit tests, where the test thread is the UI thread. */
    UiExecutor DIRECT = Runnable::run;

    void execute(Runnable work);
}
