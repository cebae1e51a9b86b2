package dev.lifeline.model.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesktopApiTest {

    @Test
    void aSidIsFilledIntoTheTemplate() {
        assertThat(DesktopApi.path(DesktopApi.ACCEPT_RESERVATION, "WR0123"))
                .isEqualTo("/api/reservations/WR0123/accept");
        assertThat(DesktopApi.path(DesktopApi.MUTE, "CF9")).isEqualTo("/api/conferences/CF9/mute");
    }

    @Test
    void anIncidentIdIsPercentEncodedAsOnePathSegment() {
        assertThat(DesktopApi.path(DesktopApi.CANCEL_INCIDENT, "CF1:CA2/x y"))
                .isEqualTo("/api/incidents/CF1%3ACA2%2Fx%20y/cancel");
    }

    @Test
    void aBlankValueIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> DesktopApi.path(DesktopApi.WRAP_UP_TASK, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sid: missing required field");
    }

    @Test
    void aPathWithoutParameterCannotBeFilled() {
        assertThatThrownBy(() -> DesktopApi.path(DesktopApi.LOGIN, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEventsSocketTakesAOneTimeTicketAsAQueryParameter() {
        assertThat(DesktopApi.eventsWithTicket("a-b_c+d")).isEqualTo("/api/events?ticket=a-b_c%2Bd");
    }

    @Test
    void everyRouteLivesUnderApiAndUsesOnlyTheDocumentedParameters() {
        List<String> routes = Arrays.stream(DesktopApi.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(DesktopApiTest::valueOf)
                .filter(value -> value.startsWith("/"))
                .toList();

        assertThat(routes).hasSizeGreaterThanOrEqualTo(15).allSatisfy(route -> {
            assertThat(route).startsWith("/api/");
            assertThat(route.replace("{sid}", "").replace("{id}", "")).doesNotContain("{", "}");
        });
        assertThat(routes).doesNotHaveDuplicates();
    }

    private static String valueOf(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
