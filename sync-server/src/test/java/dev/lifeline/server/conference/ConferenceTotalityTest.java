package dev.lifeline.server.conference;

import dev.lifeline.server.recovery.RecoveryEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random conference callbacks — duplicated, reordered, for unknown legs — never throw, never lower the
 * version, and a drop of one agent leg is reported at most once however often its leave is replayed.
 */
class ConferenceTotalityTest {

    private static final List<String> LEGS = List.of(Calls.CUSTOMER, Calls.ALICE_LEG, Calls.BOB_LEG,
            Calls.THIRD_PARTY);

    @Test
    void randomCallbacksKeepTheRecordConsistent() {
        Random random = new Random(42);
        for (int run = 0; run < 400; run++) {
            ConferenceRecord record = null;
            int drops = 0;
            for (int i = 0; i < 25; i++) {
                ConferenceTransition transition = randomStep(random, record);
                ConferenceRecord next = transition.next();
                if (record != null) {
                    assertThat(next.version()).isBetween(record.version(), record.version() + 1);
                    if (next == record) {
                        assertThat(transition.recoveryEvents()).isEmpty();
                    }
                    if (record.ended()) {
                        assertThat(next.ended()).isTrue();
                        assertThat(next.presentCount()).isZero();
                    }
                }
                drops += (int) transition.recoveryEvents().stream()
                        .filter(RecoveryEvent.DropDetected.class::isInstance).count();
                record = next;
            }
            assertThat(drops).as("one drop per agent leg at most").isLessThanOrEqualTo(2);
        }
    }

    private static ConferenceTransition randomStep(Random random, ConferenceRecord record) {
        String leg = LEGS.get(random.nextInt(LEGS.size()));
        long sequence = random.nextInt(40);
        return switch (random.nextInt(9)) {
            case 0 -> ConferenceStateMachine.register(record, new WorkerRegistration(Calls.CONFERENCE,
                    random.nextBoolean() ? Calls.ALICE_LEG : Calls.BOB_LEG, Calls.CUSTOMER,
                    random.nextBoolean() ? Calls.alice() : Calls.bob()));
            case 1 -> ConferenceStateMachine.markGraceful(record, Calls.CONFERENCE, leg,
                    random.nextBoolean() ? GracefulExit.HANG_UP : GracefulExit.COLD_TRANSFER);
            case 2 -> ConferenceStateMachine.apply(record, ConferenceCallback.join(Calls.CONFERENCE, leg, sequence,
                    "x", random.nextBoolean(), random.nextBoolean(), random.nextBoolean()));
            case 3, 4 -> ConferenceStateMachine.apply(record, ConferenceCallback.leave(Calls.CONFERENCE, leg, sequence,
                    LeaveReason.values()[random.nextInt(LeaveReason.values().length)]));
            case 5 -> ConferenceStateMachine.apply(record, ConferenceCallback.modify(Calls.CONFERENCE, leg, sequence,
                    random.nextBoolean()));
            case 6 -> ConferenceStateMachine.apply(record, ConferenceCallback.end(Calls.CONFERENCE, sequence));
            case 7 -> ConferenceStateMachine.apply(record, ConferenceCallback.of(
                    ConferenceCallback.Kind.values()[random.nextInt(ConferenceCallback.Kind.values().length)],
                    Calls.CONFERENCE, leg, sequence));
            default -> ConferenceStateMachine.apply(record, ConferenceCallback.of(
                    ConferenceCallback.Kind.PARTICIPANT_LEAVE, Calls.CONFERENCE, null, sequence));
        };
    }
}
