package dev.lifeline.desktop.app;

import javafx.application.Application;

/**
 * The desktop's {@code main}. A plain class rather than the {@link Application} subclass, so the JavaFX runtime
 * can be on the classpath (jpackage images, {@code java -cp}) without the launcher check failing.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args, System.getenv());
        } catch (LaunchOptions.BadOption e) {
            System.err.println("lifeline-desktop: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.warning() != null) {
            System.err.println("lifeline-desktop: warning: " + options.warning());
        }
        if (options.version()) {
            System.out.println("lifeline-desktop " + Version.current());
            return;
        }
        DesktopApplication.options(options);
        try {
            Application.launch(DesktopApplication.class);
        } catch (RuntimeException e) {
            // Typically no display ("Unable to open DISPLAY"): one line, not a stack trace.
            System.err.println("lifeline-desktop: the window could not be opened: " + rootMessage(e));
            System.exit(1);
        }
        // The FX toolkit is gone; OkHttp's idle threads must not keep the process alive.
        System.exit(0);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
