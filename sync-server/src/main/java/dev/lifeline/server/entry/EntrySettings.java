package dev.lifeline.server.entry;

import java.time.Duration;
import java.util.Set;

/**
 * How callers are met and kept while they wait (issue 19; the {@code entry.*} and {@code wait.*} keys of the README's
 * configuration table).
 *
 * @param hours           when calls are taken; outside them the caller hears {@code closedMessage} and the call ends
 * @param closedMessage   what a caller hears outside business hours
 * @param menu            the optional DTMF menu that sets the task's {@code skill}
 * @param vipNumbers      callers (E.164) whose task gets {@code vipPriority} and {@code "vip": true}
 * @param vipPriority     the task priority of a VIP caller (a reconnect's {@code recovery.reconnect-priority} stays above it)
 * @param announceEvery   how often a waiting caller hears their position and estimated wait
 * @param maxWait         after this long in the queue the callback offer is made (once callbacks exist); zero = never
 * @param holdMusicUrl    the hold music between announcements; relative URLs are the server's own
 * @param holdMusicLength how long one play of {@code holdMusicUrl} lasts, to loop it for {@code announceEvery}
 */
public record EntrySettings(BusinessHours hours, String closedMessage, EntryMenu menu, Set<String> vipNumbers,
                            int vipPriority, Duration announceEvery, Duration maxWait, String holdMusicUrl,
                            Duration holdMusicLength) {

    public static final String DEFAULT_CLOSED_MESSAGE =
            "Thank you for calling. We are closed now. Please call again during our opening hours.";
    public static final Duration DEFAULT_ANNOUNCE_EVERY = Duration.ofSeconds(30);
    /** The built-in {@code /media/hold-music.wav} lasts 8 s (64,000 samples at 8 kHz); see {@code RecoveryAudioRoutes}. */
    public static final Duration DEFAULT_HOLD_MUSIC_LENGTH = Duration.ofSeconds(8);
    public static final int DEFAULT_VIP_PRIORITY = 100;

    public EntrySettings {
        vipNumbers = Set.copyOf(vipNumbers);
    }

    /** No hours, no menu, no VIPs: every caller is queued at once, as before issue 19. */
    public static EntrySettings plain(String holdMusicUrl, Duration holdMusicLength) {
        return new EntrySettings(BusinessHours.always(), DEFAULT_CLOSED_MESSAGE, EntryMenu.none(), Set.of(),
                DEFAULT_VIP_PRIORITY, DEFAULT_ANNOUNCE_EVERY, Duration.ZERO, holdMusicUrl, holdMusicLength);
    }

    /** How many plays of the hold music fill one announcement interval (at least one). */
    public int holdMusicLoops() {
        long length = Math.max(1, holdMusicLength.toMillis());
        return (int) Math.max(1, Math.min(100, (announceEvery.toMillis() + length - 1) / length));
    }
}
