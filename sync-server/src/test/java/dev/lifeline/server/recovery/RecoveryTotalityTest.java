package dev.lifeline.server.recovery;

import dev.lifeline.model.incident.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import static dev.lifeline.server.recovery.Fixtures.ALICE;
import static dev.lifeline.server.recovery.Fixtures.BOB;
import static dev.lifeline.server.recovery.Fixtures.PING_TASK;
import static dev.lifeline.server.recovery.Fixtures.RECONNECT_TASK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded random generator fires random events — right, wrong, duplicated, out of order — at random
 * incidents. Whatever it does, the machine never throws, never leaves a terminal phase (except for STRANDED, when
 * Twilio refused the redirect that exit put the customer in a queue with), never goes back a version, never asks for
 * an effect twice, pings at most once, every terminal incident has freed its agent and told it so, and a stranded
 * customer always has the safety net working for them.
 */
class RecoveryTotalityTest {

    private static final long SEED = 20261125L;
    private static final int RUNS = 500;
    private static final int EVENTS_PER_RUN = 30;

    @ParameterizedTest
    @EnumSource(RecoveryStrategy.class)
    void randomEventsNeverBreakTheInvariants(RecoveryStrategy strategy) {
        RecoveryPolicy policy = Fixtures.POLICY.withStrategy(strategy);
        Random random = new Random(SEED);
        for (int run = 0; run < RUNS; run++) {
            Incident incident = RecoveryStateMachine.apply(null, randomDrop(random), Fixtures.T0, policy)
                    .next();
            for (int i = 0; i < EVENTS_PER_RUN; i++) {
                RecoveryEvent event = randomEvent(random, incident);
                Instant now = Fixtures.T0.plusSeconds(random.nextInt(300));
                int runNo = run;
                int eventNo = i;
                Incident current = incident;
                Supplier<String> context = () -> "run " + runNo + " event " + eventNo + " " + event
                        + " in " + current.phase();

                Transition first = RecoveryStateMachine.apply(incident, event, now, policy);
                assertInvariants(incident, first, policy, context);
                Transition again = RecoveryStateMachine.apply(first.next(), event, now, policy);
                check(again.next() == first.next() && again.newEffects().isEmpty(), "idempotent", context);
                incident = first.next();
            }
        }
    }

    private static void assertInvariants(Incident before, Transition transition, RecoveryPolicy policy,
                                         Supplier<String> context) {
        Incident after = transition.next();
        check(after != null, "incident kept", context);
        if (after == before) {
            check(transition.newEffects().isEmpty(), "no effects without a change", context);
            return;
        }
        check(after.version() == before.version() + 1, "version + 1", context);
        check(!before.phase().isTerminal() || after.phase() == before.phase()
                || (after.phase() == Phase.STRANDED && after.strandedFrom() == before.phase()), "terminal phase kept", context);
        if (after.phase() == Phase.STRANDED) {
            check(after.pendingEffects().stream().anyMatch(effect -> effect instanceof Effect.RescueCustomer),
                    "a stranded customer has a rescue under way", context);
            check(count(after, entry -> entry.effect() instanceof Effect.CompleteReservation) == 1, "agent freed", context);
        }
        Set<String> ids = new HashSet<>();
        after.outbox().forEach(entry -> check(ids.add(entry.effectId()), "unique effect ids", context));
        Set<String> earlier = new HashSet<>();
        before.outbox().forEach(entry -> earlier.add(entry.effectId()));
        transition.newEffects().forEach(effect -> check(!earlier.contains(effect.effectId()),
                "no effect asked for twice", context));
        check(count(after, entry -> entry.effect() instanceof Effect.CreatePingTask) == (policy.rejoins() ? 0 : 1),
                "one ping (none with rejoin)", context);
        check(count(after, entry -> entry.effect() instanceof Effect.DialAgentIntoConference) <= 1, "one dial", context);
        check(count(after, entry -> entry.effectId().endsWith("/redirect-reconnect")) <= 1, "one targeted redirect",
                context);
        if (after.phase().isTerminal()) {
            long freed = count(after, entry -> entry.effect() instanceof Effect.CompleteReservation complete
                    && complete.taskSid().equals(Fixtures.TASK) && complete.reservationSid().equals(Fixtures.RESERVATION)
                    && complete.workerSid().equals(ALICE));
            // A rejoined agent is back on their original reservation: it is theirs to finish, not the recovery's.
            boolean rejoined = after.timestamps().containsKey(Phase.REJOINING) && after.timestamps().containsKey(Phase.RECONNECTED);
            check(rejoined ? freed <= 1 : freed == 1, "agent freed", context);
            check(count(after, entry -> entry.effect() instanceof Effect.NotifyAgent notify
                    && notify.workerSid().equals(ALICE) && notify.incident().phase() == after.phase()) == 1,
                    "agent told the terminal phase", context);
        }
        check(after.timestamps().containsKey(after.phase()), "phase stamped", context);
        // Leaving STRANDED stamps the exit anew: the one claimed before the customer got stranded had not happened.
        boolean restamped = before.phase() == Phase.STRANDED;
        check(before.timestamps().entrySet().stream().allMatch(stamp -> (restamped && stamp.getKey() == after.phase())
                || stamp.getValue().equals(after.timestamps().get(stamp.getKey()))), "stamps kept", context);
    }

