package dev.lifeline.sim.sipdomain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.rest.api.v2010.account.sip.CredentialList;
import com.twilio.rest.api.v2010.account.sip.Domain;
import com.twilio.rest.api.v2010.account.sip.credentiallist.Credential;
import com.twilio.rest.api.v2010.account.sip.domain.CredentialListMapping;
import com.twilio.rest.api.v2010.account.sip.domain.authtypes.authtypecalls.AuthCallsCredentialListMapping;
import com.twilio.rest.api.v2010.account.sip.domain.authtypes.authtyperegistrations.AuthRegistrationsCredentialListMapping;
import dev.lifeline.sim.testsupport.SimFixture;
import java.net.URI;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SIP Domain resources through the real twilio-java 11.1.0 SDK. */
class SipDomainApiTest {

    private SimFixture sim;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static <T> List<T> all(Iterable<T> items) {
        return StreamSupport.stream(items.spliterator(), false).toList();
    }

    @Test
    void aDomainIsCreatedWithItsSettingsFetchedUpdatedListedAndDeleted() {
        Domain created = Domain.creator("lifeline.sip.twilio.com").setFriendlyName("Lifeline agents")
                .setSipRegistration(true).setSecure(false).setVoiceUrl("https://example.com/voice")
                .setVoiceMethod(HttpMethod.GET).create(sim.client());

        assertThat(created.getSid()).startsWith("SD").hasSize(34);
        assertThat(created.getDomainName()).isEqualTo("lifeline.sip.twilio.com");
        assertThat(created.getSipRegistration()).isTrue();
        assertThat(created.getSecure()).isFalse();
        assertThat(created.getVoiceUrl()).isEqualTo(URI.create("https://example.com/voice"));
        assertThat(created.getVoiceMethod()).isEqualTo(HttpMethod.GET);
        assertThat(created.getDateCreated()).isNotNull();
        assertThat(created.getAuthType()).isNull();
        assertThat(created.getSubresourceUris()).containsKey("credential_list_mappings");

        Domain updated = Domain.updater(created.getSid()).setSipRegistration(false).setFriendlyName("renamed")
                .update(sim.client());
        assertThat(updated.getSipRegistration()).isFalse();
        assertThat(updated.getFriendlyName()).isEqualTo("renamed");
        assertThat(Domain.fetcher(created.getSid()).fetch(sim.client()).getFriendlyName()).isEqualTo("renamed");
        assertThat(all(Domain.reader().read(sim.client()))).extracting(Domain::getSid).containsExactly(created.getSid());

        assertThat(Domain.deleter(created.getSid()).delete(sim.client())).isTrue();
        assertThat(all(Domain.reader().read(sim.client()))).isEmpty();
    }

