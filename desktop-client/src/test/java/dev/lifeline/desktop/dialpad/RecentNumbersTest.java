package dev.lifeline.desktop.dialpad;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentNumbersTest {

    @TempDir
    Path config;

    @Test
    void theNewestNumberComesFirstOnceAndOnlyTheLastTenAreKept() throws IOException {
        RecentNumbers recent = new RecentNumbers(config, "alice");
        for (int i = 0; i < 12; i++) {
            recent.remember(String.format("+1555000%04d", i));
        }
        recent.remember("+15550000005");

        assertThat(recent.load()).hasSize(RecentNumbers.LIMIT)
                .startsWith("+15550000005", "+15550000011", "+15550000010")
                .doesNotContain("+15550000000", "+15550000001")
                .doesNotHaveDuplicates();
    }

    @Test
    void eachUserHasTheirOwnList() throws IOException {
        new RecentNumbers(config, "alice").remember("+15551230002");

        assertThat(new RecentNumbers(config, "bob").load()).isEmpty();
        assertThat(new RecentNumbers(config, "alice").load()).containsExactly("+15551230002");
        assertThat(new RecentNumbers(config, "../bob").load()).as("a name cannot reach another file").isEmpty();
    }

    @Test
    void aMissingOrUnreadableFileIsAnEmptyList() throws IOException {
        assertThat(new RecentNumbers(config.resolve("nowhere"), "alice").load()).isEmpty();
        Files.write(config.resolve("recent-numbers-alice.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});
        assertThat(new RecentNumbers(config, "alice").load()).isEmpty();
    }
}
