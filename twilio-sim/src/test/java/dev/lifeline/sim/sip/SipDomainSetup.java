package dev.lifeline.sim.sip;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.sip.CredentialList;
import com.twilio.rest.api.v2010.account.sip.Domain;
import com.twilio.rest.api.v2010.account.sip.credentiallist.Credential;
import com.twilio.rest.api.v2010.account.sip.domain.authtypes.authtyperegistrations.AuthRegistrationsCredentialListMapping;

/** Provisions a SIP Domain through the real SDK, as Lifeline's server will: domain, list, credentials, mapping. */
public final class SipDomainSetup {

    public static final String DOMAIN = "lifeline.sip.twilio.com";
    public static final String PASSWORD = "IWasAtSignal2018";

    public final String domainSid;
    public final String listSid;

    private SipDomainSetup(String domainSid, String listSid) {
        this.domainSid = domainSid;
        this.listSid = listSid;
    }

    /** A registering domain with one credential per user, all with {@link #PASSWORD}. */
    public static SipDomainSetup provision(TwilioRestClient client, String... users) {
        String domain = Domain.creator(DOMAIN).setSipRegistration(true).create(client).getSid();
        String list = CredentialList.creator("agents").create(client).getSid();
        for (String user : users) {
            Credential.creator(list, user, PASSWORD).create(client);
        }
        AuthRegistrationsCredentialListMapping.creator(domain, list).create(client);
        return new SipDomainSetup(domain, list);
    }
}
