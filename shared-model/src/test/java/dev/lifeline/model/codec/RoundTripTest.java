package dev.lifeline.model.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import dev.lifeline.model.MainClasses;
import dev.lifeline.model.Samples;
import dev.lifeline.model.command.ClientCommand;
import dev.lifeline.model.event.ServerEvent;
import java.util.Arrays;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every wire record survives encode → decode unchanged, and no record exists without a sample. */
class RoundTripTest {

    private final JsonCodec codec = JsonCodec.shared();

    static Stream<Object> serverEvents() {
        return Samples.serverEvents().stream();
    }

    static Stream<Object> clientCommands() {
        return Samples.clientCommands().stream();
    }

    static Stream<Object> allRecords() {
        return Stream.of(Samples.serverEvents(), Samples.clientCommands(), Samples.otherRecords())
                .flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverEvents")
    void everyServerEventDecodesThroughTheSealedInterfaceToAnEqualEvent(Object event) {
        String json = codec.encode(event);

        ServerEvent decoded = codec.decode(json, ServerEvent.class);

        assertThat(decoded).isInstanceOf(event.getClass()).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientCommands")
    void everyClientCommandDecodesThroughTheSealedInterfaceToAnEqualCommand(Object command) {
        String json = codec.encode(command);

        ClientCommand decoded = codec.decode(json, ClientCommand.class);

        assertThat(decoded).isInstanceOf(command.getClass()).isEqualTo(command);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allRecords")
    void everyRecordDecodesAsItsOwnClassToAnEqualRecord(Object record) {
        String json = codec.encode(record);

        Object decoded = codec.decode(json, record.getClass());

        assertThat(decoded).isEqualTo(record);
        assertThat(codec.encode(decoded)).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allRecords")
    void bytesRoundTripLikeStrings(Object record) {
        byte[] json = codec.encodeToBytes(record);

        assertThat(codec.decode(json, record.getClass())).isEqualTo(record);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allRecords")
    void theJsonMembersAreExactlyTheRecordComponents(Object record) {
        Map<?, ?> json = codec.decode(codec.encode(record), Map.class);
        Set<String> members = json.keySet().stream().map(String::valueOf).collect(Collectors.toSet());
        Set<String> components = Arrays.stream(record.getClass().getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toSet());
        if (record instanceof ServerEvent || record instanceof ClientCommand) {
            components.add("type");
        }

        assertThat(members).isEqualTo(components);
    }

    @Test
    void aListOfEventsRoundTrips() {
        String json = codec.encode(Samples.serverEvents());

        assertThat(codec.decodeList(json, ServerEvent.class)).containsExactlyElementsOf(
                Samples.serverEvents().stream().map(ServerEvent.class::cast).toList());
    }

    @Test
    void everyPermittedServerEventHasASample() {
        assertThat(classesOf(Samples.serverEvents()))
                .containsExactlyInAnyOrderElementsOf(permitted(ServerEvent.class));
    }

    @Test
    void everyPermittedClientCommandHasASample() {
        assertThat(classesOf(Samples.clientCommands()))
                .containsExactlyInAnyOrderElementsOf(permitted(ClientCommand.class));
    }

    @Test
    void everyRecordInTheModelHasASample() {
        Set<Class<?>> modelRecords = MainClasses.imported().stream()
                .map(JavaClass::reflect)
                .filter(Class::isRecord)
                .collect(Collectors.toSet());
        Set<Class<?>> sampled = allRecords().map(Object::getClass).collect(Collectors.toSet());

        assertThat(modelRecords).isNotEmpty();
        assertThat(sampled).containsAll(modelRecords);
    }

    private static Set<Class<?>> classesOf(List<Object> samples) {
        return samples.stream().map(Object::getClass).collect(Collectors.toSet());
    }

    private static Set<Class<?>> permitted(Class<?> sealed) {
        assertThat(sealed.isSealed()).isTrue();
        return Arrays.stream(sealed.getPermittedSubclasses()).collect(Collectors.toSet());
    }
}
