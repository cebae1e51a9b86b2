package dev.lifeline.server.app;

import dev.lifeline.model.auth.Role;
import dev.lifeline.server.auth.User;
import dev.lifeline.server.auth.UserDirectory;
import dev.lifeline.server.config.ServerConfig;
import dev.lifeline.server.provision.ProvisionedWorkspace;
import dev.lifeline.server.provision.SipDomainProvisioner;
import dev.lifeline.server.softphone.SipAccounts;
import dev.lifeline.server.softphone.SipPasswords;
import dev.lifeline.server.twilio.TwilioConnection;
import dev.lifeline.server.webhooks.WebhookRoutes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the server sets up on Twilio (or the emulator) before it serves, for {@code run} and the {@code provision}
 * command alike: the agents' SIP accounts on the SIP Domain, then TaskRouter. Workers' {@code contact_uri} is the
 * agent's SIP address in both modes: created so in sim mode, set on the Flex workers named like agents in twilio mode.
 */
final class Provisioning {

    private Provisioning() {
    }

    static ProvisionedWorkspace run(ServerConfig config, TwilioConnection twilio, String publicBaseUrl, UserDirectory users,
                                    SipPasswords sipPasswords) {
        int pingTtl = (int) Math.max(1, config.recovery().pingTtl().toSeconds());
        String eventsUrl = publicBaseUrl + WebhookRoutes.TASKROUTER_PATH;
        String domainName = config.sip().domainName();
        List<String> agentIdentities = users.all().stream().filter(user -> user.role() == Role.AGENT)
                .map(User::identity).toList();
        return twilio.provision(provisioner -> {
            new SipDomainProvisioner(twilio.client(), sipPasswords).provision(domainName, agentIdentities);
            if (twilio.isSimulated()) {
                return provisioner.provision(null, "Lifeline Demo", eventsUrl,
                        Map.of("alice", "Alice Agent", "bob", "Bob Agent"), pingTtl, 30,
                        identity -> SipAccounts.addressOf(identity, domainName));
            }
            ProvisionedWorkspace provisioned = provisioner.provision(config.twilio().workspaceSid(), "Lifeline", eventsUrl,
                    Map.of(), pingTtl, 30);
            Map<String, String> contactUris = new LinkedHashMap<>();
            agentIdentities.forEach(identity -> contactUris.put(identity, SipAccounts.addressOf(identity, domainName)));
            return provisioned.withWorkers(provisioner.keepContactUris(provisioned.workspaceSid(), contactUris));
        });
    }
}
