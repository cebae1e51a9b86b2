package dev.lifeline.desktop.app;

import dev.lifeline.desktop.settings.AudioSettingsStore;
import dev.lifeline.desktop.settings.ConfigDirectory;
import dev.lifeline.desktop.settings.RememberedAudioDevice;
import dev.lifeline.desktop.softphone.Softphone;
import dev.lifeline.desktop.softphone.audio.AudioDevice;
import dev.lifeline.desktop.softphone.sip.SipAccount;
import dev.lifeline.desktop.softphone.sip.SipOptions;
import dev.lifeline.desktop.softphone.sip.SipSoftphone;
import dev.lifeline.model.softphone.SoftphoneAccount;
import java.time.Clock;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How one desktop runs: where to sign in (all optional: the login window asks), the softphone, and the timings
 * tests shorten.
 *
 * @param serverUrl        pre-filled server URL; with user and password it signs in by itself
 * @param user             pre-filled user
 * @param password         password for auto sign-in; never shown
 * @param softphones       makes the agent's softphone from the SIP account the server hands the agent
 * @param heartbeatEvery   how often the event stream sends a heartbeat (the server's measure of presence)
 * @param outcomeShownFor  how long the Reconnecting modal shows its outcome before closing
 * @param clock            the desktop's clock (countdowns correct it with the server's time)
 * @param plainHttpAllowed sign in over plain {@code http://} to another machine ({@code --allow-insecure-http});
 *                         refused otherwise
 * @param configDirectory  where the agent's choices on this computer are kept (the audio devices)
 */
public record DesktopConfig(
        String serverUrl,
        String user,
        String password,
        SoftphoneFactory softphones,
        Duration heartbeatEvery,
        Duration outcomeShownFor,
        Clock clock,
        boolean plainHttpAllowed,
        Path configDirectory) {

    /** Makes the agent's softphone once the server handed over the agent's SIP account. */
    @FunctionalInterface
    public interface SoftphoneFactory {
        /** @param account what {@code GET /api/me/softphone} answered for the signed-in agent */
        Softphone create(SoftphoneAccount account);

        /** The SIP softphone on this machine's settings and audio device (each sign-in makes a fresh one). */
        static SoftphoneFactory sip(SipOptions options, AudioDevice audio) {
            return account -> new SipSoftphone(SipAccount.of(account), options, audio);
        }
    }

    public static DesktopConfig defaults() {
        Path configDirectory = ConfigDirectory.forCurrentUser();
        AudioDevice remembered = new RememberedAudioDevice(new AudioSettingsStore(configDirectory));
        return new DesktopConfig(null, null, null, SoftphoneFactory.sip(SipOptions.defaults(), remembered),
                Duration.ofSeconds(5), Duration.ofMillis(2500), Clock.systemUTC(), false, configDirectory);
    }

    public DesktopConfig withServer(String url, String user, String password) {
        return new DesktopConfig(url, user, password, softphones, heartbeatEvery, outcomeShownFor, clock, plainHttpAllowed, configDirectory);
    }

    public DesktopConfig withSoftphones(SoftphoneFactory factory) {
        return new DesktopConfig(serverUrl, user, password, factory, heartbeatEvery, outcomeShownFor, clock, plainHttpAllowed, configDirectory);
    }

    public DesktopConfig withTimings(Duration heartbeat, Duration outcome) {
        return new DesktopConfig(serverUrl, user, password, softphones, heartbeat, outcome, clock, plainHttpAllowed, configDirectory);
    }

    public DesktopConfig withPlainHttpAllowed(boolean allowed) {
        return new DesktopConfig(serverUrl, user, password, softphones, heartbeatEvery, outcomeShownFor, clock, allowed, configDirectory);
    }

    public DesktopConfig withConfigDirectory(Path directory) {
        return new DesktopConfig(serverUrl, user, password, softphones, heartbeatEvery, outcomeShownFor, clock,
                plainHttpAllowed, directory);
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
