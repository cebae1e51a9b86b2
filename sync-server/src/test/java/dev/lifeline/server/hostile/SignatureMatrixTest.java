package dev.lifeline.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.server.desktop.DesktopFixture;
import dev.lifeline.server.http.ProblemResponses;
import dev.lifeline.server.observability.LifelineMetrics;
import dev.lifeline.server.twilio.TwilioSignatureVerifier;
import dev.lifeline.server.webhooks.WebhookHandler;
import dev.lifeline.server.webhooks.WebhookRoutes;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #7 item 5: the webhook routes on a real Javalin server, in front of the real recovery engine and its
 * Hazelcast maps, configured with the public URL {@code https://lifeline.example.com} while the requests really
 * arrive at {@code http://localhost:PORT} — exactly the situation behind a TLS-terminating proxy. Twilio signs the
 * URL it was configured to call (reliability.md §2.5), so that is the only URL that may validate: every valid
 * request is accepted (2xx) and changes state; every forged, tampered or mis-addressed one is refused with 403
 * and leaves the {@code conferences}, {@code incidents} and {@code seen} maps exactly as they were.
 */
class SignatureMatrixTest {

    private static final String PUBLIC = "https://lifeline.example.com";
    private static final String CONFERENCE = WebhookRoutes.CONFERENCE_PATH;
    private static final String TASKROUTER = WebhookRoutes.TASKROUTER_PATH;
    private static final String FORM = "application/x-www-form-urlencoded";

    private static DesktopFixture server;
    private static Javalin behindProxy;
    private static String reachedAt;
    private static String authToken;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheServerBehindAProxy() {
        server = DesktopFixture.shared();
        authToken = server.sim.authToken();
        int port = freePort();
        reachedAt = "http://localhost:" + port;
        behindProxy = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            ProblemResponses.register(config.routes);
            new WebhookRoutes(new TwilioSignatureVerifier(authToken, PUBLIC),
                    WebhookHandler.of(server.engine::onConferenceCallback, server.engine::onTaskRouterEvent), new LifelineMetrics())
                    .register(config.routes);
        }).start(port);
    }

    @AfterAll
    static void stop() {
        behindProxy.stop();
    }

    /** One request of the matrix: whether Twilio could have sent it, and the state it would create if accepted. */
    private record Case(String name, boolean valid, String scope, String stateKey,
                        java.util.function.Supplier<HttpResponse<String>> send) {
    }

    @Test
    void everyValidRequestIsAcceptedAndEveryForgedOneIsRefusedWith403AndChangesNothing() {
        List<Case> cases = new ArrayList<>();
        // Valid: what Twilio really sends.
        cases.add(form("form signed over the public URL", true, p -> postForm(null, p, signed(formSig(PUBLIC + CONFERENCE, p)))));
        cases.add(form("form with a query string, signed as configured", true, p -> postForm("leg=agent&attempt=1", p,
                signed(formSig(PUBLIC + CONFERENCE + "?leg=agent&attempt=1", p)))));
        cases.add(form("form signed with the explicit default port :443", true, p -> postForm(null, p,
                signed(formSig("https://lifeline.example.com:443" + CONFERENCE, p)))));
        cases.add(form("form with a value holding UTF-8, &, = and +", true, p -> {
            p.put("FriendlyName", "Zoë & co = 1+1");
            return postForm(null, p, signed(formSig(PUBLIC + CONFERENCE, p)));
        }));
        cases.add(form("form through the proxy with X-Forwarded-Proto/Host", true, p -> postForm(null, p,
                with(signed(formSig(PUBLIC + CONFERENCE, p)), "X-Forwarded-Proto", "https", "X-Forwarded-Host", "lifeline.example.com"))));
        cases.add(form("form through a proxy whose forwarded headers lie", true, p -> postForm(null, p,
                with(signed(formSig(PUBLIC + CONFERENCE, p)), "X-Forwarded-Proto", "http", "X-Forwarded-Host", "evil.example.com"))));
        cases.add(json("json with its bodySHA256, signed over the public URL", true, body -> postJson("bodySHA256=" + sha(body),
                body, signed(urlSig(PUBLIC + TASKROUTER + "?bodySHA256=" + sha(body))))));
        cases.add(json("json with another query parameter before bodySHA256", true, body -> postJson("sink=ev&bodySHA256=" + sha(body),
                body, signed(urlSig(PUBLIC + TASKROUTER + "?sink=ev&bodySHA256=" + sha(body))))));
        cases.add(json("json through the proxy with X-Forwarded-Proto/Host", true, body -> postJson("bodySHA256=" + sha(body), body,
                with(signed(urlSig(PUBLIC + TASKROUTER + "?bodySHA256=" + sha(body))), "X-Forwarded-Proto", "https",
                        "X-Forwarded-Host", "lifeline.example.com"))));

        // Invalid: forged, tampered, replayed onto other content, or signed for another URL.
        cases.add(form("form with a tampered parameter", false, p -> {
            Map<String, String> signature = signed(formSig(PUBLIC + CONFERENCE, p));
            p.put("Hold", "true");
            return postForm(null, p, signature);
        }));
        cases.add(form("form with a tampered CallSid", false, p -> {
            Map<String, String> signature = signed(formSig(PUBLIC + CONFERENCE, p));
            p.put("CallSid", "CA" + hex());
            return postForm(null, p, signature);
        }));
        cases.add(form("form with an added parameter", false, p -> {
            Map<String, String> signature = signed(formSig(PUBLIC + CONFERENCE, p));
            p.put("Muted", "true");
            return postForm(null, p, signature);
        }));
        cases.add(form("form with a removed parameter", false, p -> {
            Map<String, String> signature = signed(formSig(PUBLIC + CONFERENCE, p));
            p.remove("ParticipantLabel");
            return postForm(null, p, signature);
        }));
        cases.add(form("form with a reordered query string", false, p -> postForm("attempt=1&leg=agent", p,
                signed(formSig(PUBLIC + CONFERENCE + "?leg=agent&attempt=1", p)))));
        cases.add(form("form with a query string added after signing", false, p -> postForm("leg=agent", p,
                signed(formSig(PUBLIC + CONFERENCE, p)))));
        cases.add(form("form signed over http instead of https", false, p -> postForm(null, p,
                signed(formSig("http://lifeline.example.com" + CONFERENCE, p)))));
        cases.add(form("form signed with another port", false, p -> postForm(null, p,
                signed(formSig("https://lifeline.example.com:8443" + CONFERENCE, p)))));
        cases.add(form("form signed over the internal URL it reached", false, p -> postForm(null, p,
                signed(formSig(reachedAt + CONFERENCE, p)))));
        cases.add(form("form signed for the host named in X-Forwarded-Host", false, p -> postForm(null, p,
                with(signed(formSig("https://evil.example.com" + CONFERENCE, p)), "X-Forwarded-Proto", "https",
                        "X-Forwarded-Host", "evil.example.com"))));
        cases.add(form("form signed for the other webhook path", false, p -> postForm(null, p,
                signed(formSig(PUBLIC + TASKROUTER, p)))));
        cases.add(form("form signed with a wrong auth token", false, p -> postForm(null, p,
                signed(TwilioSigning.signForm("not-the-auth-token-000000000000000", PUBLIC + CONFERENCE, p)))));
        cases.add(form("form without X-Twilio-Signature", false, p -> postForm(null, p, Map.of())));
        cases.add(form("form with an empty X-Twilio-Signature", false, p -> postForm(null, p, signed(""))));
        cases.add(form("form with a signature that is not Base64", false, p -> postForm(null, p, signed("%%not base64%%"))));
        cases.add(form("form carrying another request's signature", false, p -> {
            Map<String, String> other = joinParams("CF" + hex());
            return postForm(null, p, signed(formSig(PUBLIC + CONFERENCE, other)));
        }));
        cases.add(form("form with the signature in lower case", false, p -> postForm(null, p,
                signed(formSig(PUBLIC + CONFERENCE, p).toLowerCase(java.util.Locale.ROOT)))));
        cases.add(json("json whose body changed after signing (bodySHA256 mismatch)", false, body -> {
            String signedBody = body.replace("task.created", "task.updated");
            return postJson("bodySHA256=" + sha(signedBody), body,
                    signed(urlSig(PUBLIC + TASKROUTER + "?bodySHA256=" + sha(signedBody))));
        }));
        cases.add(json("json with bodySHA256 in upper-case hex", false, body -> {
            String upper = sha(body).toUpperCase(java.util.Locale.ROOT);
            return postJson("bodySHA256=" + upper, body, signed(urlSig(PUBLIC + TASKROUTER + "?bodySHA256=" + upper)));
        }));
        cases.add(json("json without bodySHA256, URL signed", false, body -> postJson(null, body,
                signed(urlSig(PUBLIC + TASKROUTER)))));
        cases.add(json("json with bodySHA256 added after signing", false, body -> postJson("bodySHA256=" + sha(body), body,
                signed(urlSig(PUBLIC + TASKROUTER)))));
        cases.add(json("json signed over http instead of https", false, body -> postJson("bodySHA256=" + sha(body), body,
                signed(urlSig("http://lifeline.example.com" + TASKROUTER + "?bodySHA256=" + sha(body))))));
        cases.add(json("json signed over the internal URL it reached", false, body -> postJson("bodySHA256=" + sha(body), body,
                signed(urlSig(reachedAt + TASKROUTER + "?bodySHA256=" + sha(body))))));
        cases.add(json("json signed for the host named in X-Forwarded-Host", false, body -> postJson("bodySHA256=" + sha(body), body,
                with(signed(urlSig("https://evil.example.com" + TASKROUTER + "?bodySHA256=" + sha(body))),
                        "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example.com"))));
        cases.add(json("json signed with a wrong auth token", false, body -> postJson("bodySHA256=" + sha(body), body,
                signed(TwilioSigning.signUrl("not-the-auth-token-000000000000000", PUBLIC + TASKROUTER + "?bodySHA256=" + sha(body))))));
        cases.add(json("json without X-Twilio-Signature", false, body -> postJson("bodySHA256=" + sha(body), body, Map.of())));
        cases.add(json("json signed as a form (URL + parameters) ", false, body -> postJson("bodySHA256=" + sha(body), body,
                signed(formSig(PUBLIC + TASKROUTER + "?bodySHA256=" + sha(body), Map.of("Body", body))))));

        List<String> wrong = new ArrayList<>();
        int accepted = 0;
        int refused = 0;
        for (Case c : cases) {
            Map<String, Object> before = state(c.scope());
            HttpResponse<String> response = c.send().get();
            if (c.valid() && response.statusCode() / 100 == 2) {
                // An accepted event's seen-mark is written without waiting for it (seen.setAsync): it lands just after
                // the answer, so wait for it; one that never lands is reported below.
                try {
                    Await.until("'" + c.name() + "' leaving " + c.stateKey(),
                            () -> state(c.scope()).containsKey(c.stateKey()), Duration.ofSeconds(20));
                } catch (AssertionError neverLanded) {
                    // reported as "changed no state"
                }
            }
            Map<String, Object> after = state(c.scope());
            if (c.valid()) {
                if (response.statusCode() / 100 != 2 || !after.containsKey(c.stateKey())) {
                    wrong.add("valid '" + c.name() + "' got " + response.statusCode() + " " + response.body()
                            + (after.containsKey(c.stateKey()) ? "" : " and changed no state"));
                } else {
                    accepted++;
                }
            } else if (response.statusCode() != 403 || !after.equals(before)) {
                wrong.add("invalid '" + c.name() + "' got " + response.statusCode() + " " + response.body()
                        + (after.equals(before) ? "" : " and CHANGED state: " + diff(before, after)));
            } else {
                refused++;
            }
        }
        long valid = cases.stream().filter(Case::valid).count();
        System.out.println("signature matrix: " + accepted + "/" + valid + " valid accepted, " + refused + "/"
                + (cases.size() - valid) + " invalid refused with 403 and no state change");
        assertThat(wrong).isEmpty();
        assertThat(accepted).isGreaterThanOrEqualTo(9);
        assertThat(refused).isGreaterThanOrEqualTo(25);
    }

    @Test
    void theSameSignedConferenceCallbackSentTwentyTimesChangesTheConferenceRecordOnce() {
        String conference = "CF" + hex();
        AtomicInteger changes = new AtomicInteger();
        UUID listener = server.hazelcast.<String, ConferenceRecord>getMap(HazelcastMembers.CONFERENCES)
                .addEntryListener(new Counting(changes), conference, false);
        try {
            Map<String, String> join = joinParams(conference);
            Map<String, String> joinSignature = signed(formSig(PUBLIC + CONFERENCE, join));
            Map<String, String> hold = new LinkedHashMap<>(join);
            hold.put("StatusCallbackEvent", "participant-hold");
            hold.put("SequenceNumber", "2");
            hold.put("Hold", "true");
            Map<String, String> holdSignature = signed(formSig(PUBLIC + CONFERENCE, hold));
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                statuses.add(postForm(null, join, joinSignature).statusCode());
            }
            for (int i = 0; i < 20; i++) {
                statuses.add(postForm(null, hold, holdSignature).statusCode());
            }

            ConferenceRecord record = server.engine.conference(conference).orElseThrow();
            // Map listeners are called asynchronously: wait for the writes to be reported, then count them.
            Await.until("the conference writes reported", () -> changes.get() >= 2);
            System.out.println("signature replay: 40 signed form requests (2 distinct x 20) -> " + changes.get()
                    + " conference record changes, version " + record.version());
            assertThat(statuses).as("a replay is acknowledged, so Twilio stops retrying").allMatch(s -> s == 204);
            assertThat(changes.get()).as("one change per distinct callback").isEqualTo(2);
            assertThat(record.version()).isEqualTo(2);
            assertThat(record.participant(join.get("CallSid")).orElseThrow().hold()).isTrue();
        } finally {
            server.hazelcast.getMap(HazelcastMembers.CONFERENCES).removeEntryListener(listener);
        }
    }

    @Test
    void theSameSignedEventStreamsDeliverySentTwentyTimesIsAppliedOnce() {
        String eventId = "EV" + hex();
        String body = taskCreated(eventId);
        String query = "bodySHA256=" + sha(body);
        Map<String, String> signature = signed(urlSig(PUBLIC + TASKROUTER + "?" + query));
        AtomicInteger marks = new AtomicInteger();
        UUID listener = server.hazelcast.<String, Boolean>getMap(HazelcastMembers.SEEN_EVENTS)
                .addEntryListener(new Counting(marks), "taskrouter:" + eventId, false);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                statuses.add(postJson(query, body, signature).statusCode());
            }
            Await.until("the seen mark reported", () -> marks.get() >= 1);
            System.out.println("signature replay: 20 signed Event Streams deliveries -> applied " + marks.get() + " time(s)");
            assertThat(statuses).allMatch(s -> s == 204);
            assertThat(marks.get()).as("applied (and marked seen) exactly once; the rest are skipped as duplicates").isEqualTo(1);
        } finally {
            server.hazelcast.getMap(HazelcastMembers.SEEN_EVENTS).removeEntryListener(listener);
        }
    }

    @Test
    void aSignedWebhookWeCannotUseIsAnswered400WithAProblemNamingTheFieldAndChangesNothing() {
        String conference = "CF" + hex();
        Map<String, String> join = joinParams(conference);
        join.put("SequenceNumber", "soon");
        String body = "[{\"type\":\"com.twilio.taskrouter.task.created\",\"data\":{\"payload\":{}}}]";
        String query = "bodySHA256=" + sha(body);

        HttpResponse<String> callback = postForm(null, join, signed(formSig(PUBLIC + CONFERENCE, join)));
        HttpResponse<String> delivery = postJson(query, body, signed(urlSig(PUBLIC + TASKROUTER + "?" + query)));

        assertThat(callback.statusCode()).isEqualTo(400);
        assertThat(callback.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(callback.body()).contains("\"SequenceNumber\":\"must be a number, got 'soon'\"");
        assertThat(delivery.statusCode()).isEqualTo(400);
        assertThat(delivery.body()).contains("\"[0]id\":\"is required\"");
        assertThat(server.engine.conference(conference)).isEmpty();
    }

    /** Counts adds and updates of one key: every write the engine makes to it. */
    private record Counting(AtomicInteger count) implements EntryAddedListener<Object, Object>, EntryUpdatedListener<Object, Object> {
        @Override
        public void entryAdded(EntryEvent<Object, Object> event) {
            count.incrementAndGet();
        }

        @Override
        public void entryUpdated(EntryEvent<Object, Object> event) {
            count.incrementAndGet();
        }
    }

    // Cases //

    private static Case form(String name, boolean valid, Function<Map<String, String>, HttpResponse<String>> send) {
        String conference = "CF" + hex();
        Map<String, String> params = joinParams(conference);
        return new Case("form: " + name, valid, conference, "conference:" + conference, () -> send.apply(params));
    }

    private static Case json(String name, boolean valid, Function<String, HttpResponse<String>> send) {
        String eventId = "EV" + hex();
        return new Case("json: " + name, valid, eventId, "seen:taskrouter:" + eventId, () -> send.apply(taskCreated(eventId)));
    }

    /** A participant-join of a conference nobody registered: accepted, it creates a conference record and no effect. */
    private static Map<String, String> joinParams(String conferenceSid) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", server.sim.accountSid());
        params.put("ConferenceSid", conferenceSid);
        params.put("FriendlyName", "WT" + hex());
        params.put("StatusCallbackEvent", "participant-join");
        params.put("SequenceNumber", "1");
        params.put("CallSid", "CA" + hex());
        params.put("ParticipantLabel", "external");
        params.put("Hold", "false");
        params.put("Muted", "false");
        params.put("EndConferenceOnExit", "false");
        return params;
    }

    /** An Event Streams delivery (a CloudEvents array) of a task.created for a task nobody knows. */
    private static String taskCreated(String eventId) {
        return "[{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"type\":\"com.twilio.taskrouter.task.created\","
                + "\"source\":\"/v1/Workspaces/WS0/Tasks/WT0\",\"datacontenttype\":\"application/json\",\"data\":{\"payload\":"
                + "{\"eventtype\":\"task.created\",\"task_sid\":\"WT" + hex() + "\",\"task_attributes\":\"{}\","
                + "\"task_assignment_status\":\"pending\"}}}]";
    }

    // HTTP //

    private static HttpResponse<String> postForm(String query, Map<String, String> params, Map<String, String> headers) {
        String body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return post(CONFERENCE, query, FORM, body, headers);
    }

    private static HttpResponse<String> postJson(String query, String body, Map<String, String> headers) {
        return post(TASKROUTER, query, "application/json", body, headers);
    }

    private static HttpResponse<String> post(String path, String query, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(reachedAt + path + (query == null ? "" : "?" + query)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String formSig(String url, Map<String, String> params) {
        return TwilioSigning.signForm(authToken, url, params);
    }

    private static String urlSig(String url) {
        return TwilioSigning.signUrl(authToken, url);
    }

    private static String sha(String body) {
        return TwilioSigning.bodySha256(body);
    }

    private static Map<String, String> signed(String signature) {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Twilio-Signature", signature);
        return headers;
    }

    private static Map<String, String> with(Map<String, String> headers, String... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    // State //

    /**
     * Everything a webhook about {@code scope} (a fresh conference SID or event id per case) can change: conference
     * records, incidents (keyed conference:leg) and seen-event ids. Scoped because the shared fixture's own calls
     * may still be settling from earlier test classes; a forged request can only name ids it carries.
     */
    private static Map<String, Object> state(String scope) {
        Map<String, Object> state = new HashMap<>();
        server.hazelcast.getMap(HazelcastMembers.CONFERENCES).forEach((k, v) -> put(state, scope, "conference:" + k, v));
        server.hazelcast.getMap(HazelcastMembers.INCIDENTS).forEach((k, v) -> put(state, scope, "incident:" + k, v));
        server.hazelcast.getMap(HazelcastMembers.SEEN_EVENTS).keySet().forEach(k -> put(state, scope, "seen:" + k, Boolean.TRUE));
        return state;
    }

    private static void put(Map<String, Object> state, String scope, String key, Object value) {
        if (key.contains(scope)) {
            state.put(key, value);
        }
    }

    private static Set<String> diff(Map<String, Object> before, Map<String, Object> after) {
        Set<String> changed = new TreeSet<>();
        after.forEach((k, v) -> {
            if (!v.equals(before.get(k))) {
                changed.add(k);
            }
        });
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(changed::add);
        return changed;
    }

    private static String hex() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
