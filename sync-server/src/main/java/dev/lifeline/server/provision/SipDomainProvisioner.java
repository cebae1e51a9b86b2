package dev.lifeline.server.provision;

import com.twilio.base.Resource;
import com.twilio.base.ResourceSet;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.sip.CredentialList;
import com.twilio.rest.api.v2010.account.sip.Domain;
import com.twilio.rest.api.v2010.account.sip.credentiallist.Credential;
import com.twilio.rest.api.v2010.account.sip.domain.authtypes.authtypecalls.AuthCallsCredentialListMapping;
import com.twilio.rest.api.v2010.account.sip.domain.authtypes.authtyperegistrations.AuthRegistrationsCredentialListMapping;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import dev.lifeline.server.softphone.SipAccounts;
import dev.lifeline.server.softphone.SipPasswords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, idempotently and through the twilio-java SDK, what agents' softphones need on a Twilio SIP Domain — the same
 * calls against a real account and the emulator: the domain with registration on, one credential list mapped for
 * registrations and for calls, and one credential per agent whose password {@link SipPasswords} derives. An existing
 * credential gets its password set again (Twilio keeps only a digest, so the server cannot tell whether it matches).
 * Passwords are never logged.
 */
public final class SipDomainProvisioner {

    /** The credential list's friendly name; found by it on later starts. */
    public static final String CREDENTIAL_LIST = "Lifeline agents";

    private static final Logger log = LoggerFactory.getLogger(SipDomainProvisioner.class);

    private final TwilioRestClient client;
    private final SipPasswords passwords;

    public SipDomainProvisioner(TwilioRestClient client, SipPasswords passwords) {
        this.client = client;
        this.passwords = passwords;
    }

    /** @return the domain's SID */
    public String provision(String domainName, Collection<String> agentIdentities) {
        String domain = domain(domainName);
        String list = find(CredentialList.reader().read(client), l -> CREDENTIAL_LIST.equals(l.getFriendlyName()))
                .map(CredentialList::getSid)
                .orElseGet(() -> created("SIP credential list", CREDENTIAL_LIST,
                        CredentialList.creator(CREDENTIAL_LIST).create(client).getSid()));
        if (find(AuthRegistrationsCredentialListMapping.reader(domain).read(client), m -> list.equals(m.getSid())).isEmpty()) {
            created("registrations mapping", domainName, AuthRegistrationsCredentialListMapping.creator(domain, list)
                    .create(client).getSid());
        }
        if (find(AuthCallsCredentialListMapping.reader(domain).read(client), m -> list.equals(m.getSid())).isEmpty()) {
            created("calls mapping", domainName, AuthCallsCredentialListMapping.creator(domain, list).create(client).getSid());
        }
        for (String identity : agentIdentities) {
            if (identity.length() > SipAccounts.MAX_USERNAME) {
                log.warn("agent '{}' gets no SIP account: Twilio's SIP user names have at most {} characters", identity,
                        SipAccounts.MAX_USERNAME);
                continue;
            }
            credential(list, domainName, identity);
        }
        return domain;
    }

    private String domain(String domainName) {
        Optional<Domain> existing = find(Domain.reader().read(client), d -> domainName.equalsIgnoreCase(d.getDomainName()));
        if (existing.isPresent()) {
            if (!Boolean.TRUE.equals(existing.get().getSipRegistration())) {
                // Without it Twilio refuses every REGISTER (32210): no agent could take a call.
                Domain.updater(existing.get().getSid()).setSipRegistration(true).update(client);
                log.info("turned SIP registration on for {}", domainName);
            }
            return existing.get().getSid();
        }
        return created("SIP domain", domainName, Domain.creator(domainName).setFriendlyName("Lifeline agents")
                .setSipRegistration(true).create(client).getSid());
    }

    private void credential(String list, String domainName, String identity) {
        String password = passwords.passwordOf(domainName, identity);
        Optional<Credential> existing = find(Credential.reader(list).read(client), c -> identity.equals(c.getUsername()));
        if (existing.isPresent()) {
            Credential.updater(list, existing.get().getSid()).setPassword(password).update(client);
        } else {
            created("SIP credential", identity, Credential.creator(list, identity, password).create(client).getSid());
        }
    }

    private static <T extends Resource> Optional<T> find(ResourceSet<T> all, Predicate<T> match) {
        return StreamSupport.stream(all.spliterator(), false).filter(match).findFirst();
    }

    private static String created(String kind, String name, String sid) {
        log.info("provisioned {} '{}' as {}", kind, name, sid);
        return sid;
    }
}
