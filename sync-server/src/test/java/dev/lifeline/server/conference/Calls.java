package dev.lifeline.server.conference;

import dev.lifeline.server.recovery.TaskAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Drives one conference record through callbacks, keeping every effect and recovery event it produced. */
final class Calls {

    static final String CONFERENCE = "CF1";
    static final String CUSTOMER = "CAcust";
    static final String ALICE_LEG = "CAalice";
    static final String BOB_LEG = "CAbob";
    static final String THIRD_PARTY = "CAthird";
    /** Sam, a supervisor listening in (the label the server dials the leg with says so). */
    static final String SUPERVISOR_LEG = "CAsam";

    private final String conferenceSid;
    private ConferenceRecord record;
    private long sequence;
    private ConferenceTransition last;
    final List<dev.lifeline.server.recovery.Effect> effects = new ArrayList<>();
    final List<dev.lifeline.server.recovery.RecoveryEvent> events = new ArrayList<>();

    Calls() {
        this(CONFERENCE);
    }

    Calls(String conferenceSid) {
        this.conferenceSid = conferenceSid;
    }

    static WorkerAssignment alice() {
        return new WorkerAssignment("WKalice", "Alice", "WR1", "WT1", "WWsales",
                TaskAttributes.of(Map.of("call_sid", CUSTOMER)));
    }

    static WorkerAssignment bob() {
        return new WorkerAssignment("WKbob", "Bob", "WR7", "WT7", "WWsupport",
                TaskAttributes.of(Map.of("call_sid", CUSTOMER, "transferred", true)));
    }

    /** Customer and Alice joined (customer first, as TaskRouter's conference instruction does) and registered. */
    static Calls customerWithAlice() {
        return new Calls()
                .join(CUSTOMER, true)
                .join(ALICE_LEG, false)
                .register(ALICE_LEG, alice());
    }

    Calls apply(ConferenceCallback callback) {
        return take(ConferenceStateMachine.apply(record, callback));
    }

    Calls join(String callSid, boolean endConferenceOnExit) {
        return apply(ConferenceCallback.join(conferenceSid, callSid, ++sequence, label(callSid), false, false,
                endConferenceOnExit));
    }

    Calls leave(String callSid, LeaveReason reason) {
        return apply(ConferenceCallback.leave(conferenceSid, callSid, ++sequence, reason));
    }

    Calls modify(String callSid, boolean endConferenceOnExit) {
        return apply(ConferenceCallback.modify(conferenceSid, callSid, ++sequence, endConferenceOnExit));
    }

    Calls event(ConferenceCallback.Kind kind, String callSid) {
        return apply(ConferenceCallback.of(kind, conferenceSid, callSid, ++sequence));
    }

    Calls end() {
        return apply(ConferenceCallback.end(conferenceSid, ++sequence));
    }

    Calls register(String workerCallSid, WorkerAssignment assignment) {
        return take(ConferenceStateMachine.register(record,
                new WorkerRegistration(conferenceSid, workerCallSid, CUSTOMER, assignment)));
    }

    Calls graceful(String workerCallSid, GracefulExit exit) {
        return take(ConferenceStateMachine.markGraceful(record, conferenceSid, workerCallSid, exit));
    }

    /** Reserves a sequence number now for a callback that will be delivered later (out of order). */
    long nextSequence() {
        return ++sequence;
    }

    private Calls take(ConferenceTransition transition) {
        last = transition;
        record = transition.next();
        effects.addAll(transition.effects());
        events.addAll(transition.recoveryEvents());
        return this;
    }

    ConferenceRecord record() {
        return record;
    }

    ConferenceTransition last() {
        return last;
    }

    Participant participant(String callSid) {
        return record.participant(callSid).orElseThrow();
    }

    <T> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T> List<T> effects(Class<T> type) {
        return effects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static String label(String callSid) {
        return switch (callSid) {
            case CUSTOMER -> "customer";
            case THIRD_PARTY -> "external";
            case SUPERVISOR_LEG -> SupervisorLeg.label("sam");
            default -> "worker";
        };
    }
}
