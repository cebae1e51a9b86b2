package dev.lifeline.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.sim.core.SimClock;
import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.SystemClock;
import dev.lifeline.sim.core.TwilioApiException;
import dev.lifeline.sim.faults.ApiFaults;
import dev.lifeline.sim.taskrouter.TaskRouterEmulator;
import dev.lifeline.sim.scenario.ScenarioRoutes;
import dev.lifeline.sim.media.MediaPlane;
import dev.lifeline.sim.sip.SipServer;
import dev.lifeline.sim.sip.SipSettings;
import dev.lifeline.sim.numbers.PhoneNumberRoutes;
import dev.lifeline.sim.numbers.PhoneNumbers;
import dev.lifeline.sim.sipdomain.SipDomainRoutes;
import dev.lifeline.sim.sipdomain.SipDomainStore;
import dev.lifeline.sim.voice.VoiceEmulator;
import dev.lifeline.sim.webhook.WebhookDispatcher;
import dev.lifeline.sim.webhook.WebhookSigner;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.security.BasicAuthCredentials;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Twilio: Voice (Calls, Conferences, Participants and their status callbacks), TaskRouter,
 * Event Streams, a SIP Domain with RTP media (when given a SIP port) and a {@code /sim} scenario API, all on one port.
 *
 * <pre>{@code
 * try (TwilioSim sim = TwilioSim.builder().port(0).start()) {
 *     TwilioRestClient client = new TwilioRestClient.Builder(sim.accountSid(), sim.authToken())
 *             .httpClient(new EmulatorHttpClient(sim.baseUrl())).build();
 * }
 * }</pre>
 */
public final class TwilioSim implements AutoCloseable {

    /** The account a stand-alone or embedded emulator answers to unless told otherwise (not a real account). */
    public static final String DEFAULT_ACCOUNT_SID = "AC00000000000000000000000000000001";
    /** The emulator's fixed demo auth token; it signs the emulator's webhooks and guards nothing real. */
    public static final String DEFAULT_AUTH_TOKEN = "sim-auth-token-0000000000000000000";

    private static final Logger log = LoggerFactory.getLogger(TwilioSim.class);

    private final SimContext context;
    private final VoiceEmulator voice;
    private final TaskRouterEmulator taskRouter;
    private final ApiFaults apiFaults = new ApiFaults();
    private final SipDomainStore sipDomains;
    private final PhoneNumbers numbers;
    private final SipServer sip;
    private final MediaPlane media;
    private final Javalin http;
    private final AutoCloseable ownedClock;

