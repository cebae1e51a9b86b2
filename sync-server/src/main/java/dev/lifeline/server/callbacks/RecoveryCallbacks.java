package dev.lifeline.server.callbacks;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.model.outbound.PlaceCall;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.TaskAttributes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovery meets callbacks (issue 20 item 4): a customer who hangs up while their agent is being brought back
 * ({@code CUSTOMER_LEFT}) is owed a call, due at once and offered first to the agent they were talking to
 * ({@code callbacks.recovery-same-agent-first}). The callback's id is derived from the incident's, so the move
 * observed twice (a retried write, another member) keeps one callback.
 */
public final class RecoveryCallbacks implements Consumer<Incident> {

    private static final Logger log = LoggerFactory.getLogger(RecoveryCallbacks.class);

    private final CallbackBook book;
    private final int priority;
    private final boolean sameAgentFirst;
    private final Clock clock;

    public RecoveryCallbacks(CallbackBook book, int priority, boolean sameAgentFirst, Clock clock) {
        this.book = book;
        this.priority = priority;
        this.sameAgentFirst = sameAgentFirst;
        this.clock = clock;
    }

    @Override
    public void accept(Incident incident) {
        if (incident.phase() != Phase.CUSTOMER_LEFT) {
            return;
        }
        String number = customerNumber(incident.droppedWorker().taskAttributes());
        if (number == null) {
            log.warn("customer of incident {} left during the recovery, but the task names no number to call back",
                    incident.incidentId());
            return;
        }
        Instant now = clock.instant();
        String agent = incident.droppedWorker().workerName().isBlank() ? "the agent" : incident.droppedWorker().workerName();
        Callback callback = Callback.scheduled(idFor(incident.incidentId()), number,
                "hung up while " + agent + "'s call was being recovered", now, now, "UTC", priority,
                sameAgentFirst ? incident.droppedWorker().workerSid() : null, "recovery:" + incident.incidentId());
        if (book.addIfAbsent(callback)) {
            log.info("customer of incident {} left during the recovery: callback {} is due now{}", incident.incidentId(),
                    callback.id(), sameAgentFirst ? ", offered first to " + agent : "");
        }
    }

    /** One callback per incident, whichever member sees it first. */
    static String idFor(String incidentId) {
        return UUID.nameUUIDFromBytes(("recovery:" + incidentId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Who called in ({@code from}), or who was called ({@code to}) on an outbound call. */
    private static String customerNumber(TaskAttributes attributes) {
        boolean outbound = attributes.string("direction").filter("outbound"::equals).isPresent();
        String number = attributes.string(outbound ? "to" : "from").orElse(null);
        return PlaceCall.isE164(number) ? number : null;
    }
}
