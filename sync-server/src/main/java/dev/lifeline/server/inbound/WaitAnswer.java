package dev.lifeline.server.inbound;

import dev.lifeline.server.entry.EntrySettings;
import dev.lifeline.server.http.PublicUrls;
import dev.lifeline.server.twilio.Twiml;
import dev.lifeline.server.waiting.AcceptanceLog;
import dev.lifeline.server.waiting.WaitEstimator;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The waitUrl document of a queued caller: their position and estimated wait (see {@link WaitEstimator}), then hold
 * music for {@code wait.announce-every}; Twilio asks again when it ends, so the caller hears a fresh position at that
 * rhythm. After {@code wait.max-wait} the {@link CallbackOffer} may answer instead.
 */
public final class WaitAnswer {

    private final EntrySettings settings;
    private final AcceptanceLog acceptances;
    private final Clock clock;
    private final CallbackOffer callbackOffer;
    private final String holdMusicUrl;

    /** @param publicBaseUrl where Twilio fetches the server's own hold music (a relative {@code wait.hold-music-url}) */
    public WaitAnswer(EntrySettings settings, AcceptanceLog acceptances, Clock clock, CallbackOffer callbackOffer,
                      String publicBaseUrl) {
        this.settings = settings;
        this.acceptances = acceptances;
        this.clock = clock;
        this.callbackOffer = callbackOffer;
        this.holdMusicUrl = PublicUrls.absolute(publicBaseUrl, settings.holdMusicUrl());
    }

    /** @param params the waitUrl request's parameters ({@code QueuePosition}, {@code QueueTime}, …) and its query */
    public String answer(Map<String, String> params) {
        int position = number(params.get("QueuePosition"));
        Duration queueTime = Duration.ofSeconds(Math.max(0, number(params.get("QueueTime"))));
        String skill = params.getOrDefault("skill", "");
        if (!settings.maxWait().isZero() && queueTime.compareTo(settings.maxWait()) >= 0) {
            Optional<String> offer = callbackOffer.afterMaxWait(new CallbackOffer.WaitingCall(params.get("CallSid"),
                    params.get("From"), skill, position, queueTime));
            if (offer.isPresent()) {
                return offer.get();
            }
        }
        return Twiml.waiting(announcement(position, WaitEstimator.estimate(acceptances.of(skill), position,
                clock.instant())), holdMusicUrl, settings.holdMusicLoops());
    }

    /** Hold music with a thank-you and no figures: what a waiting caller gets when the figures cannot be had. */
    public String withoutFigures() {
        return Twiml.waiting(announcement(0, Optional.empty()), holdMusicUrl, settings.holdMusicLoops());
    }

    /** What the caller hears; public for the tests that read it back from the emulator. */
    public static String announcement(int position, Optional<Duration> estimate) {
        if (position < 1) {
            return "Thank you for waiting. An agent will be with you shortly.";
        }
        String place = position == 1 ? "You are next in the queue." : "You are number " + position + " in the queue.";
        return estimate.map(wait -> place + " Your estimated wait is " + spoken(wait) + ".").orElse(place);
    }

    private static String spoken(Duration wait) {
        long minutes = (wait.toSeconds() + 59) / 60; // rounded up: a caller told "1 minute" minds waiting 90 s
        if (minutes <= 1) {
            return wait.toSeconds() < 60 ? "less than a minute" : "about 1 minute";
        }
        return "about " + minutes + " minutes";
    }

    private static int number(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
