package dev.lifeline.server.hostile;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.conference.ConferenceCallback;
import dev.lifeline.server.conference.LeaveReason;
import dev.lifeline.server.recovery.IncidentIds;
import dev.lifeline.server.recovery.RecoveryEvent;
import dev.lifeline.server.recovery.RecoveryStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One call as the real world plays it, in the order things happened: the customer and Alice join conference CF1,
 * some in-call activity (a third party joins and maybe leaves, holds, mutes), Alice's softphone dies, and the
 * recovery ends one of four ways. Each step is a delivery the server receives, and each names the deliveries
 * that must have been <em>processed</em> before it can even exist — everything else the network may reorder.
 *
 * <p>What may be reordered (twilio-api.md §1, reliability.md §2): conference callbacks of different legs (each
 * is its own HTTP request) and Event Streams deliveries (no ordering guarantee). What may not: callbacks of the
 * same leg (we keep Twilio's per-leg order; the state machine's SequenceNumber guard is tested elsewhere),
 * anything the server itself causes (the ping exists only after the drop was processed, the reconnect only after
 * the ping was accepted, the parties move only after the reconnect was accepted), and the customer's hang-up
 * after the agent's drop: that race has no single right answer (see {@code OrderIndependenceProperties}).
 */
final class WorldScript {

    static final String CONFERENCE = "CF1";
    static final String CUSTOMER = "CAcust";
    static final String ALICE_LEG = "CAalice";
    static final String THIRD = "CAthird";
    static final String PING = "WTping";
    static final String RECONNECT = "WT2";
    static final String RECONNECTED_CONFERENCE = "CF2";
    static final String ALICE_LEG_2 = "CAalice2";
    static final String PING_2 = "WTping2";
    static final String FIRST_INCIDENT = IncidentIds.incidentId(CONFERENCE, ALICE_LEG);
    static final String SECOND_INCIDENT = IncidentIds.incidentId(RECONNECTED_CONFERENCE, ALICE_LEG_2);
    /** With rejoin: Alice's leg the server dialled back into CF1, and the incident of its own drop. */
    static final String ALICE_REJOINED = "CAaliceR";
    static final String SECOND_REJOIN_INCIDENT = IncidentIds.incidentId(CONFERENCE, ALICE_REJOINED);

    enum Outcome {
        RESTORED(Phase.RESTORED), REQUEUED(Phase.REQUEUED), CUSTOMER_LEFT(Phase.CUSTOMER_LEFT), STILL_PINGING(Phase.PINGING);

        final Phase phase;

        Outcome(Phase phase) {
            this.phase = phase;
        }
    }

    /** A conference callback, an Event Streams event, or the executor reporting that the parties moved. */
    record Delivery(int index, ConferenceCallback callback, RecoveryEvent event, String incidentId, List<Integer> after) {
        boolean isConference() {
            return callback != null;
        }

        boolean isJoinOf(String callSid) {
            return callback != null && callSid.equals(callback.callSid())
                    && callback.kind() == ConferenceCallback.Kind.PARTICIPANT_JOIN;
        }

        @Override
        public String toString() {
            return "#" + index + " " + (callback != null ? callback.kind() + " " + callback.callSid() + " seq " + callback.sequenceNumber()
                    : event.getClass().getSimpleName());
        }
    }

    final Outcome outcome;
    /** The phase each incident ends in when nothing is disturbed. */
    final java.util.Map<String, Phase> expectedPhases = new java.util.LinkedHashMap<>();
    final List<Delivery> deliveries = new ArrayList<>();
    private final java.util.Map<String, Long> sequences = new java.util.HashMap<>();
    private final java.util.Map<String, Integer> lastOfLeg = new java.util.HashMap<>();

    private WorldScript(Outcome outcome) {
        this.outcome = outcome;
    }

    static WorldScript generate(Random random) {
        return generate(random, RecoveryStrategy.REQUEUE);
    }

