package dev.lifeline.desktop.desk;

import dev.lifeline.desktop.softphone.Softphone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the agent's softphone — which unregisters it ({@code Expires: 0}) and may wait for the registrar's answer —
 * without blocking the thread that signs out (the FX thread), and still before the process ends: a JVM shutdown hook
 * (the launcher's exit after the window closed, or SIGTERM from the OS) waits for the close already under way, or
 * starts it. SIGKILL leaves the binding, as a crash does; the registrar lets it expire.
 */
public final class PhoneCloser implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PhoneCloser.class);
    /** A little more than the softphone waits for its unregister's answer. */
    static final long EXIT_WAIT_SECONDS = 5;

    private final Softphone phone;
    private final Thread onExit;
    private CompletableFuture<Void> closing;

    public PhoneCloser(Softphone phone) {
        this.phone = phone;
        this.onExit = new Thread(this::closeAndWait, "softphone-unregister-on-exit");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** Signing out: the phone closes on its own thread. */
    @Override
    public void close() {
        start();
    }

    private synchronized CompletableFuture<Void> start() {
        if (closing == null) {
            closing = new CompletableFuture<>();
            Thread closer = new Thread(() -> {
                try {
                    phone.close();
                } finally {
                    closing.complete(null);
                    forgetHook();
                }
            }, "softphone-close");
            closer.setDaemon(true);
            closer.start();
        }
        return closing;
    }

    private void closeAndWait() {
        try {
            start().get(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.info("the softphone did not finish closing before the process ended: {}", e.toString());
        }
    }

    private void forgetHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running (it is what waits for this close).
        }
    }
}
