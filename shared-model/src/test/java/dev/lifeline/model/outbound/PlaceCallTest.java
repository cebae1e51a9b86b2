package dev.lifeline.model.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlaceCallTest {

    @Test
    void theSeparatorsPeopleTypeAreDroppedAndWhatRemainsIsE164() {
        assertThat(new PlaceCall(" +1 (555) 123-0002 ").to()).isEqualTo("+15551230002");
        assertThat(new PlaceCall("+44.20.7946.0000").to()).isEqualTo("+442079460000");
    }

    @Test
    void aNumberThatIsNotE164IsRefusedNamingTheField() {
        for (String bad : new String[] {"5551230002", "+0555123", "+1", "+1555abc0002", "+1234567890123456", "0044 20 7946 0000"}) {
            assertThatThrownBy(() -> new PlaceCall(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("to: ");
        }
        assertThatThrownBy(() -> new PlaceCall(null)).hasMessageStartingWith("to: ");
        assertThatThrownBy(() -> new PlaceCall("  ")).hasMessageStartingWith("to: ");
    }
}
