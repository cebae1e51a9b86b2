package dev.lifeline.server.recovery;

import java.io.Serializable;
import java.util.Objects;

/**
 * A side effect the state machine asks for; the outbox executor performs it through the Twilio gateway
 * (or the desktop hub) and reports {@link RecoveryEvent.EffectCompleted}. {@link #effectId()} is derived
 * from the incident id, the attempt and the kind, so the same decision taken twice — a replayed webhook, a
 * second member, a retry after a crash — yields the same id, and the executor performs it once.
 */
public sealed interface Effect extends Serializable {

    String effectId();

    /** Play the "connection interrupted" prompt into the conference (Conference update {@code AnnounceUrl}). */
    record AnnounceToConference(String effectId, String conferenceSid, String url) implements Effect {
        public AnnounceToConference {
            Objects.requireNonNull(effectId, "effectId");
        }
    }

    /** Put one remaining party on hold with music (Participant update {@code Hold=true, HoldUrl}). */
    record StartHoldMusic(String effectId, String conferenceSid, String callSid, String holdUrl) implements Effect {
        public StartHoldMusic {
            Objects.requireNonNull(effectId, "effectId");
        }
    }

    /**
     * Create the Recovery Ping task (default channel, known worker = the dropped agent, TTL = timeout). Report
     * the created task SID as the {@code EffectCompleted} outcome: that alone moves the incident to PINGING.
     */
    record CreatePingTask(String effectId, String workflowSid, TaskAttributes attributes, int ttlSeconds,
                          int priority) implements Effect {
        public CreatePingTask {
            Objects.requireNonNull(effectId, "effectId");
        }
    }

    /**
     * Merge {@code patch} into the task's CURRENT attributes: fetch, {@link TaskAttributes#mergedWith},
     * write with {@code If-Match} of the fetched ETag, retry on 412. Never a wholesale overwrite (seed §8.3).
     */
    record MergeTaskAttributes(String effectId, String taskSid, TaskAttributes patch) implements Effect {
        public MergeTaskAttributes {
            Objects.requireNonNull(effectId, "effectId");
        }
    }

    /** Task update {@code AssignmentStatus=completed} (the accepted ping). */
    record CompleteTask(String effectId, String taskSid, String reason) implements Effect {
        public CompleteTask {
            Objects.requireNonNull(effectId, "effectId");
        }
    }

    /** Task update {@code AssignmentStatus=canceled}; an already final task counts as done. */
    record CancelTask(String effectId, String taskSid, String reason) implements Effect {
        public CancelTask {
            Objects.requireNonNull(effectId, "effectId");
        }
    }

    /**
     * Call update with {@code <Enqueue workflowSid><Task priority>attributes</Task></Enqueue>}. The executor
     * first checks the call is {@code in-progress}; if not, it reports EffectFailedPermanently, which the
     * machine treats as "the customer is gone" and still frees the agent (seed §8.6).
     */
    record RedirectCustomerToEnqueue(String effectId, String callSid, String workflowSid, TaskAttributes attributes,
                                     int priority) implements Effect {
        public RedirectCustomerToEnqueue {
            Objects.requireNonNull(effectId, "effectId");
        }
    }

    /**
     * The last safety net for a customer whom a redirect into a queue failed to reach (Twilio refused it for good):
     * the executor checks the call is still up, then redirects it into {@code <Enqueue>} on the deployment's voice
     * workflow. A call that has ended is reported EffectFailedPermanently (the customer left); a refusal is reported
     * EffectRefused and the machine asks for attempt {@code attempt + 1}, not before {@code notBefore} (backoff).
     */
    record RescueCustomer(String effectId, String callSid, String workflowSid, TaskAttributes attributes, int priority,
                          int attempt, java.time.Instant notBefore) implements Effect {
        public RescueCustomer {
            Objects.requireNonNull(effectId, "effectId");
            Objects.requireNonNull(notBefore, "notBefore");
        }
    }

    /**
     * Reservation update {@code ReservationStatus=completed}, only if it is still {@code wrapping}. With
     * {@code takeWorkerOffline} the worker is first set Offline with {@code RejectPendingReservations=true}: TaskRouter
     * leaves the activity as it is when a reservation completes, so an agent who never came back would otherwise be
     * routable again the moment the wrapping reservation stops holding their voice capacity.
     *
     * @param workerSid         the dropped agent's worker (the reservation's)
     * @param takeWorkerOffline the agent did not come back (the ping was never answered)
     */
    record CompleteReservation(String effectId, String taskSid, String reservationSid, String workerSid,
                               boolean takeWorkerOffline) implements Effect {
        public CompleteReservation {
            Objects.requireNonNull(effectId, "effectId");
        }
    }

