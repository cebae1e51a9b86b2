package dev.lifeline.server.demo;

import dev.lifeline.server.desktop.FirstSignIn;
import dev.lifeline.server.provision.ProvisionedWorkspace;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.server.twilio.WorkerState;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sim mode only: a demo agent's desk starts Available, so the first customer a newcomer sends from the Simulator
 * rings at once. Workers are provisioned Offline (a worker nobody is at must not be offered calls), and only the
 * first sign-in since the cluster started switches them: an agent who chose Offline or Break later, or whose desk
 * comes back after a crash, is left as they are.
 */
public final class DemoAgentsStartAvailable implements FirstSignIn {

    private static final Logger log = LoggerFactory.getLogger(DemoAgentsStartAvailable.class);
    private static final String OFFLINE = "Offline";

    private final TaskRouterGateway twilio;
    private final String availableActivitySid;

    public DemoAgentsStartAvailable(TaskRouterGateway twilio, ProvisionedWorkspace workspace) {
        this.twilio = twilio;
        this.availableActivitySid = workspace.activitySid("Available");
    }

    @Override
    public void agentSignedInFirstTime(String identity, String workerSid) {
        try {
            Optional<WorkerState> worker = twilio.fetchWorker(workerSid);
            if (worker.isPresent() && OFFLINE.equals(worker.get().activityName())) {
                twilio.setWorkerActivity(workerSid, availableActivitySid);
                log.info("demo agent {} signed in for the first time: set Available (sim mode)", identity);
            }
        } catch (RuntimeException e) {
            // A convenience of the demo: the agent can still pick Available on the desk.
            log.warn("could not set demo agent {} Available: {}", identity, e.getMessage());
        }
    }
}
