package dev.lifeline.desktop.recovery;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.desktop.connection.Backoff;
import dev.lifeline.desktop.connection.CommandSender;
import dev.lifeline.desktop.connection.ServerProblem;
import dev.lifeline.desktop.ui.Failures;
import dev.lifeline.desktop.ui.Later;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.command.PhoneReady;
import dev.lifeline.model.incident.IncidentView;
import dev.lifeline.model.incident.Phase;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop's side of a recovery by the {@code rejoin} strategy, on the UI thread.
 *
 * <p>The server dials a returning agent straight into the customer's conference once the desktop says it is back, so
 * the desktop says so — {@code phone-ready} for its own open incident — as soon as it is signed in (it knows the
 * incident only then) and its phone is registered (a call to the agent can ring only then). With {@code requeue} the
 * server ignores it.
 *
 * <p>A call that rings while the agent's own recovery is open is answered only when the server announced it: the
 * incident is {@link Phase#REJOINING} (the server is dialling the agent in) or {@link Phase#RECONNECT_ENQUEUED} (the
 * desktop accepted the reconnect, whose conference instruction rings next). Any other call rings unanswered and is
 * answered if the announcement arrives while it still rings (the INVITE may overtake the socket's news): nobody else
 * can put a call through to an agent's desk by dialling it during a recovery. Outside a recovery a ringing call
 * follows a reservation the agent accepted and is answered at once, as before.
 *
 * <p>A {@code phone-ready} that fails without the server's refusal (the member it reached died, the cluster is
 * reforming, the network blinked) is said again after a backoff for as long as the recovery still waits for this
 * agent: waiting for the next incident news instead could mean waiting until the ping's TTL requeues the customer.
 */
public final class RejoinCalls {

    private static final Logger log = LoggerFactory.getLogger(RejoinCalls.class);

    private final AgentModel model;
    private final CommandSender server;
    private final UiExecutor ui;
    private final Later later;
    private final Consumer<String> answer;
    private final Backoff retry = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));
    /** Incidents this desktop already said it is back for (once each, again after a failed send). */
    private final Set<String> toldBack = new HashSet<>();
    private boolean phoneRegistered;
    /** A call ringing during the agent's recovery that nobody announced yet. */
    private String unannouncedCall;

    /**
     * @param later   runs a retry on the UI thread after a delay
     * @param answer  picks up a ringing call on the softphone
     */
    public RejoinCalls(AgentModel model, CommandSender server, UiExecutor ui, Later later, Consumer<String> answer) {
        this.model = model;
        this.server = server;
        this.ui = ui;
        this.later = later;
        this.answer = answer;
        model.incidentProperty().addListener((obs, old, now) -> incidentChanged());
    }

    /** The softphone's registration was gained or lost. */
    public void phoneRegistered(boolean registered) {
        phoneRegistered = registered;
        tellServerIfBack();
    }

    /** A call rings the softphone: answered now, later (once announced) or never. */
    public void ringing(String callSid) {
        IncidentView own = ownOpenIncident();
        if (own == null || announcesACall(own)) {
            answer.accept(callSid);
            return;
        }
        unannouncedCall = callSid;
        log.info("call {} rings during recovery {} ({}) without the server's word that it is the rejoin: not answered",
                callSid, own.incidentId(), own.phase());
    }

    /** A ringing call stopped ringing (the caller gave up). */
    public void ringEnded(String callSid) {
        if (callSid.equals(unannouncedCall)) {
            unannouncedCall = null;
        }
    }

    private void incidentChanged() {
        tellServerIfBack();
        IncidentView own = ownOpenIncident();
        if (unannouncedCall != null && (own == null || announcesACall(own))) {
            String call = unannouncedCall;
            unannouncedCall = null;
            if (own != null) {
                log.info("call {} is the announced rejoin of {}: answering", call, own.incidentId());
                answer.accept(call);
            }
        }
    }

    private void tellServerIfBack() {
        IncidentView own = ownOpenIncident();
        boolean waitingForMe = own != null && (own.phase() == Phase.DETECTED || own.phase() == Phase.PINGING);
        if (!waitingForMe || !phoneRegistered || !toldBack.add(own.incidentId())) {
            return;
        }
        String incidentId = own.incidentId();
        log.info("back for recovery {}: signed in, phone registered", incidentId);
        server.send(new PhoneReady(incidentId)).whenComplete((ok, failure) -> ui.execute(() -> {
            if (failure == null) {
                retry.reset();
                return;
            }
            toldBack.remove(incidentId);
            if (refusedByTheServer(failure)) {
                log.warn("the server refused that this desktop is back for {}: {}", incidentId, Failures.text(failure));
                return;
            }
            Duration delay = retry.nextDelay();
            log.warn("could not tell the server this desktop is back for {} ({}): saying it again in {} ms",
                    incidentId, Failures.text(failure), delay.toMillis());
            later.after(delay, this::tellServerIfBack);
        }));
    }

    /** A 4xx answer is the server's considered no (not this agent's incident, a bad request): asking again changes nothing. */
    private static boolean refusedByTheServer(Throwable failure) {
        int status = ServerProblem.statusOf(failure);
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }

    private static boolean announcesACall(IncidentView incident) {
        return incident.phase() == Phase.REJOINING || incident.phase() == Phase.RECONNECT_ENQUEUED;
    }

    /** The recovery this agent's desktop is in the middle of, if any. */
    private IncidentView ownOpenIncident() {
        IncidentView incident = model.incidentProperty().get();
        String me = model.workerSid();
        return incident != null && incident.isOpen() && me != null && me.equals(incident.droppedWorkerSid()) ? incident : null;
    }
}
