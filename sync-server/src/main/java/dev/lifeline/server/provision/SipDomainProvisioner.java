package dev.lifeline.server.provision;

import com.twilio.base.Resource;
import com.twilio.base.ResourceSet;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.sip.CredentialList;
import com.twilio.rest.api.v2010.account.sip.Domain;
import com.twilio.rest.api.v2010.account.sip.credentiallist.Credential;
import com.twilio.rest.api.v2010.account.sip.domain.authtypes.authtypecalls.AuthCallsCredentialListMapping;
import com.twilio.rest.api.v2010.account.sip.domain.authtypes.authtyperegistrations.AuthRegistrationsCredentialListMapping;
import dev.lifeline.server.softphone.SipAccounts;
import dev.lifeline.server.softphone.SipPasswordFile;
import dev.lifeline.server.softphone.SipPasswordSource;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, idempotently and through the twilio-java SDK, what agents' softphones need on a Twilio SIP Domain — the same
 * calls against a real account and the emulator: the domain with registration on, one credential list mapped for
 * registrations and for calls, and one credential per agent with the password the server keeps
 * ({@link SipPasswordSource}). Passwords are never logged nor reported.
 */
public final class SipDomainProvisioner {

    /** The credential list's friendly name; found by it on later runs. */
    public static final String CREDENTIAL_LIST = "Lifeline agents";

    /** What to do with an agent's credential that already exists. */
    public enum Credentials {
        /**
         * Set its password again (sim mode's start, from a derived password): Twilio keeps only a digest, so whether it
         * still matches cannot be read.
         */
        SET_EVERY_PASSWORD,
        /**
         * Keep it when the server keeps its password (the {@code provision} command: a second run changes nothing);
         * give it a new one when the server keeps none (the password file was lost), since nobody knows the old one.
         */
        KEEP_EXISTING
    }

    private static final Logger log = LoggerFactory.getLogger(SipDomainProvisioner.class);

    private final TwilioRestClient client;
    private final SipPasswordSource passwords;
    private final ProvisionReport report;

    public SipDomainProvisioner(TwilioRestClient client, SipPasswordSource passwords) {
        this(client, passwords, ProvisionReport.applying());
    }

    public SipDomainProvisioner(TwilioRestClient client, SipPasswordSource passwords, ProvisionReport report) {
        this.client = client;
        this.passwords = passwords;
        this.report = report;
    }

    /** As {@link #provision(String, Collection, Credentials)}, setting every password again. */
    public String provision(String domainName, Collection<String> agentIdentities) {
        return provision(domainName, agentIdentities, Credentials.SET_EVERY_PASSWORD);
    }

    /** @return the domain's SID (a placeholder in a dry run that would create it) */
    public String provision(String domainName, Collection<String> agentIdentities, Credentials existing) {
        String domain = domain(domainName);
        String list = credentialList();
        mapping("registrations mapping", domainName, domain, list,
                () -> AuthRegistrationsCredentialListMapping.reader(domain).read(client), m -> list.equals(m.getSid()),
                () -> AuthRegistrationsCredentialListMapping.creator(domain, list).create(client).getSid());
        mapping("calls mapping", domainName, domain, list,
                () -> AuthCallsCredentialListMapping.reader(domain).read(client), m -> list.equals(m.getSid()),
                () -> AuthCallsCredentialListMapping.creator(domain, list).create(client).getSid());
        for (String identity : agentIdentities) {
            if (identity.length() > SipAccounts.MAX_USERNAME) {
                log.warn("agent '{}' gets no SIP account: Twilio's SIP user names have at most {} characters", identity,
                        SipAccounts.MAX_USERNAME);
                continue;
            }
            credential(list, domainName, identity, existing);
        }
        return domain;
    }

    /**
     * Gives {@code identity}'s credential a new random password: set at Twilio first, then kept in the file, so the
     * server never hands out a password Twilio does not know.
     *
     * @throws IllegalStateException when the credential list does not exist yet ({@code provision} first)
     */
    public void rotate(String identity, SipPasswordFile file) {
        String list = find(CredentialList.reader().read(client), l -> CREDENTIAL_LIST.equals(l.getFriendlyName()))
                .map(CredentialList::getSid)
                .orElseThrow(() -> new IllegalStateException("no SIP credential list '" + CREDENTIAL_LIST
                        + "' on this account: run 'lifeline-server provision' first"));
        Optional<Credential> credential = find(Credential.reader(list).read(client), c -> identity.equals(c.getUsername()));
        if (credential.isPresent()) {
            report.change("SIP credential", identity, credential.get().getSid(), "new password",
                    () -> withPassword(file, identity, true, password -> Credential.updater(list, credential.get().getSid())
                            .setPassword(password).update(client).getSid()));
        } else {
            report.create("SIP credential", identity, () -> withPassword(file, identity, true,
                    password -> Credential.creator(list, identity, password).create(client).getSid()));
        }
    }

