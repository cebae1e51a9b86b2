package dev.lifeline.server.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.http.TwilioRestClient;
import dev.lifeline.server.provision.PhoneNumberProvisioner;
import dev.lifeline.server.app.LifelineServer;
import dev.lifeline.server.app.SimModeServers;
import dev.lifeline.server.inbound.IncomingCallRoutes;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.sim.client.EmulatorHttpClient;
import dev.lifeline.sim.core.ManualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 item 1, the number of an in-queue callback, end to end: the composed server in sim mode, closed (so the
 * caller is offered "press 1" at once), its emulator's caller pressing keys through the scenario API
 * ({@code POST /sim/calls/{sid}/digits}). After 1 the caller hears their caller ID and "press 1 to confirm, or enter
 * another number followed by #"; a typed number is read in the contact centre's country ({@code GB} here), a bad one
 * is asked for again once, and the call ends with the number that will be called.
 */
class TypedCallbackNumberTest {

    private static final String NUMBER = "+442079460000";
    /** Saturday 10 January 2026, 15:00 in London: closed. */
    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-01-10T15:00:00Z"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LifelineServer server;
    private static int callers;

    @BeforeAll
    static void start() {
        server = SimModeServers.start("typed-callback-number", Map.of(
                "LIFELINE_ENTRY_TIME_ZONE", "Europe/London",
                "LIFELINE_ENTRY_HOURS", "mon-fri 08:00-18:00",
                "LIFELINE_ENTRY_CLOSED_MESSAGE", "We are closed.",
                "LIFELINE_CALLBACKS_DEFAULT_COUNTRY", "GB"), CLOCK);
        TwilioRestClient client = new TwilioRestClient.Builder(server.sim().accountSid(), server.sim().authToken())
                .httpClient(new EmulatorHttpClient(server.sim().baseUrl())).build();
        PhoneNumberProvisioner.buyInSimAndPointAt(client, NUMBER, server.publicBaseUrl() + IncomingCallRoutes.PATH);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pressingOneAgainConfirmsTheCallerIdReadBack() {
        String callerId = nextCaller();
        String call = askForACallback(callerId);

        press(call, "1#");

        assertThat(endsWith(call)).isEqualTo("Thank you. We will call you back on " + TypedNumbers.spoken(callerId)
                + ", keeping your place in line. Goodbye.");
        assertThat(callbackNumber(call)).isEqualTo(callerId);
    }

    @Test
    void aNumberTypedTheWayItIsDialledInTheCountryIsCalledBackInE164() {
        String call = askForACallback(nextCaller());

        press(call, "02079460018#");

        assertThat(endsWith(call)).isEqualTo("Thank you. We will call you back on + 4 4 2 0 7 9 4 6 0 0 1 8, keeping "
                + "your place in line. Goodbye.");
        assertThat(callbackNumber(call)).isEqualTo("+442079460018");
    }

    @Test
    void aBadNumberIsAskedForAgainWithTheReason() {
        String call = askForACallback(nextCaller());

        press(call, "123#");
        hears(call, "Sorry, 1 2 3 is not a number we can call. Please enter the number with its area code, followed "
                + "by the hash key, or press 1 to be called back on the number you are calling from.");
        press(call, "01614960123#");

        assertThat(endsWith(call)).contains("We will call you back on + 4 4 1 6 1 4 9 6 0 1 2 3");
        assertThat(callbackNumber(call)).isEqualTo("+441614960123");
    }

    /** Two tries: then the callback goes to the caller ID, and the caller is told so. */
    @Test
    void afterTwoBadNumbersTheCallerIdIsCalledBack() {
        String callerId = nextCaller();
        String call = askForACallback(callerId);

        press(call, "999#");
        hears(call, "Sorry, 9 9 9 is not a number we can call. Please enter the number with its area code, followed "
                + "by the hash key, or press 1 to be called back on the number you are calling from.");
        press(call, "0000#");

        assertThat(endsWith(call)).isEqualTo("Sorry, we could not use that number. We will call you back on "
                + TypedNumbers.spoken(callerId) + ", keeping your place in line. Goodbye.");
        assertThat(callbackNumber(call)).isEqualTo(callerId);
        assertThat(server.sim().voice().spoken(call)).filteredOn(said -> said.startsWith("Sorry, ")).hasSize(2);
    }

    /** Calls while closed, presses 1 at the offer, and waits for the caller ID read back. */
    private static String askForACallback(String callerId) {
        String call = server.sim().callNumber(callerId, NUMBER);
        hears(call, "We are closed. To be called back on this number, press 1.");
        press(call, "1");
        hears(call, "We will call you back on " + TypedNumbers.spoken(callerId) + ". Press 1 to confirm, or enter "
                + "another number followed by the hash key.");
        return call;
    }

    /** Waits until the caller has heard {@code text} and a {@code <Gather>} listens for their keys. */
    private static void hears(String call, String text) {
        Await.until("the caller hears \"" + text + "\" and may press keys",
                () -> server.sim().voice().spoken(call).contains(text) && gathering(call));
    }

    /** Waits for the call to end; what the caller heard last. */
    private static String endsWith(String call) {
        Await.until("the call ends", () -> "completed".equals(server.sim().voice().callStatus(call)));
        List<String> spoken = server.sim().voice().spoken(call);
        return spoken.get(spoken.size() - 1);
    }

    private static String callbackNumber(String call) {
        return Await.present("the callback of " + call, () -> new CallbackBook(server.hazelcast())
                .requestedBy("in-queue:" + call).stream().findFirst()).number();
    }

    @SuppressWarnings("unchecked")
    private static boolean gathering(String call) {
        return ((List<Map<String, Object>>) server.sim().voice().snapshot().get("calls")).stream()
                .anyMatch(state -> call.equals(state.get("sid")) && "gathering".equals(state.get("twimlActivity")));
    }

    private static void press(String call, String digits) {
        HttpResponse<String> response = SimModeServers.send(HTTP, HttpRequest.newBuilder(URI.create(server.emulatorUrl()
                        + "/sim/calls/" + call + "/digits")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"digits\":\"" + digits + "\"}")).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static synchronized String nextCaller() {
        callers++;
        return "+1555123%04d".formatted(callers);
    }
}