    /**
     * Re-dial a party from the old conference into the new one:
     * {@code <Dial><Conference label hold muted endConferenceOnExit>toConferenceName</Conference></Dial>},
     * skipped (reported done) when the call is no longer in progress.
     */
    record MoveParty(String effectId, String fromConferenceSid, String callSid, String toConferenceName, String label,
                     boolean hold, boolean muted, boolean endConferenceOnExit) implements Effect {
        public MoveParty {
            Objects.requireNonNull(effectId, "effectId");
        }
    }

    /**
     * Strategy {@code rejoin}: dial the returning agent into the conference the customer is waiting in (Participants
     * create: {@code To} the agent's SIP address, {@code Label}, {@code EndConferenceOnExit=false}, the conference's
     * status callbacks). The label makes it idempotent: Twilio refuses a second participant with a label in use, so a
     * dial performed again (a member that died after dialling) finds the first leg instead of ringing the agent twice.
     * Reports the agent leg's call SID.
     */
    record DialAgentIntoConference(String effectId, String conferenceSid, String to, String from, String label)
            implements Effect {
        public DialAgentIntoConference {
            Objects.requireNonNull(effectId, "effectId");
        }
    }

    /**
     * Participant update {@code Hold=false}: the agent is back, the music stops. Idempotent at Twilio (a party not on
     * hold stays so), and a party gone (404) has nothing to stop: no check needed first.
     */
    record StopHoldMusic(String effectId, String conferenceSid, String callSid) implements Effect {
        public StopHoldMusic {
            Objects.requireNonNull(effectId, "effectId");
        }
    }

    /** Conference update {@code Status=completed}. */
    record EndConference(String effectId, String conferenceSid) implements Effect {
        public EndConference {
            Objects.requireNonNull(effectId, "effectId");
        }
    }

    /** Participant update {@code EndConferenceOnExit=value}. */
    record SetEndConferenceOnExit(String effectId, String conferenceSid, String callSid, boolean value)
            implements Effect {
        public SetEndConferenceOnExit {
            Objects.requireNonNull(effectId, "effectId");
        }
    }

    /**
     * A supervisor listens to a live call: Participants create {@code To} the supervisor's SIP address, {@code From}
     * {@code from} (what the supervisor's desktop answers), {@code Label}, {@code Muted=true}, {@code Coaching=true},
     * {@code CallSidToCoach} the agent's leg, {@code EndConferenceOnExit=false}, the conference's status callbacks. The
     * executor first looks for a participant with that label already there or ringing: dialling again would ring twice.
     */
    record DialSupervisorIn(String effectId, String conferenceSid, String to, String from, String label,
                            String callSidToCoach) implements Effect {
        public DialSupervisorIn {
            Objects.requireNonNull(effectId, "effectId");
        }
    }

    /**
     * Participant update of the supervisor's leg (by call SID or label): listen ({@code Muted=true, Coaching=true}),
     * whisper ({@code Muted=false, Coaching=true}) or barge ({@code Muted=false, Coaching=false}). The same values set
     * twice are the same state: nothing to check first; a leg gone (404) is done.
     */
    record CoachParticipant(String effectId, String conferenceSid, String callSidOrLabel, boolean muted, boolean coaching,
                            String callSidToCoach) implements Effect {
        public CoachParticipant {
            Objects.requireNonNull(effectId, "effectId");
        }
    }

    /** Participant delete (kick) of a leg the Participants API dialled, which ends its call; one already gone is done. */
    record RemoveParticipant(String effectId, String conferenceSid, String callSidOrLabel) implements Effect {
        public RemoveParticipant {
            Objects.requireNonNull(effectId, "effectId");
        }
    }

    /** Tell an agent's desktop where the incident stands (drives the Reconnecting modal). */
    record NotifyAgent(String effectId, String workerSid, IncidentSnapshot incident) implements Effect {
        public NotifyAgent {
            Objects.requireNonNull(effectId, "effectId");
        }
    }
}
