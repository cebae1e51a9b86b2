package dev.lifeline.server.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks a shared twilio-sim where its SIP Domain listens: {@code GET /sim/state} → {@code sip.port}. */
final class EmulatorSipPort {

    private static final Logger log = LoggerFactory.getLogger(EmulatorSipPort.class);

    private EmulatorSipPort() {
    }

    static OptionalInt of(String emulatorUrl) {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create(emulatorUrl + "/sim/state")).timeout(Duration.ofSeconds(10))
                            .GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode port = new ObjectMapper().readTree(response.body()).path("sip").path("port");
            if (response.statusCode() == 200 && port.canConvertToInt() && port.asInt() > 0) {
                return OptionalInt.of(port.asInt());
            }
            log.warn("the emulator at {} runs without SIP (start it with TWILIO_SIM_SIP_PORT): agents get no softphone",
                    emulatorUrl);
        } catch (java.io.IOException e) {
            log.warn("could not ask the emulator at {} for its SIP port: {}", emulatorUrl, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OptionalInt.empty();
    }
}
