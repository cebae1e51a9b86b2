package dev.lifeline.sim.sip;

import com.twilio.http.TwilioRestClient;
import dev.lifeline.sim.TwilioSim;
import dev.lifeline.sim.client.EmulatorHttpClient;
import dev.lifeline.sim.core.ManualClock;
import java.time.Duration;

/** An emulator with its SIP Domain on (any free SIP port), a manual clock and a real SDK client. */
final class SipSimFixture implements AutoCloseable {

    final ManualClock clock = new ManualClock();
    final TwilioSim sim;
    final TwilioRestClient client;

    SipSimFixture() {
        this(Duration.ofSeconds(300));
    }

    SipSimFixture(Duration mediaTimeout) {
        sim = TwilioSim.builder().port(0).clock(clock).sipPort(0).mediaTimeout(mediaTimeout).start();
        client = new TwilioRestClient.Builder(sim.accountSid(), sim.authToken())
                .httpClient(new EmulatorHttpClient(sim.baseUrl())).build();
    }

    int sipPort() {
        return sim.sip().port();
    }

    @Override
    public void close() {
        sim.close();
    }
}