    private String domain(String domainName) {
        Optional<Domain> existing = find(Domain.reader().read(client), d -> domainName.equalsIgnoreCase(d.getDomainName()));
        if (existing.isEmpty()) {
            return report.create("SIP domain", domainName, () -> Domain.creator(domainName)
                    .setFriendlyName("Lifeline agents").setSipRegistration(true).create(client).getSid());
        }
        String sid = existing.get().getSid();
        if (!Boolean.TRUE.equals(existing.get().getSipRegistration())) {
            // Without it Twilio refuses every REGISTER (32210): no agent could take a call.
            report.change("SIP domain", domainName, sid, "registration turned on",
                    () -> Domain.updater(sid).setSipRegistration(true).update(client));
            return sid;
        }
        return report.keep("SIP domain", domainName, sid);
    }

    private String credentialList() {
        return find(CredentialList.reader().read(client), l -> CREDENTIAL_LIST.equals(l.getFriendlyName()))
                .map(l -> report.keep("SIP credential list", CREDENTIAL_LIST, l.getSid()))
                .orElseGet(() -> report.create("SIP credential list", CREDENTIAL_LIST,
                        () -> CredentialList.creator(CREDENTIAL_LIST).create(client).getSid()));
    }

    private <T extends Resource> void mapping(String kind, String domainName, String domain, String list,
                                              Supplier<ResourceSet<T>> read, Predicate<T> mapsList, Supplier<String> create) {
        boolean planned = ProvisionReport.isPlanned(domain) || ProvisionReport.isPlanned(list);
        if (!planned && find(read.get(), mapsList).isPresent()) {
            report.keep(kind, domainName, list);
        } else {
            report.create(kind, domainName, create);
        }
    }

    private void credential(String list, String domainName, String identity, Credentials policy) {
        Optional<Credential> existing = ProvisionReport.isPlanned(list) ? Optional.empty()
                : find(Credential.reader(list).read(client), c -> identity.equals(c.getUsername()));
        if (existing.isEmpty()) {
            report.create("SIP credential", identity, () -> withPassword(domainName, identity, false,
                    password -> Credential.creator(list, identity, password).create(client).getSid()));
            return;
        }
        String sid = existing.get().getSid();
        boolean kept = passwords.keptPasswordOf(domainName, identity).isPresent();
        if (policy == Credentials.KEEP_EXISTING && kept) {
            report.keep("SIP credential", identity, sid);
            return;
        }
        report.change("SIP credential", identity, sid, kept ? "password set again" : "new password (the server kept none for it)",
                () -> withPassword(domainName, identity, false,
                        password -> Credential.updater(list, sid).setPassword(password).update(client).getSid()));
    }

    /**
     * Sets a password at Twilio with {@code set}, then keeps it: a kept password is always the one Twilio holds, even
     * when Twilio refuses the change. {@code fresh}: a new one even if one is kept (a rotation).
     */
    private String withPassword(String domainName, String identity, boolean fresh, Function<String, String> set) {
        if (passwords instanceof SipPasswordFile file) {
            return withPassword(file, identity, fresh, set);
        }
        return set.apply(passwords.passwordOf(domainName, identity));
    }

    private static String withPassword(SipPasswordFile file, String identity, boolean fresh, Function<String, String> set) {
        Optional<String> kept = fresh ? Optional.empty() : file.keptPasswordOf(null, identity);
        String password = kept.orElseGet(file::newPassword);
        String sid = set.apply(password);
        if (kept.isEmpty()) {
            file.keep(identity, password);
        }
        return sid;
    }

    private static <T extends Resource> Optional<T> find(ResourceSet<T> all, Predicate<T> match) {
        return StreamSupport.stream(all.spliterator(), false).filter(match).findFirst();
    }
}
