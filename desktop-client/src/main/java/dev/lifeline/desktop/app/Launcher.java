package dev.lifeline.desktop.app;

import dev.lifeline.desktop.credentials.CredentialStores;
import dev.lifeline.desktop.guardian.Guardian;
import dev.lifeline.desktop.guardian.GuardianMode;
import dev.lifeline.desktop.guardian.RestartPolicy;
import javafx.application.Application;

/**
 * The desktop's {@code main}. A plain class rather than the {@link Application} subclass, so the JavaFX runtime
 * can be on the classpath (jpackage images, {@code java -cp}) without the launcher check failing.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        GuardianMode mode;
        LaunchOptions options;
        try {
            mode = GuardianMode.of(args, System.getenv());
            options = LaunchOptions.parse(mode.desktopArgsArray(), System.getenv());
            CredentialStores.Choice.of(System.getenv()); // issue 14: a bad LIFELINE_CREDENTIAL_STORE is one line, here
        } catch (GuardianMode.BadSetting | LaunchOptions.BadOption | IllegalArgumentException e) {
            System.err.println("lifeline-desktop: " + e.getMessage());
            System.exit(RestartPolicy.USAGE_ERROR);
            return;
        }
        if (options.warning() != null) {
            System.err.println("lifeline-desktop: warning: " + options.warning());
        }
        if (options.version()) {
            System.out.println("lifeline-desktop " + Version.current());
            return;
        }
        if (mode.guard() && !options.exitAfterFirstFrame()) {
            Guardian guardian = Guardian.forThisProgram(Launcher.class.getName(), mode.desktopArgs());
            Runtime.getRuntime().addShutdownHook(new Thread(guardian::stop, "lifeline-guardian-stop"));
            System.exit(guardian.run());
            return;
        }
        DesktopApplication.options(options, mode.restartReason());
        try {
            Application.launch(DesktopApplication.class);
        } catch (RuntimeException e) {
            // Typically no display ("Unable to open DISPLAY"): one line, not a stack trace.
            System.err.println("lifeline-desktop: the window could not be opened: " + rootMessage(e));
            System.exit(RestartPolicy.CANNOT_RUN);
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