    private static long count(Incident incident, java.util.function.Predicate<OutboxEntry> predicate) {
        return incident.outbox().stream().filter(predicate).count();
    }

    private static void check(boolean holds, String invariant, Supplier<String> context) {
        if (!holds) {
            throw new AssertionError(invariant + " violated: " + context.get());
        }
    }

    private static RecoveryEvent randomDrop(Random random) {
        return random.nextBoolean() ? Fixtures.twoPartyDrop() : Fixtures.drop(List.of(
                Fixtures.customer(random.nextBoolean()), Fixtures.thirdParty(random.nextBoolean(), false)));
    }

    private static RecoveryEvent randomEvent(Random random, Incident incident) {
        String pingTask = pick(random, PING_TASK, PING_TASK, "WTstray");
        String reconnectTask = pick(random, RECONNECT_TASK, RECONNECT_TASK, "WTstray");
        return switch (random.nextInt(22)) {
            case 20 -> new RecoveryEvent.AgentBack(pick(random, ALICE, ALICE, BOB), "alice", "sip:alice@lifeline", "+1555");
            case 21 -> new RecoveryEvent.AgentRejoined(Fixtures.INCIDENT, "CAalice-rejoined");
            case 0 -> new RecoveryEvent.PingTaskCreated(pingTask);
            case 1, 2 -> new RecoveryEvent.PingAccepted(pingTask);
            case 3 -> new RecoveryEvent.PingCanceled(pingTask, "Task TTL Exceeded");
            case 4 -> new RecoveryEvent.ReconnectTaskCreated(reconnectTask);
            case 5 -> new RecoveryEvent.ReconnectEnteredQueue(reconnectTask);
            case 6 -> new RecoveryEvent.ReconnectAccepted(reconnectTask, "WR2", pick(random, ALICE, BOB), "CF2", null);
            case 7 -> new RecoveryEvent.ReconnectAssignedElsewhere(reconnectTask, pick(random, ALICE, BOB));
            case 8 -> new RecoveryEvent.PartiesMoved();
            case 9 -> new RecoveryEvent.CustomerLeft(Fixtures.CUSTOMER);
            case 10 -> new RecoveryEvent.WorkerDroppedAgain(Fixtures.INCIDENT, "CF2:CAalice2", "CAalice2");
            case 11 -> new RecoveryEvent.DeadlinePassed(Fixtures.T0.plusSeconds(random.nextInt(200)));
            case 12 -> new RecoveryEvent.CancelledBySupervisor("sam");
            case 13 -> new RecoveryEvent.PartyJoined(Fixtures.INCIDENT, new PartySnapshot("CAlate" + random.nextInt(2),
                    PartyRole.EXTERNAL, "late", false, false, false));
            case 14 -> Fixtures.twoPartyDrop();
            case 15, 16 -> new RecoveryEvent.EffectCompleted(randomEffectId(random, incident),
                    random.nextBoolean() ? PING_TASK : null);
            case 17, 18 -> new RecoveryEvent.EffectRefused(randomEffectId(random, incident), "Twilio answered 404");
            default -> new RecoveryEvent.EffectFailedPermanently(randomEffectId(random, incident), "gave up");
        };
    }

    private static String randomEffectId(Random random, Incident incident) {
        List<OutboxEntry> outbox = incident.outbox();
        return random.nextInt(10) == 0 || outbox.isEmpty() ? "no-such-effect"
                : outbox.get(random.nextInt(outbox.size())).effectId();
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    @Test
    void everyPhaseIsReachedByTheGenerator() {
        Random random = new Random(SEED);
        Set<Phase> reached = new HashSet<>();
        for (RecoveryStrategy strategy : RecoveryStrategy.values()) {
            RecoveryPolicy policy = Fixtures.POLICY.withStrategy(strategy);
            for (int run = 0; run < 300; run++) {
                Incident incident = RecoveryStateMachine.apply(null, randomDrop(random), Fixtures.T0, policy).next();
                for (int i = 0; i < EVENTS_PER_RUN; i++) {
                    incident = RecoveryStateMachine.apply(incident, randomEvent(random, incident),
                            Fixtures.T0.plusSeconds(random.nextInt(300)), policy).next();
                    reached.add(incident.phase());
                }
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(Phase.values());
    }
}
