package dev.lifeline.server.provision;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.sip.CredentialList;
import com.twilio.rest.api.v2010.account.sip.Domain;
import com.twilio.rest.api.v2010.account.sip.credentiallist.Credential;
import com.twilio.rest.api.v2010.account.sip.domain.authtypes.authtypecalls.AuthCallsCredentialListMapping;
import com.twilio.rest.api.v2010.account.sip.domain.authtypes.authtyperegistrations.AuthRegistrationsCredentialListMapping;
import dev.lifeline.server.softphone.SipPasswords;
import dev.lifeline.sim.TwilioSim;
import dev.lifeline.sim.client.EmulatorHttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Provisioning the agents' SIP accounts through the real SDK against twilio-sim, exactly as against Twilio. */
class SipDomainProvisionerTest {

    private static final String DOMAIN = "lifeline-test.sip.twilio.com";

    private final TwilioSim sim = TwilioSim.builder().port(0).start();
    private final TwilioRestClient client = new TwilioRestClient.Builder(sim.accountSid(), sim.authToken())
            .httpClient(new EmulatorHttpClient(sim.baseUrl())).build();
    private final SipPasswords passwords = new SipPasswords("provisioner-test-secret-0123456789".getBytes(StandardCharsets.UTF_8));
    private final SipDomainProvisioner provisioner = new SipDomainProvisioner(client, passwords);

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aRegisteringDomainWithOneListMappedForRegistrationsAndCallsAndOneCredentialPerAgent() throws Exception {
        String domainSid = provisioner.provision(DOMAIN, List.of("alice", "bob"));

        Domain domain = Domain.fetcher(domainSid).fetch(client);
        assertThat(domain.getDomainName()).isEqualTo(DOMAIN);
        assertThat(domain.getSipRegistration()).isTrue();
        List<CredentialList> lists = all(CredentialList.reader().read(client));
        assertThat(lists).extracting(CredentialList::getFriendlyName).containsExactly(SipDomainProvisioner.CREDENTIAL_LIST);
        String list = lists.get(0).getSid();
        assertThat(all(AuthRegistrationsCredentialListMapping.reader(domainSid).read(client)))
                .extracting(AuthRegistrationsCredentialListMapping::getSid).containsExactly(list);
        assertThat(all(AuthCallsCredentialListMapping.reader(domainSid).read(client)))
                .extracting(AuthCallsCredentialListMapping::getSid).containsExactly(list);
        assertThat(all(Credential.reader(list).read(client))).extracting(Credential::getUsername)
                .containsExactlyInAnyOrder("alice", "bob");
        assertThat(sim.sipDomains().registration(DOMAIN, "alice").ha1())
                .isEqualTo(md5Hex("alice:sip.twilio.com:" + passwords.passwordOf(DOMAIN, "alice")));
    }

    @Test
    void runningItAgainCreatesNothingNewTurnsRegistrationBackOnAndSetsThePasswordsAgain() throws Exception {
        String domainSid = provisioner.provision(DOMAIN, List.of("alice"));
        Domain.updater(domainSid).setSipRegistration(false).update(client);
        String list = all(CredentialList.reader().read(client)).get(0).getSid();
        String aliceSid = all(Credential.reader(list).read(client)).get(0).getSid();
        Credential.updater(list, aliceSid).setPassword("SomebodyElse1234").update(client);

        assertThat(provisioner.provision(DOMAIN, List.of("alice", "bob"))).isEqualTo(domainSid);

        assertThat(all(Domain.reader().read(client))).hasSize(1);
        assertThat(Domain.fetcher(domainSid).fetch(client).getSipRegistration()).isTrue();
        assertThat(all(CredentialList.reader().read(client))).hasSize(1);
        assertThat(all(AuthRegistrationsCredentialListMapping.reader(domainSid).read(client))).hasSize(1);
        assertThat(all(AuthCallsCredentialListMapping.reader(domainSid).read(client))).hasSize(1);
        assertThat(all(Credential.reader(list).read(client))).hasSize(2);
        assertThat(sim.sipDomains().registration(DOMAIN, "alice").ha1())
                .isEqualTo(md5Hex("alice:sip.twilio.com:" + passwords.passwordOf(DOMAIN, "alice")));
    }

    @Test
    void anIdentityLongerThanTwiliosUserNamesGetsNoCredential() {
        String domainSid = provisioner.provision(DOMAIN, List.of("a".repeat(33), "bob"));

        String list = all(CredentialList.reader().read(client)).get(0).getSid();
        assertThat(all(Credential.reader(list).read(client))).extracting(Credential::getUsername).containsExactly("bob");
        assertThat(domainSid).startsWith("SD");
    }

    private static <T> List<T> all(Iterable<T> items) {
        return StreamSupport.stream(items.spliterator(), false).toList();
    }

    private static String md5Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
