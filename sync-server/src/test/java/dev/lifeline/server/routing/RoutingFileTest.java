package dev.lifeline.server.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.server.config.ConfigException;
import dev.lifeline.server.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The versioned routing file: what it reads, and a bad file stops the start with one line naming the key and the item. */
class RoutingFileTest {

    @TempDir
    Path folder;

    @Test
    void aFileOfQueuesAndStepsIsRead() throws IOException {
        RoutingPlan plan = load("""
                {"version": 1, "queues": [{"name": "Sales", "targetWorkers": "routing.skills HAS 'sales'"}],
                 "filters": [{"name": "Sales", "expression": "skill == 'sales'",
                              "steps": [{"queue": "Sales", "timeout": 30}, {"queue": "Everyone", "priority": 5}]}]}
                """);

        assertThat(plan.queues()).containsExactly(new RoutingPlan.Queue("Sales", "routing.skills HAS 'sales'"));
        assertThat(plan.filters().get(0).steps()).containsExactly(new RoutingPlan.Step("Sales", null, 30),
                new RoutingPlan.Step("Everyone", 5, null));
    }

    @Test
    void everyMistakeIsNamed() {
        assertRefused("{\"version\": 2}", "\"version\" must be 1");
        assertRefused("[]", "expected a JSON object");
        assertRefused("{\"version\": 1,", "not JSON");
        assertRefused("{\"version\": 1, \"queues\": [{\"name\": \"Everyone\", \"targetWorkers\": \"1==1\"}]}",
                "queue 'Everyone' is named twice");
        assertRefused("{\"version\": 1, \"filters\": [{\"name\": \"A\", \"expression\": \"1==1\", "
                + "\"steps\": [{\"queue\": \"Nowhere\"}]}]}", "filter 'A': step queue 'Nowhere' is not one of the queues");
        assertRefused("{\"version\": 1, \"filters\": [{\"name\": \"A\", \"expression\": \"1==1\", "
                + "\"steps\": [{\"queue\": \"Everyone\"}, {\"queue\": \"Everyone\", \"priority\": 3}]}]}",
                "step 1 needs a timeout");
        assertRefused("{\"version\": 1, \"filters\": [{\"name\": \"A\", \"expression\": \"1==1\", "
                + "\"steps\": [{\"queue\": \"Everyone\", \"priority\": -1}]}]}", "\"priority\" must be a whole number");
        assertRefused("{\"version\": 1, \"filters\": [{\"name\": \"A\", \"expression\": \"1==1\", \"steps\": []}]}",
                "filter 'A' has no steps");
    }

    @Test
    void aBadFileStopsTheStartNamingTheKey() throws IOException {
        Path file = Files.writeString(folder.resolve("routing.json"), "{\"version\": 7}");

        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_ROUTING_FILE", file.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment LIFELINE_ROUTING_FILE: routing.file " + file + ": \"version\" must be 1, got 7");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_ROUTING_FILE", folder.resolve("none.json").toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("routing.file").hasMessageContaining("no such file");
        assertThat(ServerConfig.load(Map.of()).routing().isEmpty()).isTrue();
    }

    private RoutingPlan load(String json) throws IOException {
        return RoutingFile.load(Files.writeString(folder.resolve("plan.json"), json));
    }

    private void assertRefused(String json, String message) {
        assertThatThrownBy(() -> load(json)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
