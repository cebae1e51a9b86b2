package dev.lifeline.server.app;

import dev.lifeline.model.auth.Role;
import dev.lifeline.server.auth.User;
import dev.lifeline.server.auth.UserDirectory;
import dev.lifeline.server.config.ServerConfig;
import dev.lifeline.server.provision.ProvisionReport;
import dev.lifeline.server.provision.ProvisionedWorkspace;
import dev.lifeline.server.provision.SipDomainProvisioner;
import dev.lifeline.server.provision.WorkspaceProvisioner;
import dev.lifeline.server.softphone.SipAccounts;
import dev.lifeline.server.softphone.SipPasswordFile;
import dev.lifeline.server.softphone.SipPasswordSource;
import dev.lifeline.server.softphone.SipPasswords;
import dev.lifeline.server.twilio.TwilioConnection;
import dev.lifeline.server.webhooks.WebhookRoutes;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the server sets up on Twilio (or the emulator), for {@code run} and the {@code provision} command alike. Workers'
 * {@code contact_uri} is the agent's SIP address in both modes.
 *
 * <ul>
 *   <li>{@code provision}: the SIP Domain and one credential per agent (an existing one is kept), TaskRouter, and a
 *   worker per agent of the users file (created when missing).</li>
 *   <li>{@code run}, sim mode: the same on the emulator, which forgets everything at each start; the demo's workers.</li>
 *   <li>{@code run}, twilio mode: TaskRouter only, and the agents' existing workers get their SIP address. SIP
 *   credentials are left to {@code provision} and {@code rotate-sip-password}: a member whose copy of the passwords file
 *   is older than the last rotation would otherwise set an old password back at every start.</li>
 * </ul>
 */
final class Provisioning {

    private Provisioning() {
    }

    /** At the start of {@code run}. */
    static ProvisionedWorkspace atStart(ServerConfig config, TwilioConnection twilio, String publicBaseUrl, UserDirectory users,
                                        SipPasswordSource sipPasswords) {
        String domainName = config.sip().domainName();
        if (!twilio.isSimulated()) {
            return run(config, twilio, publicBaseUrl, users, sipPasswords, ProvisionReport.applying(), false);
        }
        return twilio.provision(provisioner -> {
            new SipDomainProvisioner(twilio.client(), sipPasswords).provision(domainName, phoneIdentities(users));
            return provisioner.withRouting(config.routing(), skills(users)).provision(null, "Lifeline Demo", publicBaseUrl + WebhookRoutes.TASKROUTER_PATH,
                    Map.of("alice", "Alice Agent", "bob", "Bob Agent"), pingTtl(config), 30,
                    identity -> SipAccounts.addressOf(identity, domainName));
        });
    }

    /** The {@code provision} command (twilio mode): everything, reported in {@code report}. */
    static ProvisionedWorkspace command(ServerConfig config, TwilioConnection twilio, UserDirectory users,
                                        SipPasswordSource sipPasswords, ProvisionReport report) {
        return run(config, twilio, config.publicBaseUrl(), users, sipPasswords, report, true);
    }

    private static ProvisionedWorkspace run(ServerConfig config, TwilioConnection twilio, String publicBaseUrl,
                                            UserDirectory users, SipPasswordSource sipPasswords, ProvisionReport report,
                                            boolean command) {
        String domainName = config.sip().domainName();
        String eventsUrl = publicBaseUrl + WebhookRoutes.TASKROUTER_PATH;
        WorkspaceProvisioner provisioner = new WorkspaceProvisioner(twilio.client(), report)
                .withRouting(config.routing(), skills(users));
        if (command) {
            new SipDomainProvisioner(twilio.client(), sipPasswords, report).provision(domainName, phoneIdentities(users),
                    SipDomainProvisioner.Credentials.KEEP_EXISTING);
            Map<String, String> agents = new LinkedHashMap<>();
            users.all().stream().filter(user -> user.role() == Role.AGENT)
                    .forEach(user -> agents.put(user.identity(), user.displayName()));
            return twilio.provision(unused -> provisioner.provision(config.twilio().workspaceSid(), "Lifeline", eventsUrl,
                    agents, pingTtl(config), 30, identity -> SipAccounts.addressOf(identity, domainName)));
        }
        ProvisionedWorkspace provisioned = twilio.provision(unused -> provisioner.provision(config.twilio().workspaceSid(),
                "Lifeline", eventsUrl, Map.of(), pingTtl(config), 30));
        Map<String, String> contactUris = new LinkedHashMap<>();
        agentIdentities(users).forEach(identity -> contactUris.put(identity, SipAccounts.addressOf(identity, domainName)));
        return provisioned.withWorkers(provisioner.keepContactUris(provisioned.workspaceSid(), contactUris));
    }

    /** The passwords file when one is configured (twilio mode always), else derived from {@code auth.token-secret}. */
    static SipPasswordSource sipPasswords(ServerConfig config, byte[] tokenSecret) {
        return config.sip().passwordsFile() != null ? new SipPasswordFile(config.sip().passwordsFile())
                : new SipPasswords(tokenSecret);
    }

    static SipPasswordSource sipPasswords(ServerConfig config) {
        return sipPasswords(config, config.auth().tokenSecret().reveal().getBytes(StandardCharsets.UTF_8));
    }

    /** The agents whose users-file line names skills: their workers' {@code routing.skills}. */
    private static Map<String, List<String>> skills(UserDirectory users) {
        Map<String, List<String>> skills = new LinkedHashMap<>();
        users.all().stream().filter(user -> user.role() == Role.AGENT && user.skills() != null)
                .forEach(user -> skills.put(user.identity(), user.skills()));
        return skills;
    }

    /** Who gets a SIP credential: agents take calls on it, supervisors listen in on theirs (issue 18). */
    private static List<String> phoneIdentities(UserDirectory users) {
        return users.all().stream().map(User::identity).toList();
    }

    /** Agents (their workers get a SIP address as {@code contact_uri}). */
    private static List<String> agentIdentities(UserDirectory users) {
        return users.all().stream().filter(user -> user.role() == Role.AGENT).map(User::identity).toList();
    }

    private static int pingTtl(ServerConfig config) {
        return (int) Math.max(1, config.recovery().pingTtl().toSeconds());
    }
}
