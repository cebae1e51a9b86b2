package dev.lifeline.server.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.server.entry.EntrySettings;
import dev.lifeline.server.twilio.Twiml;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a caller hears first: outside business hours the closed message (or the callback offer); else the menu when
 * one is configured; else the queue on the voice workflow with the call's {@code from}, {@code to} and
 * {@code call_sid} on the task (plus {@code skill} from the menu, {@code vip} and its priority for the VIP list), and
 * the waitUrl that gives position and hold music. When the call cannot be queued (no workflow yet, a request without a
 * call) a spoken apology, never an error Twilio would read to the caller as "an application error has occurred". The
 * TwiML itself is built in {@link Twiml}.
 */
public final class CallEntry {

    private static final Logger log = LoggerFactory.getLogger(CallEntry.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<String> voiceWorkflowSid;
    private final EntrySettings settings;
    private final Clock clock;
    private final CallbackOffer callbackOffer;
    private final String publicBaseUrl;

    /** Queues every caller at once, without waitUrl (Twilio's default hold music): what a bare server does. */
    public CallEntry(Supplier<String> voiceWorkflowSid) {
        this(voiceWorkflowSid, EntrySettings.plain(null, EntrySettings.DEFAULT_HOLD_MUSIC_LENGTH), Clock.systemUTC(),
                CallbackOffer.NONE, null);
    }

    /**
     * @param voiceWorkflowSid the workflow callers are queued on; null or blank while there is none
     * @param clock            what business hours are read by (the emulator's in sim mode, so tests move it)
     * @param publicBaseUrl    where Twilio reaches this server (menu action, waitUrl); null = no waitUrl
     */
    public CallEntry(Supplier<String> voiceWorkflowSid, EntrySettings settings, Clock clock, CallbackOffer callbackOffer,
                     String publicBaseUrl) {
        this.voiceWorkflowSid = voiceWorkflowSid;
        this.settings = settings;
        this.clock = clock;
        this.callbackOffer = callbackOffer;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** @return the TwiML document for a voice-URL request */
    public String answer(Optional<IncomingCall> call) {
        if (call.isEmpty()) {
            log.warn("a voice-URL request without CallSid, From or To was answered with the apology");
            return Twiml.apology();
        }
        if (!settings.hours().isOpen(clock.instant())) {
            log.info("call {} rang outside business hours", call.get().callSid());
            return callbackOffer.whenClosed(call.get()).orElseGet(() -> Twiml.closed(settings.closedMessage()));
        }
        Optional<Twiml.CallerQueueing> queueing = queueing(call.get(), null);
        if (queueing.isEmpty()) {
            return Twiml.apology();
        }
        if (settings.menu().isEmpty() || publicBaseUrl == null) {
            return Twiml.enqueue(queueing.get());
        }
        return Twiml.menu(null, settings.menu().prompt(), publicBaseUrl + IncomingCallRoutes.MENU_PATH, queueing.get());
    }

    /**
     * The menu's action: the key pressed picks the skill; a key the menu does not have hears the menu again (and, with
     * no key then, is queued without a skill); with no menu configured (a stale document), the caller is queued.
     */
    public String menuChoice(Optional<IncomingCall> call, String digits) {
        if (call.isEmpty()) {
            return Twiml.apology();
        }
        Optional<String> skill = settings.menu().skillFor(digits);
        Optional<Twiml.CallerQueueing> queueing = queueing(call.get(), skill.orElse(null));
        if (queueing.isEmpty()) {
            return Twiml.apology();
        }
        if (skill.isEmpty() && !settings.menu().isEmpty()) {
            return Twiml.menu("Sorry, that is not one of the options.", settings.menu().prompt(),
                    publicBaseUrl + IncomingCallRoutes.MENU_PATH, queueing.get());
        }
        return Twiml.enqueue(queueing.get());
    }

    private Optional<Twiml.CallerQueueing> queueing(IncomingCall call, String skill) {
        String workflow = voiceWorkflowSid.get();
        if (workflow == null || !workflow.startsWith("WW")) {
            log.warn("call {} answered with the apology: no voice workflow to queue it on", call.callSid());
            return Optional.empty();
        }
        boolean vip = settings.vipNumbers().contains(call.from());
        String waitUrl = publicBaseUrl == null ? null : publicBaseUrl + IncomingCallRoutes.WAIT_PATH
                + (skill == null ? "" : "?skill=" + skill);
        return Optional.of(new Twiml.CallerQueueing(workflow, attributes(call, skill, vip),
                vip ? settings.vipPriority() : null, waitUrl));
    }

    private static String attributes(IncomingCall call, String skill, boolean vip) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("from", call.from());
        attributes.put("to", call.to());
        attributes.put("call_sid", call.callSid());
        if (skill != null) {
            attributes.put("skill", skill);
        }
        if (vip) {
            attributes.put("vip", true);
        }
        try {
            return JSON.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and a flag always serialise", e);
        }
    }
}
