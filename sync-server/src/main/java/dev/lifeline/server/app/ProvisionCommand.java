package dev.lifeline.server.app;

import dev.lifeline.model.auth.Role;
import dev.lifeline.server.auth.UserDirectory;
import dev.lifeline.server.config.ConfigException;
import dev.lifeline.server.config.ServerConfig;
import dev.lifeline.server.inbound.IncomingCallRoutes;
import dev.lifeline.server.provision.PhoneNumberProvisioner;
import dev.lifeline.server.provision.ProvisionReport;
import dev.lifeline.server.provision.ProvisionedWorkspace;
import dev.lifeline.server.provision.SipDomainProvisioner;
import dev.lifeline.server.softphone.SipPasswordFile;
import dev.lifeline.server.twilio.TwilioConnection;
import dev.lifeline.server.webhooks.WebhookRoutes;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code provision [--dry-run]} and {@code rotate-sip-password IDENTITY}: what an operator runs against the account,
 * printing one line per object created, changed or kept. Bad arguments are a {@link ConfigException} (one line, exit 2).
 */
final class ProvisionCommand {

    static final String PROVISION_USAGE = "provision [--dry-run] [--number +E164 ...]";
    static final String ROTATE_USAGE = "rotate-sip-password IDENTITY";

    private static final java.util.regex.Pattern E164 = java.util.regex.Pattern.compile("\\+[1-9][0-9]{6,14}");

    private ProvisionCommand() {
    }

    static void provision(List<String> args, ServerConfig config, TwilioConnection twilio, PrintStream out) {
        boolean dryRun = false;
        List<String> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--dry-run")) {
                dryRun = true;
            } else if (arg.equals("--number") && i + 1 < args.size() && E164.matcher(args.get(i + 1)).matches()) {
                numbers.add(args.get(++i));
            } else if (arg.equals("--number")) {
                throw new ConfigException("usage: " + PROVISION_USAGE + " (--number needs a number in E.164 form, e.g. "
                        + "+15550100000)");
            } else {
                throw new ConfigException("usage: " + PROVISION_USAGE + " (unknown argument '" + arg + "')");
            }
        }
        ProvisionReport report = dryRun ? ProvisionReport.dryRun() : ProvisionReport.applying();
        ProvisionedWorkspace workspace = Provisioning.command(config, twilio, UserDirectory.load(usersFile(config)),
                Provisioning.sipPasswords(config), report);
        PhoneNumberProvisioner phoneNumbers = new PhoneNumberProvisioner(twilio.client(), report);
        try {
            numbers.forEach(number -> phoneNumbers.pointAt(number, config.publicBaseUrl() + IncomingCallRoutes.PATH));
        } catch (IllegalArgumentException e) {
            report.lines().forEach(out::println);
            throw new ConfigException(e.getMessage());
        }
        report.lines().forEach(out::println);
        out.println(report.summary());
        if (dryRun) {
            return;
        }
        out.println();
        out.println("workspace          " + workspace.workspaceSid() + "  (set TWILIO_WORKSPACE_SID)");
        out.println("voice workflow     " + workspace.voiceWorkflowSid());
        out.println("ping workflow      " + workspace.pingWorkflowSid());
        out.println("SIP domain         " + config.sip().domainName() + "  (passwords kept in "
                + config.sip().passwordsFile() + ")");
        out.println("conference webhook " + config.publicBaseUrl() + WebhookRoutes.CONFERENCE_PATH);
        out.println("incoming calls     " + config.publicBaseUrl() + IncomingCallRoutes.PATH
                + "  (a number's voice URL; --number +1... sets it)");
    }

    static void rotateSipPassword(List<String> args, ServerConfig config, TwilioConnection twilio, PrintStream out) {
        if (args.size() != 1) {
            throw new ConfigException("usage: " + ROTATE_USAGE);
        }
        String identity = args.get(0);
        boolean agent = UserDirectory.load(usersFile(config)).find(identity).map(user -> user.role() == Role.AGENT)
                .orElse(false);
        if (!agent) {
            throw new ConfigException("'" + identity + "' is not an agent of the users file " + usersFile(config));
        }
        if (config.sip().passwordsFile() == null) {
            throw new ConfigException("sip.passwords-file is not set: the server keeps no SIP passwords to rotate");
        }
        ProvisionReport report = ProvisionReport.applying();
        SipPasswordFile file = new SipPasswordFile(config.sip().passwordsFile());
        try {
            new SipDomainProvisioner(twilio.client(), file, report).rotate(identity, file);
        } catch (IllegalStateException e) {
            throw new ConfigException(e.getMessage());
        }
        report.lines().forEach(out::println);
        out.println("the server hands the new password to " + identity + "'s desktop at its next sign-in");
    }

    private static java.nio.file.Path usersFile(ServerConfig config) {
        if (config.auth().usersFile() == null) {
            throw new ConfigException("auth.users-file is not set: provisioning makes one SIP credential per agent of it");
        }
        return config.auth().usersFile();
    }
}
