package dev.lifeline.desktop.app;

import dev.lifeline.desktop.softphone.EmulatorSoftphone;
import dev.lifeline.desktop.softphone.NoSoftphone;
import dev.lifeline.desktop.softphone.Softphone;
import dev.lifeline.desktop.softphone.SoftphoneSettings;
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
 * @param softphones       makes the agent's softphone (by default the one the server offers)
 * @param heartbeatEvery   how often the event stream sends a heartbeat (the server's measure of presence)
 * @param outcomeShownFor  how long the Reconnecting modal shows its outcome before closing
 * @param clock            the desktop's clock (countdowns correct it with the server's time)
 * @param plainHttpAllowed sign in over plain {@code http://} to another machine ({@code --allow-insecure-http});
 *                         refused otherwise
 */
public record DesktopConfig(
        String serverUrl,
        String user,
        String password,
        SoftphoneFactory softphones,
        Duration heartbeatEvery,
        Duration outcomeShownFor,
        Clock clock,
        boolean plainHttpAllowed) {

    /** Makes the agent's softphone once the desktop knows who signed in and what the server offers. */
    @FunctionalInterface
    public interface SoftphoneFactory {
        /** @param offered what {@code GET /api/me/softphone} answered; null when the server offers none */
        Softphone create(OkHttpClient http, ScheduledExecutorService timer, SoftphoneSettings offered);

        /** The softphone the server offers (the normal case); none when it offers none or one this desktop lacks. */
        static SoftphoneFactory offeredByServer() {
            return (http, timer, offered) -> offered != null && offered.isEmulator()
                    ? new EmulatorSoftphone(http, offered.url(), offered.token(), timer) : new NoSoftphone();
        }

        /** A softphone on twilio-sim's voice plane at {@code url} with {@code token}, whatever the server offers. */
        static SoftphoneFactory forVoicePlane(String url, String token) {
            return url == null ? offeredByServer() : (http, timer, offered) -> new EmulatorSoftphone(http, url, token, timer);
        }
    }

    public static DesktopConfig defaults() {
        return new DesktopConfig(null, null, null, SoftphoneFactory.forVoicePlane(null, null), Duration.ofSeconds(5),
                Duration.ofMillis(2500), Clock.systemUTC(), false);
    }

    public DesktopConfig withServer(String url, String user, String password) {
        return new DesktopConfig(url, user, password, softphones, heartbeatEvery, outcomeShownFor, clock, plainHttpAllowed);
    }

    public DesktopConfig withSoftphones(SoftphoneFactory factory) {
        return new DesktopConfig(serverUrl, user, password, factory, heartbeatEvery, outcomeShownFor, clock, plainHttpAllowed);
    }

    public DesktopConfig withTimings(Duration heartbeat, Duration outcome) {
        return new DesktopConfig(serverUrl, user, password, softphones, heartbeat, outcome, clock, plainHttpAllowed);
    }

    public DesktopConfig withPlainHttpAllowed(boolean allowed) {
        return new DesktopConfig(serverUrl, user, password, softphones, heartbeatEvery, outcomeShownFor, clock, allowed);
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