    /**
     * With {@code rejoin} the recovery's own steps are the desktop's phone-ready (after the drop), Alice's leg dialled
     * back into CF1 under her label (after the phone-ready), and the customer taken off hold (after that join); the
     * TTL is the watchdog's tick past it.
     */
    static WorldScript generate(Random random, RecoveryStrategy strategy) {
        WorldScript script = new WorldScript(Outcome.values()[random.nextInt(Outcome.values().length)]);
        script.leg(ConferenceCallback.join(CONFERENCE, CUSTOMER, script.next(), "customer", false, false, true));
        script.leg(ConferenceCallback.join(CONFERENCE, ALICE_LEG, script.next(), "worker", false, false, false));
        boolean thirdJoined = false;
        boolean thirdLeft = false;
        int activity = random.nextInt(9);
        for (int i = 0; i < activity; i++) {
            int choice = random.nextInt(6);
            if (choice == 0 && !thirdJoined) {
                thirdJoined = true;
                script.leg(ConferenceCallback.join(CONFERENCE, THIRD, script.next(), "external", false, false, false));
            } else if (choice == 1 && thirdJoined && !thirdLeft && random.nextInt(3) == 0) {
                thirdLeft = true;
                script.leg(ConferenceCallback.leave(CONFERENCE, THIRD, script.next(), LeaveReason.PARTICIPANT_HUNG_UP));
            } else {
                boolean onThird = thirdJoined && !thirdLeft && random.nextBoolean();
                String leg = onThird ? THIRD : random.nextInt(4) == 0 ? ALICE_LEG : CUSTOMER;
                ConferenceCallback.Kind kind = List.of(ConferenceCallback.Kind.PARTICIPANT_HOLD, ConferenceCallback.Kind.PARTICIPANT_UNHOLD,
                        ConferenceCallback.Kind.PARTICIPANT_MUTE, ConferenceCallback.Kind.PARTICIPANT_UNMUTE).get(random.nextInt(4));
                script.leg(ConferenceCallback.of(kind, CONFERENCE, leg, script.next()));
            }
        }
        int drop = script.leg(ConferenceCallback.leave(CONFERENCE, ALICE_LEG, script.next(), LeaveReason.PARTICIPANT_HUNG_UP));
        if (strategy == RecoveryStrategy.REJOIN) {
            script.rejoinEnds(random, drop);
            script.expectedPhases.put(FIRST_INCIDENT, script.outcome.phase);
            return script;
        }
        switch (script.outcome) {
            case RESTORED -> {
                script.event(new RecoveryEvent.PingTaskCreated(PING), drop);
                int accepted = script.event(new RecoveryEvent.PingAccepted(PING), drop);
                // The redirect into <Enqueue> takes the customer out of CF1: a leave, but the call goes on.
                script.leg(ConferenceCallback.leave(CONFERENCE, CUSTOMER, script.next(), LeaveReason.PARTICIPANT_UPDATED_VIA_API), accepted);
                script.event(new RecoveryEvent.ReconnectEnteredQueue(RECONNECT), accepted);
                int reconnected = script.event(new RecoveryEvent.ReconnectAccepted(RECONNECT, "WR2", "WKalice",
                        RECONNECTED_CONFERENCE, RECONNECT), accepted);
                script.event(new RecoveryEvent.PartiesMoved(), reconnected);
                if (random.nextBoolean()) {
                    script.dropsAgain(random, reconnected);
                }
            }
            case REQUEUED -> {
                script.event(new RecoveryEvent.PingTaskCreated(PING), drop);
                script.event(new RecoveryEvent.PingCanceled(PING, "Task TTL Exceeded"), drop);
            }
            case CUSTOMER_LEFT -> {
                script.event(new RecoveryEvent.PingTaskCreated(PING), drop);
                script.leg(ConferenceCallback.leave(CONFERENCE, CUSTOMER, script.next(), LeaveReason.PARTICIPANT_HUNG_UP), drop);
            }
            case STILL_PINGING -> script.event(new RecoveryEvent.PingTaskCreated(PING), drop);
        }
        script.expectedPhases.put(FIRST_INCIDENT, script.outcome.phase);
        return script;
    }

