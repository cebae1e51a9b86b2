package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.ConferenceInstruction;
import dev.lifeline.sim.core.ConferenceSwitch;
import dev.lifeline.sim.core.TwilioApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reservation's {@code Instruction=conference}: TaskRouter dials the worker ({@code To}, default the worker's
 * {@code contact_uri}) into a conference named by the task SID and moves the customer call (task attribute
 * {@code call_sid}) into it. The reservation is accepted (task assigned) when the worker's leg answers; when
 * that leg leaves, task and reservation go to wrapping; when it never connects, the reservation is rejected
 * and the task routed again (see {@link TaskLifecycle#workerLegFailed}).
 */
final class ConferenceInstructions {

    /** Twilio's error for an instruction on a reservation that is no longer pending. */
    private static final int NOT_PENDING = 40136;

    private final TaskRouterWorld world;
    private ConferenceSwitch conferenceSwitch;

    ConferenceInstructions(TaskRouterWorld world) {
        this.world = world;
    }

    void connect(ConferenceSwitch conferenceSwitch) {
        this.conferenceSwitch = conferenceSwitch;
    }

    void connect(Workspace ws, Reservation reservation, Form form) {
        if (reservation.status != ReservationStatus.PENDING) {
            throw new TwilioApiException(400, NOT_PENDING, "Reservation " + reservation.sid + " is "
                    + reservation.status.wire() + "; a conference instruction needs a pending reservation");
        }
        if (conferenceSwitch == null) {
            throw TwilioApiException.badRequest("The conference instruction needs the voice emulator, which is not connected");
        }
        Task task = ws.tasks.get(reservation.taskSid);
        Worker worker = ws.workers.get(reservation.workerSid);
        if (!(task.attributes.get("call_sid") instanceof String callSid) || callSid.isBlank()) {
            throw TwilioApiException.badRequest("Task " + task.sid
                    + " has no call_sid attribute; a conference instruction needs the customer's call");
        }
        String to = form.get("To");
        if (to == null && worker.attributes.get("contact_uri") instanceof String contactUri) {
            to = contactUri;
        }
        if (to == null || to.isBlank()) {
            throw TwilioApiException.badRequest("No To given and worker " + worker.sid + " has no contact_uri attribute");
        }
        String postWorkActivity = form.has("PostWorkActivitySid") ? ws.activity(form.get("PostWorkActivitySid")).sid : null;
        Map<String, List<String>> params = new LinkedHashMap<>();
        form.all().forEach((name, values) -> params.put(name, List.copyOf(new ArrayList<>(values))));
        ConferenceInstruction instruction = new ConferenceInstruction(task.sid, callSid, to, form.get("From"), params);
        reservation.postWorkActivitySid = postWorkActivity;
        String workerCallSid = conferenceSwitch.connect(instruction, new WorkerLeg(ws, reservation));
        if (reservation.workerCallSid == null) {
            reservation.workerCallSid = workerCallSid;
        }
    }

    /** How the worker's leg fares, told by the voice side (with the world lock held). */
    private final class WorkerLeg implements ConferenceSwitch.WorkerLegListener {
        private final Workspace ws;
        private final Reservation reservation;

        WorkerLeg(Workspace ws, Reservation reservation) {
            this.ws = ws;
            this.reservation = reservation;
        }

        @Override
        public void answered(String workerCallSid, String conferenceSid) {
            onLiveReservation(() -> {
                reservation.workerCallSid = workerCallSid;
                reservation.conferenceSid = conferenceSid;
                if (reservation.status == ReservationStatus.PENDING) {
                    world.lifecycle.accept(ws, reservation);
                }
            });
        }

        @Override
        public void failed(String workerCallSid, String callStatus) {
            onLiveReservation(() -> world.lifecycle.workerLegFailed(ws, reservation));
        }

        @Override
        public void left(String workerCallSid, String conferenceSid) {
            onLiveReservation(() -> {
                if (reservation.status == ReservationStatus.ACCEPTED) {
                    world.lifecycle.wrap(ws, reservation);
                    Worker worker = ws.workers.get(reservation.workerSid);
                    if (reservation.postWorkActivitySid != null && worker != null
                            && ws.activities.containsKey(reservation.postWorkActivitySid)) {
                        world.lifecycle.changeActivity(ws, worker, reservation.postWorkActivitySid);
                    }
                }
            });
        }

        private void onLiveReservation(Runnable action) {
            world.inWorld(() -> {
                if (world.workspaces.get(ws.sid) == ws && ws.reservations.get(reservation.sid) == reservation) {
                    action.run();
                }
                return null;
            });
        }
    }
}