    @Test
    void domainNamesMustEndInSipTwilioComAndBeFree() {
        Domain.creator("taken.sip.twilio.com").create(sim.client());
        for (String bad : List.of("lifeline.example.com", "under_score.sip.twilio.com", "sip.twilio.com", "TAKEN.sip.twilio.com")) {
            assertThatThrownBy(() -> Domain.creator(bad).create(sim.client())).as(bad)
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(400);
                        assertThat(e.getCode()).isEqualTo(21232);
                    });
        }
    }

    @Test
    void credentialsKeepOnlyAnMd5DigestAndNeverReturnThePassword() {
        CredentialList list = CredentialList.creator("Lifeline agents").create(sim.client());
        Credential alice = Credential.creator(list.getSid(), "alice", "IWasAtSignal2018").create(sim.client());

        assertThat(alice.getSid()).startsWith("CR");
        assertThat(alice.getUsername()).isEqualTo("alice");
        assertThat(alice.getCredentialListSid()).isEqualTo(list.getSid());
        String raw = sim.authed("GET", "/2010-04-01/Accounts/" + sim.accountSid() + "/SIP/CredentialLists/"
                + list.getSid() + "/Credentials/" + alice.getSid() + ".json", null).body();
        assertThat(raw).doesNotContainIgnoringCase("password").doesNotContain("IWasAtSignal2018");
        assertThat(sim.sim().sipDomains().toString()).doesNotContain("IWasAtSignal2018");

        Credential.updater(list.getSid(), alice.getSid()).setPassword("AnotherGood1234").update(sim.client());
        assertThat(all(Credential.reader(list.getSid()).read(sim.client()))).extracting(Credential::getUsername)
                .containsExactly("alice");
        assertThat(CredentialList.fetcher(list.getSid()).fetch(sim.client()).getFriendlyName()).isEqualTo("Lifeline agents");
        assertThat(all(CredentialList.reader().read(sim.client()))).hasSize(1);
    }

    @Test
    void passwordsAndUsernamesFollowTwiliosRules() {
        String list = CredentialList.creator("agents").create(sim.client()).getSid();
        for (String weak : List.of("Short1a", "alllowercase123", "ALLUPPERCASE123", "NoDigitsAtAllHere")) {
            assertThatThrownBy(() -> Credential.creator(list, "bob", weak).create(sim.client())).as(weak)
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(400);
                        assertThat(e.getMessage()).contains("at least 12 characters");
                    });
        }
        assertThatThrownBy(() -> Credential.creator(list, "x".repeat(33), "IWasAtSignal2018").create(sim.client()))
                .hasMessageContaining("32");
        Credential.creator(list, "bob", "IWasAtSignal2018").create(sim.client());
        assertThatThrownBy(() -> Credential.creator(list, "bob", "IWasAtSignal2019").create(sim.client()))
                .hasMessageContaining("already exists");
    }

    @Test
    void registrationAndCallMappingsAreSeparateAndTheLegacyMappingIsTheCallsOne() {
        String domain = Domain.creator("lifeline.sip.twilio.com").setSipRegistration(true).create(sim.client()).getSid();
        CredentialList agents = CredentialList.creator("agents").create(sim.client());

        AuthRegistrationsCredentialListMapping registration =
                AuthRegistrationsCredentialListMapping.creator(domain, agents.getSid()).create(sim.client());
        assertThat(registration.getSid()).isEqualTo(agents.getSid());
        assertThat(registration.getFriendlyName()).isEqualTo("agents");
        assertThat(all(AuthRegistrationsCredentialListMapping.reader(domain).read(sim.client()))).hasSize(1);
        assertThat(all(AuthCallsCredentialListMapping.reader(domain).read(sim.client()))).isEmpty();
        assertThat(Domain.fetcher(domain).fetch(sim.client()).getAuthType()).isEqualTo("CREDENTIAL_LIST");

        CredentialListMapping legacy = CredentialListMapping.creator(domain, agents.getSid()).create(sim.client());
        assertThat(legacy.getDomainSid()).isEqualTo(domain);
        assertThat(all(AuthCallsCredentialListMapping.reader(domain).read(sim.client())))
                .extracting(AuthCallsCredentialListMapping::getSid).containsExactly(agents.getSid());
        assertThatThrownBy(() -> AuthCallsCredentialListMapping.creator(domain, agents.getSid()).create(sim.client()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(21231));

        assertThat(AuthRegistrationsCredentialListMapping.fetcher(domain, agents.getSid()).fetch(sim.client())
                .getFriendlyName()).isEqualTo("agents");
        assertThat(AuthRegistrationsCredentialListMapping.deleter(domain, agents.getSid()).delete(sim.client())).isTrue();
        assertThat(all(AuthRegistrationsCredentialListMapping.reader(domain).read(sim.client()))).isEmpty();
        assertThat(CredentialListMapping.fetcher(domain, agents.getSid()).fetch(sim.client()).getSid()).isEqualTo(agents.getSid());
    }

    @Test
    void unknownSidsAre404WithTwiliosErrorShape() {
        var response = sim.authed("GET", "/2010-04-01/Accounts/" + sim.accountSid()
                + "/SIP/Domains/SD00000000000000000000000000000000.json", null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"code\":20404").contains("\"more_info\"").contains("\"status\":404");
        String domain = Domain.creator("d.sip.twilio.com").create(sim.client()).getSid();
        assertThatThrownBy(() -> AuthRegistrationsCredentialListMapping.creator(domain, "CL00000000000000000000000000000000")
                .create(sim.client())).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }
}
