package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.TwilioApiException;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The query of a statistics request: the window ({@code StartDate}, {@code EndDate}, {@code Minutes}; Twilio's
 * default is the last 15 minutes), the {@code TaskChannel} filter and the {@code SplitByWaitTime} thresholds.
 * Validated before anything is computed, so a bad parameter is a 400 naming it.
 */
record StatisticsQuery(Instant start, Instant end, String taskChannel, List<Long> splitByWaitTime) {

    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

    static StatisticsQuery of(Context ctx, Instant now) {
        Instant end = date(ctx, "EndDate", now);
        Instant start;
        if (ctx.queryParam("StartDate") != null) {
            start = date(ctx, "StartDate", null);
        } else if (ctx.queryParam("Minutes") != null) {
            start = end.minus(Duration.ofMinutes(positive(ctx, "Minutes")));
        } else {
            start = end.minus(DEFAULT_WINDOW);
        }
        if (start.isAfter(end)) {
            throw TwilioApiException.badRequest("StartDate must not be after EndDate");
        }
        List<Long> thresholds = new ArrayList<>();
        String split = ctx.queryParam("SplitByWaitTime");
        if (split != null && !split.isBlank()) {
            for (String part : split.split(",")) {
                try {
                    long seconds = Long.parseLong(part.trim());
                    if (seconds < 0) {
                        throw new NumberFormatException();
                    }
                    thresholds.add(seconds);
                } catch (NumberFormatException e) {
                    throw TwilioApiException.badRequest("SplitByWaitTime must be a comma-separated list of seconds, got '"
                            + split + "'");
                }
            }
        }
        return new StatisticsQuery(start, end, ctx.queryParam("TaskChannel"), List.copyOf(thresholds));
    }

    /** Whether a task on {@code channelSid} is counted: no filter, or the channel's SID or unique name. */
    boolean counts(Workspace ws, String channelSid) {
        if (taskChannel == null) {
            return true;
        }
        if (channelSid == null) {
            return false;
        }
        TaskChannel channel = ws.channels.get(channelSid);
        return taskChannel.equals(channelSid) || (channel != null && taskChannel.equals(channel.uniqueName));
    }

    private static Instant date(Context ctx, String name, Instant fallback) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        // In GMT; twilio-java sends it without a zone ("2026-01-05T09:15:00"), other clients with Z or an offset.
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw TwilioApiException.badRequest(name + " must be an ISO 8601 date-time, got '" + value + "'");
            }
        }
    }

    private static long positive(Context ctx, String name) {
        String value = ctx.queryParam(name);
        try {
            long parsed = Long.parseLong(value);
            if (parsed < 1) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw TwilioApiException.badRequest(name + " must be a positive number of minutes, got '" + value + "'");
        }
    }
}
