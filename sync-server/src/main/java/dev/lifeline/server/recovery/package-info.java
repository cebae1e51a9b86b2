/**
 * The recovery state machine: pure, deterministic, no I/O, no clock (time comes in as a value).
 *
 * <h2>Shape</h2>
 * {@link dev.lifeline.server.recovery.RecoveryStateMachine#apply RecoveryStateMachine.apply(incident, event,
 * now, policy)} returns a {@link dev.lifeline.server.recovery.Transition}: the next
 * {@link dev.lifeline.server.recovery.Incident} (version + 1 on any change, the same object otherwise) and the
 * {@link dev.lifeline.server.recovery.Effect}s newly added to its outbox, in the order to perform them. Every
 * effect has an id derived from {@code incidentId/attempt/kind[/party]} and is added at most once in the
 * incident's life, so replays, duplicates and a second cluster member never perform anything twice. The
 * executor reports back with {@code EffectCompleted}, {@code EffectFailedPermanently} (what the effect acts on is
 * gone) or {@code EffectRefused} (Twilio refused it for good, a 4xx). An event that does not apply in the current
 * phase is a no-op; no event leaves a terminal phase, except a refused redirect of the customer, which turns the exit
 * that redirect belonged to into {@code STRANDED} (that exit never happened).
 *
 * <h2>Phases</h2>
 * {@code DETECTED → PINGING → RECONNECT_ENQUEUED → RECONNECTED → RESTORED} ({@code requeue}), or
 * {@code DETECTED → PINGING → REJOINING → RECONNECTED → RESTORED} ({@code rejoin}, {@link
 * dev.lifeline.server.recovery.RecoveryStrategy}); terminal side exits
 * {@code REQUEUED}, {@code CUSTOMER_LEFT}, {@code EXPIRED}, {@code CANCELLED} (and {@code RESTORED}); and
 * {@code STRANDED}, not terminal but no longer the agent's: the customer is on the line in no queue, the safety net
 * keeps trying to queue them and the supervisors are alerted.
 * Every phase change notifies the dropped agent ({@code NotifyAgent}); every terminal path (and STRANDED) completes
 * the dropped agent's wrapping reservation ({@code CompleteReservation}).
 *
 * <h2>Transitions</h2>
 * <pre>
 * phase                event                          effects                                           → phase
 * (none)               DropDetected                   Announce, StartHoldMusic*, MergeTaskAttributes     DETECTED
 *                                                     (disconnectedTime, followed_by), CreatePingTask
 * DETECTED             PingTaskCreated / CreatePing   —                                                  PINGING
 *                      EffectCompleted(sid)
 * DETECTED|PINGING     PingAccepted                   CompleteTask(ping), Merge(wasPingSuccessful),     RECONNECT_ENQUEUED
 *                                                     [SetEndConferenceOnExit(customer,false)],
 *                                                     RedirectCustomerToEnqueue(target, isReconnect)
 * DETECTED|PINGING     PingCanceled | CreatePing      Redirect(original workflow, no target),           REQUEUED
 *                      failed | DeadlinePassed after  CompleteReservation, [CancelTask(ping)]
 *                      ping TTL + grace
 * RECONNECT_ENQUEUED   ReconnectTaskCreated           (remembers the task)                               =
 * RECONNECT_ENQUEUED   ReconnectEnteredQueue          CompleteReservation (only now: the agent's freed   =
 *                                                     capacity goes to the queued priority reconnect)
 * RECONNECT_ENQUEUED   ReconnectAccepted              CompleteReservation, MoveParty per non-customer    RECONNECTED
 *                                                     party (label/hold/mute/endConferenceOnExit kept)   (RESTORED if
 *                                                                                                        none to move)
 * RECONNECT_ENQUEUED   ReconnectAssignedElsewhere     CompleteReservation, NotifyAgent                   REQUEUED
 * RECONNECTED          PartiesMoved | last MoveParty  —                                                  RESTORED
 *                      settled
 * non-terminal         CustomerLeft | Redirect failed CancelTask(ping|reconnect), CompleteReservation,   CUSTOMER_LEFT
 *                      (the call had ended)           EndConference (not from RECONNECTED)
 * RECONNECT_ENQUEUED|  EffectRefused of the latest    CompleteReservation, RescueCustomer(1, at once)    STRANDED
 * REQUEUED|EXPIRED|    redirect of the customer
 * CANCELLED
 * STRANDED             rescue EffectCompleted         —                                                  REQUEUED
 * STRANDED             rescue n EffectRefused         AnnounceToConference(stay on the line; once),      =
 *                                                     RescueCustomer(n+1, not before 2^n s, ≤ 30 s)
 * STRANDED             CustomerLeft | rescue found    (withdraws the rescue), EndConference              CUSTOMER_LEFT
 *                      the call ended
 * STRANDED             CancelledBySupervisor          (withdraws the rescue: a supervisor took over)      CANCELLED
 * STRANDED             DeadlinePassed                 — (the safety net is the last resort)              =
 * non-terminal         DeadlinePassed ≥ deadline      CancelTask(ping|reconnect), Redirect(no target)    EXPIRED
 *                                                     (not once RECONNECTED), CompleteReservation
 * non-terminal         CancelledBySupervisor          as EXPIRED                                         CANCELLED
 * non-terminal         WorkerDroppedAgain             (records supersededBy; attempt n+1 is its own      =
 *                                                     incident, opened by the conference machine)
 * before RECONNECTED   PartyJoined                    (adds the party to the remaining parties)          =
 * RECONNECTED          PartyJoined                    MoveParty for it                                   =
 * REQUEUED|EXPIRED|    ReconnectAccepted (first)      MoveParty per non-customer party                   = (STRANDED:
 * CANCELLED|STRANDED                                                                                     REQUEUED)
 * any                  PingAccepted (late)            CompleteTask(ping) — frees the agent               =
 * rejoin: (none)       DropDetected                   as above without CreatePingTask                    PINGING
 * rejoin: DETECTED|    AgentBack (the dropped agent's NotifyAgent(REJOINING), then                        REJOINING
 *         PINGING      desktop: signed in, phone      DialAgentIntoConference (label, no end on exit)
 *                      registered)
 * rejoin: REJOINING    AgentRejoined (a leg with the  StopHoldMusic per party the recovery held,         RECONNECTED
 *                      dropped leg's label joined)    MergeTaskAttributes(lifelineRejoin)                (RESTORED if
 *                                                     (settles the dial with the leg; withdraws an       none held)
 *                                                     announcement not played yet)
 * rejoin: RECONNECTED  last StopHoldMusic settled     — (the original reservation stays the agent's)     RESTORED
 * rejoin: REJOINING    Dial refused | gone            as PingCanceled | as CustomerLeft                  REQUEUED|
 *                                                                                                        CUSTOMER_LEFT
 * rejoin: DETECTED|    DeadlinePassed ≥ TTL (+ grace  as PingCanceled                                    REQUEUED
 *  PINGING|REJOINING   once REJOINING)
 * terminal             PingTaskCreated (late)         CancelTask(ping)                                   =
 * any                  EffectCompleted/Failed         marks the outbox entry                             =
 * </pre>
 * StartHoldMusic*: for each remaining party not already on hold, when the customer is alone (or the policy
 * says so); any redirect of the customer also holds the third parties it leaves behind until they are moved.
 * Effects still pending when a phase becomes terminal (e.g. a MoveParty) are still to be performed. Repeated drops: a drop of the reconnected leg opens attempt n+1 of the same {@code interactionId}
 * as a new incident (keyed by the new conference and leg); attempt and interaction travel in the reconnect
 * task's attributes ({@link dev.lifeline.server.recovery.RecoveryAttributes}).
 */
package dev.lifeline.server.recovery;