    private TwilioSim(Builder builder) {
        SimClock clock = builder.clock != null ? builder.clock : new SystemClock();
        this.ownedClock = builder.clock == null ? (SystemClock) clock : null;
        WebhookDispatcher webhooks = new WebhookDispatcher(new WebhookSigner(builder.authToken));
        this.context = new SimContext(builder.accountSid, builder.authToken, clock, webhooks, new ObjectMapper());
        this.voice = new VoiceEmulator(context, builder.waitUrlFloor);
        this.taskRouter = new TaskRouterEmulator(context);
        voice.connect(taskRouter);
        taskRouter.connect(voice);
        this.sipDomains = new SipDomainStore(context);
        SipDomainRoutes sipRoutes = new SipDomainRoutes(context, sipDomains);
        this.numbers = new PhoneNumbers(context);
        PhoneNumberRoutes numberRoutes = new PhoneNumberRoutes(context, numbers);
        this.media = builder.sipPort == null && !builder.media ? null
                : new MediaPlane(builder.host, builder.rtpPortMin, builder.rtpPortMax, builder.mediaTimeout);
        if (media != null) {
            voice.audio(media);
            media.onMediaTimeout(voice::mediaLost);
            media.onDigit(voice::rtpDigit);
        }
        this.sip = builder.sipPort == null ? null : new SipServer(new SipSettings(builder.host, builder.sipPort,
                builder.sipMaxExpires, builder.mediaTimeout, builder.rtpPortMin, builder.rtpPortMax), sipDomains, clock);
        if (sip != null) {
            sip.connect(voice, media, context.accountSid, sipDomains);
        }
        ScenarioRoutes scenario = new ScenarioRoutes(context, voice, apiFaults, this::snapshot, () -> media, numbers);
        this.http = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 1_000_000;
            config.routes.before("/2010-04-01/*", this::requireAccountAuth);
            config.routes.before("/v1/*", this::requireAccountAuth);
            config.routes.before("/2010-04-01/*", apiFaults::check);
            config.routes.before("/v1/*", apiFaults::check);
            config.routes.exception(TwilioApiException.class, TwilioSim::writeError);
            // Unknown paths get Twilio's JSON 404 too: the SDK cannot parse Javalin's plain-text one.
            config.routes.error(404, ctx -> {
                String contentType = ctx.res().getContentType();
                if (contentType == null || !contentType.startsWith("application/json")) {
                    writeError(new TwilioApiException(404, 20404,
                            "The requested resource " + ctx.path() + " was not found"), ctx);
                }
            });
            voice.routes(config.routes);
            taskRouter.routes(config.routes);
            sipRoutes.register(config.routes);
            numberRoutes.register(config.routes);
            scenario.register(config.routes);
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    private TwilioSim startOn(String host, int port) {
        http.start(host, port);
        log.info("twilio-sim listening on {}", baseUrl());
        return this;
    }

    public int port() {
        return http.port();
    }

    /** e.g. {@code http://localhost:18080}: what {@link dev.lifeline.sim.client.EmulatorHttpClient} needs. */
    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public String accountSid() {
        return context.accountSid;
    }

    public String authToken() {
        return context.authToken;
    }

    public SimClock clock() {
        return context.clock;
    }

    public WebhookDispatcher webhooks() {
        return context.webhooks;
    }

    public VoiceEmulator voice() {
        return voice;
    }

    public TaskRouterEmulator taskRouter() {
        return taskRouter;
    }

    /** REST faults a test switches on: a request it names is answered with an error instead (also {@code /sim/api-faults}). */
    public ApiFaults apiFaults() {
        return apiFaults;
    }

    /** The account's phone numbers and their voice URLs ({@code IncomingPhoneNumbers}). */
    public PhoneNumbers numbers() {
        return numbers;
    }

    /** A caller rings {@code to}, one of the account's numbers: its {@code VoiceUrl} is requested and its TwiML run. */
    public String callNumber(String from, String to) {
        return numbers.call(voice, from, to);
    }

    /** SIP Domains, credential lists and their mappings, as the registrar sees them. */
    public SipDomainStore sipDomains() {
        return sipDomains;
    }

    /** The SIP Domain's registrar and user agent, or null when the builder gave no {@code sipPort}. */
    public SipServer sip() {
        return sip;
    }

    /**
     * Every leg's RTP and the conference mixer, or null when neither {@code sipPort} nor {@code media(true)} was given.
     * Simulated far ends: {@code media().farEndSends(callSid, new ToneGenerator(1000, 0.3))}, {@code farEndHeard(callSid)}.
     */
    public MediaPlane media() {
        return media;
    }

    /**
     * The whole world for assertions and demos: {@code voice} (calls, conferences with participants and
     * their flags, per-call side-effect counts), {@code taskRouter}, {@code webhooks} (faults, deliveries).
     * Also served at {@code GET /sim/state}.
     */
    public Map<String, Object> snapshot() {
        Map<String, Object> world = new LinkedHashMap<>();
        world.put("now", context.clock.now().toString());
        world.put("voice", voice.snapshot());
        world.put("taskRouter", taskRouter.snapshot());
        if (sip != null) {
            world.put("sip", Map.of("port", sip.port(), "bindings", sip.bindingsSnapshot()));
        }
        Map<String, Object> webhooks = new LinkedHashMap<>(context.webhooks.faults().describe());
        webhooks.put("deliveries", context.webhooks.deliveries().size());
        world.put("webhooks", webhooks);
        return world;
    }

    /** Basic auth with the account SID and auth token, as Twilio's REST API requires. */
    private void requireAccountAuth(Context ctx) {
        BasicAuthCredentials credentials = ctx.basicAuthCredentials(); // null when absent or malformed
        boolean valid = credentials != null
                && Objects.equals(credentials.getUsername(), context.accountSid)
                && Objects.equals(credentials.getPassword(), context.authToken);
        if (!valid) {
            throw new TwilioApiException(401, 20003, "Authentication Error - invalid username");
        }
        String pathAccount = ctx.path().startsWith("/2010-04-01/Accounts/")
                ? ctx.path().substring("/2010-04-01/Accounts/".length()).split("[/.]", 2)[0]
                : null;
        if (pathAccount != null && !pathAccount.isEmpty() && !pathAccount.equals(context.accountSid)) {
            throw new TwilioApiException(404, 20404, "The requested resource " + ctx.path() + " was not found");
        }
    }

    static void writeError(TwilioApiException e, Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", e.code());
        body.put("message", e.getMessage());
        body.put("more_info", e.moreInfo());
        body.put("status", e.status());
        ctx.status(e.status()).json(body);
    }

    @Override
    public void close() {
        http.stop();
        if (sip != null) {
            sip.close();
        }
        if (media != null) {
            media.close();
        }
        context.webhooks.close();
        if (ownedClock != null) {
            try {
                ownedClock.close();
            } catch (Exception e) {
                log.debug("closing the clock failed", e);
            }
        }
    }

    /** Runs the emulator on its own; its settings are {@link StandAlone}'s (a bad one: one line, exit 2). */
    public static void main(String[] args) {
        Builder builder;
        try {
            builder = StandAlone.builder(java.util.List.of(args), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("twilio-sim: " + e.getMessage());
            System.exit(2);
            return;
        }
        TwilioSim sim = builder.start();
        System.out.println("twilio-sim on " + sim.baseUrl() + " account " + sim.accountSid()
                + (sim.sip() != null ? " sip " + sim.sip().port() : ""));
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
    }

    public static final class Builder {
        private String accountSid = DEFAULT_ACCOUNT_SID;
        private String authToken = DEFAULT_AUTH_TOKEN;
        private String host = "127.0.0.1";
        private int port;
        private SimClock clock;
        private Integer sipPort;
        private java.time.Duration sipMaxExpires = SipSettings.DEFAULT_MAX_EXPIRES;
        private java.time.Duration mediaTimeout = SipSettings.DEFAULT_MEDIA_TIMEOUT;
        private int rtpPortMin;
        private int rtpPortMax;
        private boolean media;
        private java.time.Duration waitUrlFloor = VoiceEmulator.DEFAULT_WAIT_URL_FLOOR;

        public Builder accountSid(String accountSid) {
            this.accountSid = Objects.requireNonNull(accountSid);
            return this;
        }

        public Builder authToken(String authToken) {
            this.authToken = Objects.requireNonNull(authToken);
            return this;
        }

        /** 0 picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** A {@link dev.lifeline.sim.core.ManualClock} lets tests move time; the default is the system clock. */
        public Builder clock(SimClock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Turns the SIP Domain on: registrar and user agent on this port, UDP and TCP (0 = any free port; see
         * {@link TwilioSim#sip()}). Without it the emulator speaks no SIP.
         */
        public Builder sipPort(int sipPort) {
            this.sipPort = sipPort;
            return this;
        }

        /** The longest registration granted (default 600 s, Twilio's documented refresh maximum). */
        public Builder sipMaxExpires(java.time.Duration maxExpires) {
            this.sipMaxExpires = Objects.requireNonNull(maxExpires);
            return this;
        }

        /**
         * How long a SIP leg may go without RTP before it is dropped (default 300 s). Twilio documents no value for
         * SIP Domains; real time, since media is.
         */
        public Builder mediaTimeout(java.time.Duration mediaTimeout) {
            this.mediaTimeout = Objects.requireNonNull(mediaTimeout);
            return this;
        }

        /** Media without SIP: simulated far ends and the mixer run even when no {@code sipPort} is given. */
        public Builder media(boolean media) {
            this.media = media;
            return this;
        }

        /**
         * The least sim-clock time between two requests of an {@code <Enqueue waitUrl>} (default 5 s). Call logic gives
         * {@code <Say>} and {@code <Play>} no duration, so a wait document of only those would otherwise be fetched in a
         * loop; Twilio's caller hears the audio, which takes time. Not a Twilio setting.
         */
        public Builder waitUrlFloor(java.time.Duration floor) {
            if (floor == null || floor.isNegative() || floor.isZero()) {
                throw new IllegalArgumentException("the waitUrl floor must be positive");
            }
            this.waitUrlFloor = floor;
            return this;
        }

        /** The UDP ports RTP may use (default: any free port). */
        public Builder rtpPorts(int min, int max) {
            if (min < 0 || max < min || max > 65535) {
                throw new IllegalArgumentException("RTP ports must be 0 <= min <= max <= 65535");
            }
            this.rtpPortMin = min;
            this.rtpPortMax = max;
            return this;
        }

        public TwilioSim start() {
            return new TwilioSim(this).startOn(host, port);
        }
    }
}