    private void rejoinEnds(Random random, int drop) {
        switch (outcome) {
            case RESTORED -> {
                int back = event(new RecoveryEvent.AgentBack("WKalice", "worker", "sip:alice@lifeline.sip.twilio.com",
                        "+15550100"), drop);
                leg(ConferenceCallback.join(CONFERENCE, ALICE_REJOINED, next(), "worker", false, false, false), back);
                if (random.nextBoolean()) {
                    leg(ConferenceCallback.leave(CONFERENCE, ALICE_REJOINED, next(), LeaveReason.PARTICIPANT_HUNG_UP));
                    expectedPhases.put(SECOND_REJOIN_INCIDENT, Phase.PINGING);
                }
            }
            case REQUEUED -> event(new RecoveryEvent.DeadlinePassed(java.time.Instant.parse("2026-11-25T10:00:16Z")), drop);
            case CUSTOMER_LEFT -> leg(ConferenceCallback.leave(CONFERENCE, CUSTOMER, next(), LeaveReason.PARTICIPANT_HUNG_UP), drop);
            case STILL_PINGING -> {
            }
        }
    }

    /** Alice's reconnected leg in CF2 dies too: attempt 2, which pings once more and may time out. */
    private void dropsAgain(Random random, int reconnected) {
        String cf2 = RECONNECTED_CONFERENCE;
        leg(ConferenceCallback.join(cf2, CUSTOMER, next(cf2), "customer", false, false, true), reconnected);
        leg(ConferenceCallback.join(cf2, ALICE_LEG_2, next(cf2), "worker", false, false, false), reconnected);
        int drop = leg(ConferenceCallback.leave(cf2, ALICE_LEG_2, next(cf2), LeaveReason.PARTICIPANT_HUNG_UP));
        event(SECOND_INCIDENT, new RecoveryEvent.PingTaskCreated(PING_2), drop);
        boolean timesOut = random.nextBoolean();
        if (timesOut) {
            event(SECOND_INCIDENT, new RecoveryEvent.PingCanceled(PING_2, "Task TTL Exceeded"), drop);
        }
        expectedPhases.put(SECOND_INCIDENT, timesOut ? Phase.REQUEUED : Phase.PINGING);
    }

    /**
     * The deliveries as the server receives them: a random order that keeps every "after" constraint, then
     * redeliveries (a copy lands anywhere after the first delivery of the same thing).
     */
    List<Delivery> disturbed(Random random, int maxCopies) {
        List<Delivery> order = new ArrayList<>();
        java.util.Set<Integer> delivered = new java.util.HashSet<>();
        List<Delivery> waiting = new ArrayList<>(deliveries);
        while (!waiting.isEmpty()) {
            List<Delivery> ready = waiting.stream().filter(d -> delivered.containsAll(d.after())).toList();
            Delivery next = ready.get(random.nextInt(ready.size()));
            waiting.remove(next);
            delivered.add(next.index());
            order.add(next);
        }
        List<Delivery> withCopies = new ArrayList<>(order);
        for (Delivery original : order) {
            int copies = random.nextInt(maxCopies + 1);
            for (int c = 0; c < copies; c++) {
                int first = withCopies.indexOf(original);
                withCopies.add(first + 1 + random.nextInt(withCopies.size() - first), original);
            }
        }
        return withCopies;
    }

    /** Twilio's SequenceNumber counts per conference. */
    private long next() {
        return next(CONFERENCE);
    }

    private long next(String conferenceSid) {
        return sequences.merge(conferenceSid, 1L, Long::sum);
    }

    private int leg(ConferenceCallback callback, int... alsoAfter) {
        List<Integer> after = new ArrayList<>();
        String legKey = callback.conferenceSid() + "/" + callback.callSid();
        Integer previous = lastOfLeg.get(legKey);
        if (previous != null) {
            after.add(previous);
        }
        for (int a : alsoAfter) {
            after.add(a);
        }
        int index = deliveries.size();
        deliveries.add(new Delivery(index, callback, null, null, after));
        lastOfLeg.put(legKey, index);
        return index;
    }

    private int event(RecoveryEvent event, int after) {
        return event(FIRST_INCIDENT, event, after);
    }

    /** An Event Streams event of a task whose {@code lifelineIncident} attribute names {@code incidentId}. */
    private int event(String incidentId, RecoveryEvent event, int after) {
        int index = deliveries.size();
        deliveries.add(new Delivery(index, null, event, incidentId, List.of(after)));
        return index;
    }
}
