package dev.lifeline.sim.sip;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.api.v2010.account.sip.CredentialList;
import com.twilio.rest.api.v2010.account.sip.Domain;
import com.twilio.rest.api.v2010.account.sip.domain.authtypes.authtyperegistrations.AuthRegistrationsCredentialListMapping;
import dev.lifeline.sim.testsupport.SipTestPhone;
import java.time.Duration;
import javax.sip.header.WarningHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The emulated SIP Domain's registrar against a JAIN-SIP client, provisioned through twilio-java. */
class RegistrarTest {

    private SipSimFixture sim;
    private SipTestPhone phone;

    @BeforeEach
    void start() {
        sim = new SipSimFixture();
    }

    @AfterEach
    void stop() {
        if (phone != null) {
            phone.close();
        }
        sim.close();
    }

    private SipTestPhone phone(String transport) {
        phone = new SipTestPhone(sim.sipPort(), transport);
        return phone;
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void aCredentialCreatedThroughTheSdkRegistersAfterADigestChallenge(String transport) {
        SipDomainSetup.provision(sim.client, "alice");
        Response ok = phone(transport).register("lifeline.sip.ashburn.twilio.com", "alice", SipDomainSetup.PASSWORD, 120);

        assertThat(ok.getStatusCode()).isEqualTo(200);
        assertThat(SipTestPhone.grantedExpires(ok, phone.contact())).isEqualTo(120);
        assertThat(sim.sim.sip().bindingsSnapshot()).singleElement()
                .satisfies(b -> assertThat(b).containsEntry("aor", "alice@lifeline.sip.twilio.com")
                        .containsEntry("transport", transport));
    }

    @Test
    void theChallengeIsMd5DigestWithQopAuth() {
        SipDomainSetup.provision(sim.client, "alice");
        SipTestPhone raw = phone("udp");
        Response challenge = sendWithoutAuth(raw);
        assertThat(challenge.getStatusCode()).isEqualTo(401);
        WWWAuthenticateHeader header = (WWWAuthenticateHeader) challenge.getHeader(WWWAuthenticateHeader.NAME);
        assertThat(header.getScheme()).isEqualTo("Digest");
        assertThat(header.getRealm()).isEqualTo("sip.twilio.com");
        assertThat(header.getAlgorithm()).isEqualTo("MD5");
        assertThat(header.getQop()).isEqualTo("auth");
        assertThat(header.getNonce()).hasSize(32);
    }

    private Response sendWithoutAuth(SipTestPhone raw) {
        // the phone answers a challenge only with a password; an empty password still shows the first answer
        return raw.sendOnce(raw.registerRequest(SipDomainSetup.DOMAIN, "alice", 60, "sip:alice@127.0.0.1:5999"));
    }

    @Test
    void aWrongPasswordIsForbiddenAfterTheChallenge() {
        SipDomainSetup.provision(sim.client, "alice");
        assertThat(phone("udp").register(SipDomainSetup.DOMAIN, "alice", "WrongPassword99", 60).getStatusCode())
                .isEqualTo(403);
        assertThat(sim.sim.sip().bindingsSnapshot()).isEmpty();
    }

    @Test
    void anUnknownUserIsChallengedThenForbiddenLikeAWrongPassword() {
        SipDomainSetup.provision(sim.client, "alice");
        assertThat(phone("udp").register(SipDomainSetup.DOMAIN, "mallory", SipDomainSetup.PASSWORD, 60).getStatusCode())
                .isEqualTo(403);
    }

    @Test
    void aDomainWithRegistrationOffRefusesWith32210InAWarning() {
        SipDomainSetup setup = SipDomainSetup.provision(sim.client, "alice");
        Domain.updater(setup.domainSid).setSipRegistration(false).update(sim.client);

        Response refused = phone("udp").register(SipDomainSetup.DOMAIN, "alice", SipDomainSetup.PASSWORD, 60);

        assertThat(refused.getStatusCode()).isEqualTo(403);
        WarningHeader warning = (WarningHeader) refused.getHeader(WarningHeader.NAME);
        assertThat(warning.getCode()).isEqualTo(399);
        assertThat(warning.getText()).startsWith("32210 ");
    }

    @Test
    void aDomainWithoutARegistrationMappingRefusesWith32212() {
        String domain = Domain.creator(SipDomainSetup.DOMAIN).setSipRegistration(true).create(sim.client).getSid();
        CredentialList.creator("agents").create(sim.client);

        Response refused = phone("tcp").register(SipDomainSetup.DOMAIN, "alice", SipDomainSetup.PASSWORD, 60);

        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(((WarningHeader) refused.getHeader(WarningHeader.NAME)).getText()).startsWith("32212 ");
        assertThat(domain).startsWith("SD");
    }

    @Test
    void anUnknownDomainIsNotFound() {
        SipDomainSetup.provision(sim.client, "alice");
        assertThat(phone("udp").register("other.sip.twilio.com", "alice", SipDomainSetup.PASSWORD, 60).getStatusCode())
                .isEqualTo(404);
        assertThat(phone.register("lifeline.example.com", "alice", SipDomainSetup.PASSWORD, 60).getStatusCode())
                .isEqualTo(404);
    }

    @Test
    void expiresIsCappedAtTheMaximumAndTheBindingLapsesOnTheSimClock() {
        SipDomainSetup.provision(sim.client, "alice");
        Response ok = phone("udp").register(SipDomainSetup.DOMAIN, "alice", SipDomainSetup.PASSWORD, 3600);
        assertThat(SipTestPhone.grantedExpires(ok, phone.contact())).isEqualTo(600);

        sim.clock.advance(Duration.ofSeconds(599));
        assertThat(sim.sim.sip().bindingsSnapshot()).hasSize(1);
        sim.clock.advance(Duration.ofSeconds(1));
        assertThat(sim.sim.sip().bindingsSnapshot()).isEmpty();
    }

    @Test
    void aRefreshPushesTheExpiryBackAndExpiresZeroRemovesTheBinding() {
        SipDomainSetup.provision(sim.client, "alice");
        phone("udp").register(SipDomainSetup.DOMAIN, "alice", SipDomainSetup.PASSWORD, 60);
        sim.clock.advance(Duration.ofSeconds(50));
        phone.register(SipDomainSetup.DOMAIN, "alice", SipDomainSetup.PASSWORD, 60);
        sim.clock.advance(Duration.ofSeconds(50));
        assertThat(sim.sim.sip().bindingsSnapshot()).hasSize(1);

        Response removed = phone.register(SipDomainSetup.DOMAIN, "alice", SipDomainSetup.PASSWORD, 0);
        assertThat(removed.getStatusCode()).isEqualTo(200);
        assertThat(sim.sim.sip().bindingsSnapshot()).isEmpty();
    }

    @Test
    void aWildcardContactWithExpiresZeroRemovesEveryBindingOfTheUser() {
        SipDomainSetup.provision(sim.client, "alice");
        phone("udp").register(SipDomainSetup.DOMAIN, "alice", SipDomainSetup.PASSWORD, 60);
        try (SipTestPhone second = new SipTestPhone(sim.sipPort(), "tcp")) {
            second.register(SipDomainSetup.DOMAIN, "alice", SipDomainSetup.PASSWORD, 60);
            assertThat(sim.sim.sip().bindingsSnapshot()).hasSize(2);
            assertThat(second.unregisterAll().getStatusCode()).isEqualTo(200);
        }
        assertThat(sim.sim.sip().bindingsSnapshot()).isEmpty();
    }

    @Test
    void removingTheRegistrationMappingStopsFurtherRegistrations() {
        SipDomainSetup setup = SipDomainSetup.provision(sim.client, "alice");
        AuthRegistrationsCredentialListMapping.deleter(setup.domainSid, setup.listSid).delete(sim.client);
        assertThat(phone("udp").register(SipDomainSetup.DOMAIN, "alice", SipDomainSetup.PASSWORD, 60).getStatusCode())
                .isEqualTo(403);
    }
}
