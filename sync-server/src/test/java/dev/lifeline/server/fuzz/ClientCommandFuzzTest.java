package dev.lifeline.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lifeline.model.codec.CodecException;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.command.ClientCommand;
import java.nio.charset.StandardCharsets;

/**
 * The desktop command decoder, as the WebSocket ({@code DesktopSocket}) and the REST routes use it: any text
 * either decodes to a command or fails with a {@link CodecException} (an {@code error} event or a 400), never
 * with anything that would surface as an internal error.
 */
class ClientCommandFuzzTest {

    private static final Class<?>[] COMMANDS = ClientCommand.class.getPermittedSubclasses();

    /** Seeds: {@code ClientCommandFuzzTestInputs/socketMessagesDecodeOrFailWithACodecError/}, one message per file. */
    @FuzzTest(maxDuration = "60s")
    void socketMessagesDecodeOrFailWithACodecError(byte[] message) {
        try {
            ClientCommand command = JsonCodec.shared().decode(new String(message, StandardCharsets.UTF_8), ClientCommand.class);
            assertThat(command).isNotNull();
        } catch (CodecException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    /**
     * REST bodies are decoded into the route's concrete command type. The first byte picks the type (modulo the
     * number of commands), the rest is the body.
     */
    @FuzzTest(maxDuration = "60s")
    void restBodiesDecodeIntoTheirCommandTypeOrFailWithACodecError(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Class<?> type = COMMANDS[Math.floorMod(input[0], COMMANDS.length)];
        String body = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        try {
            assertThat(JsonCodec.shared().decode(body, type)).isInstanceOf(type);
        } catch (CodecException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
