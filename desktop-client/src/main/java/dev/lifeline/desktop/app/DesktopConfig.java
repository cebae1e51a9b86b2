package dev.lifeline.desktop.app;

import dev.lifeline.desktop.softphone.EmulatorSoftphone;
import dev.lifeline.desktop.softphone.NoSoftphone;
import dev.lifeline.desktop.softphone.Softphone;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;

/**
 * How one desktop runs: where to sign in (all optional: the login window asks), the softphone, and the timings
 * tests shorten.
 *
 * @param serverUrl        pre-filled server URL; with user and password it signs in by itself
 * @param user             pre-filled user
 * @param password         password for auto sign-in; never shown
 * @param softphones       makes the agent's softphone
 * @param heartbeatEvery   how often the event stream sends a heartbeat (the server's measure of presence)
 * @param outcomeShownFor  how long the Reconnecting modal shows its outcome before closing
 * @param clock            the desktop's clock (countdowns correct it with the server's time)
 */
public record DesktopConfig(
        String serverUrl,
        String user,
        String password,
        SoftphoneFactory softphones,
        Duration heartbeatEvery,
        Duration outcomeShownFor,
        Clock clock) {

    /** Makes the agent's softphone once the desktop knows who signed in. */
    @FunctionalInterface
    public interface SoftphoneFactory {
        Softphone create(OkHttpClient http, ScheduledExecutorService timer);

        /** A softphone on twilio-sim's voice plane at {@code url} with {@code token}, or none when {@code url} is null. */
        static SoftphoneFactory forVoicePlane(String url, String token) {
            return url == null ? (http, timer) -> new NoSoftphone()
                    : (http, timer) -> new EmulatorSoftphone(http, url, token, timer);
        }
    }

    public static DesktopConfig defaults() {
        return new DesktopConfig(null, null, null, SoftphoneFactory.forVoicePlane(null, null), Duration.ofSeconds(5),
                Duration.ofMillis(2500), Clock.systemUTC());
    }

    public DesktopConfig withServer(String url, String user, String password) {
        return new DesktopConfig(url, user, password, softphones, heartbeatEvery, outcomeShownFor, clock);
    }

    public DesktopConfig withSoftphones(SoftphoneFactory factory) {
        return new DesktopConfig(serverUrl, user, password, factory, heartbeatEvery, outcomeShownFor, clock);
    }

    public DesktopConfig withTimings(Duration heartbeat, Duration outcome) {
        return new DesktopConfig(serverUrl, user, password, softphones, heartbeat, outcome, clock);
    }

    /** Signs in by itself when everything needed was given on the command line. */
    public boolean canSignInAutomatically() {
        return serverUrl != null && user != null && password != null && !password.isEmpty();
    }

    @Override
    public String toString() {
        return "DesktopConfig[serverUrl=" + serverUrl + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
