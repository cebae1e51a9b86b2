package dev.lifeline.desktop.softphone.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SipAccountTest {

    private final SipAccount account = new SipAccount("sip:alice@lifeline.sip.twilio.com", "alice",
            "IWasAtSignal2018", "lifeline.sip.ashburn.twilio.com", 5060, SipTransport.UDP);

    @Test
    void itsTextNeverShowsThePassword() {
        assertThat(account.toString()).doesNotContain("IWasAtSignal2018").contains("password=***")
                .contains("sip:alice@lifeline.sip.twilio.com");
    }

    @Test
    void theAddressOfRecordGivesUserAndDomain() {
        assertThat(account.user()).isEqualTo("alice");
        assertThat(account.domain()).isEqualTo("lifeline.sip.twilio.com");
        assertThat(SipAccount.direct("sip:bob@example.com", "pw", SipTransport.TLS).proxyPort()).isEqualTo(5061);
    }

    @Test
    void aMalformedAddressIsRefusedInPlainWords() {
        assertThatThrownBy(() -> new SipAccount("alice@example.com", "alice", "pw", "h", 5060, SipTransport.UDP))
                .hasMessageContaining("sip:alice@");
    }
}
