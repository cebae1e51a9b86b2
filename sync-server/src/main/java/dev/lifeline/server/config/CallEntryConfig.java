package dev.lifeline.server.config;

import dev.lifeline.server.entry.BusinessHours;
import dev.lifeline.server.entry.EntryMenu;
import dev.lifeline.server.entry.EntrySettings;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code entry.*}, {@code wait.*} and {@code routing.file} keys (issue 19); a value that cannot be used stops
 * the start, naming its key.
 */
final class CallEntryConfig {

    private CallEntryConfig() {
    }

    static EntrySettings from(ConfigSource source, int reconnectPriority) {
        String zone = source.string("entry.time-zone", "UTC");
        try {
            BusinessHours.of(zone, List.of(), List.of());
        } catch (IllegalArgumentException e) {
            throw source.problem("entry.time-zone", e.getMessage());
        }
        try {
            BusinessHours.of(zone, source.list("entry.hours"), List.of());
        } catch (IllegalArgumentException e) {
            throw source.problem("entry.hours", e.getMessage());
        }
        BusinessHours hours;
        try {
            hours = BusinessHours.of(zone, source.list("entry.hours"), source.list("entry.holidays"));
        } catch (IllegalArgumentException e) {
            throw source.problem("entry.holidays", e.getMessage());
        }
        EntryMenu menu;
        try {
            menu = EntryMenu.of(source.list("entry.menu"), source.string("entry.menu-prompt", ""));
        } catch (IllegalArgumentException e) {
            throw source.problem("entry.menu", e.getMessage());
        }
        Set<String> vips = new LinkedHashSet<>();
        for (String number : source.list("entry.vip-numbers")) {
            if (!dev.lifeline.model.outbound.PlaceCall.isE164(number)) {
                throw source.problem("entry.vip-numbers", "must be numbers in E.164 (like +15551230001), got '" + number + "'");
            }
            vips.add(number);
        }
        // A reconnect must stay first in the queue: "reconnects keep top priority".
        int vipPriority = source.integer("entry.vip-priority", Math.min(EntrySettings.DEFAULT_VIP_PRIORITY,
                Math.max(0, reconnectPriority - 1)), 0, Math.max(0, reconnectPriority - 1));
        Duration announceEvery = source.duration("wait.announce-every", EntrySettings.DEFAULT_ANNOUNCE_EVERY);
        if (announceEvery.compareTo(Duration.ofSeconds(5)) < 0 || announceEvery.compareTo(Duration.ofMinutes(30)) > 0) {
            throw source.problem("wait.announce-every", "must be between 5s and 30m, got " + announceEvery);
        }
        Duration maxWait = source.duration("wait.max-wait", Duration.ZERO);
        if (maxWait.isNegative()) {
            throw source.problem("wait.max-wait", "must be zero (never) or positive, got " + maxWait);
        }
        String holdMusic = source.string("wait.hold-music-url", "/media/hold-music.wav");
        if (!holdMusic.startsWith("/") && !holdMusic.startsWith("http://") && !holdMusic.startsWith("https://")) {
            throw source.problem("wait.hold-music-url", "must be a path of this server (/…) or an http(s) URL, got '"
                    + holdMusic + "'");
        }
        Duration holdMusicLength = source.duration("wait.hold-music-length", EntrySettings.DEFAULT_HOLD_MUSIC_LENGTH);
        if (holdMusicLength.compareTo(Duration.ofSeconds(1)) < 0) {
            throw source.problem("wait.hold-music-length", "must be at least 1s, got " + holdMusicLength);
        }
        return new EntrySettings(hours, source.string("entry.closed-message", EntrySettings.DEFAULT_CLOSED_MESSAGE), menu,
                vips, vipPriority, announceEvery, maxWait, holdMusic, holdMusicLength);
    }

    /** {@code routing.file}: the versioned routing file; none = every caller to {@code Everyone}. */
    static dev.lifeline.server.routing.RoutingPlan routing(ConfigSource source) {
        String file = source.string("routing.file", "");
        if (file.isBlank()) {
            return dev.lifeline.server.routing.RoutingPlan.none();
        }
        try {
            return dev.lifeline.server.routing.RoutingFile.load(java.nio.file.Path.of(file));
        } catch (IllegalArgumentException e) {
            throw source.problem("routing.file", e.getMessage());
        }
    }
}
