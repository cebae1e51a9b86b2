package dev.lifeline.server.callbacks;

import dev.lifeline.model.outbound.PlaceCall;
import dev.lifeline.server.entry.EntrySettings;
import dev.lifeline.server.http.PublicUrls;
import dev.lifeline.server.inbound.CallbackOffer;
import dev.lifeline.server.inbound.IncomingCall;
import dev.lifeline.server.twilio.Twiml;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The callback offer callers hear (issues 19 and 20): outside business hours, and once a queued caller has waited
 * {@code wait.max-wait}, "press 1" — answered by {@link InQueueCallbackRoutes}, which keeps the caller's place: the
 * callback is requested when they entered the queue, at their call's priority (a VIP's, or TaskRouter's default 0).
 * A caller whose number cannot be called back (withheld, not E.164) is not offered one.
 */
public final class PressOneOffer implements CallbackOffer {

    private final String publicBaseUrl;
    private final EntrySettings entry;
    private final Clock clock;
    private final String holdMusicUrl;

    public PressOneOffer(String publicBaseUrl, EntrySettings entry, Clock clock) {
        this.publicBaseUrl = publicBaseUrl;
        this.entry = entry;
        this.clock = clock;
        this.holdMusicUrl = PublicUrls.absolute(publicBaseUrl, entry.holdMusicUrl());
    }

    @Override
    public Optional<String> whenClosed(IncomingCall call) {
        if (!PlaceCall.isE164(call.from())) {
            return Optional.empty();
        }
        return Optional.of(Twiml.offer(entry.closedMessage() + " To be called back on this number, press 1.",
                InQueueCallbackRoutes.actionUrl(publicBaseUrl, clock.instant(), priorityOf(call.from())), null, 0));
    }

    @Override
    public Optional<String> afterMaxWait(WaitingCall call) {
        if (!PlaceCall.isE164(call.from())) {
            return Optional.empty();
        }
        Instant entered = clock.instant().minus(call.queueTime());
        long loops = Math.max(1, entry.announceEvery().toMillis() / Math.max(1, entry.holdMusicLength().toMillis()));
        return Optional.of(Twiml.offer("Thank you for waiting. To keep your place in line and be called back on this "
                        + "number, press 1. Or stay on the line.",
                InQueueCallbackRoutes.actionUrl(publicBaseUrl, entered, priorityOf(call.from())), holdMusicUrl, (int) loops));
    }

    private int priorityOf(String from) {
        return entry.vipNumbers().contains(from) ? entry.vipPriority() : 0;
    }
}
