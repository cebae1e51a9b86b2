package dev.lifeline.server.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void aLineBreakCannotStartALineOfItsOwn() {
        String forged = "x'\n12:00:00.000 INFO  [main] AuthRoutes - sam signed in as SUPERVISOR";

        assertThat(LogSafe.text(forged)).doesNotContain("\n").startsWith("x'\\n12:00");
    }

    @Test
    void controlSeparatorAndBidiCharactersAreWrittenAsEscapes() {
        assertThat(LogSafe.text("a\rb\tc\u0000d\u2028e\u202ef\\")).isEqualTo("a\\rb\\tc\\u0000d\\u2028e\\u202ef\\\\");
    }

    @Test
    void longTextIsCutWithANoteOfHowMuch() {
        String cut = LogSafe.text("n".repeat(60_000));

        assertThat(cut).hasSizeLessThan(100).endsWith("…(+" + (60_000 - LogSafe.MAX_CHARS) + " chars)");
    }

    @Test
    void ordinaryNamesPassUnchanged() {
        assertThat(LogSafe.text("alice.o-brien_2")).isEqualTo("alice.o-brien_2");
        assertThat(LogSafe.text(null)).isEqualTo("null");
    }
}
