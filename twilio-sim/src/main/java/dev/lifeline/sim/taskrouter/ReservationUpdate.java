package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.TwilioApiException;
import io.javalin.http.Context;

/**
 * A reservation update, the same on the task path and the worker path: {@code ReservationStatus}, an
 * {@code Instruction}, and {@code WorkerActivitySid} (the worker's activity after the change).
 */
final class ReservationUpdate {

    private final TaskRouterWorld world;
    private final ConferenceInstructions conferences;

    ReservationUpdate(TaskRouterWorld world, ConferenceInstructions conferences) {
        this.world = world;
        this.conferences = conferences;
    }

    void apply(Context ctx, Workspace ws, Reservation reservation) {
        IfMatch.check(ctx, reservation.version, "Reservation " + reservation.sid);
        Form form = new Form(ctx);
        String status = form.get("ReservationStatus");
        String instruction = form.get("Instruction");
        String activitySid = form.has("WorkerActivitySid") ? ws.activity(form.get("WorkerActivitySid")).sid : null;
        if (status == null && instruction == null && activitySid == null) {
            throw TwilioApiException.badRequest("Provide ReservationStatus, Instruction or WorkerActivitySid");
        }
        if (instruction != null) {
            switch (instruction) {
                case "conference" -> conferences.connect(ws, reservation, form);
                case "dequeue", "call", "redirect" -> throw TwilioApiException.badRequest(
                        "Instruction " + instruction + " is not supported by the emulator (only conference)");
                default -> throw TwilioApiException.badRequest("Instruction must be conference, dequeue, call or redirect, got "
                        + instruction);
            }
        } else if (status != null) {
            switch (status) {
                case "accepted" -> world.lifecycle.accept(ws, reservation);
                case "rejected" -> world.lifecycle.reject(ws, reservation);
                case "wrapping" -> world.lifecycle.wrap(ws, reservation);
                case "completed" -> world.lifecycle.complete(ws, reservation);
                default -> throw TwilioApiException.badRequest(
                        "ReservationStatus must be accepted, rejected, wrapping or completed, got " + status);
            }
        }
        if (activitySid != null) {
            world.lifecycle.changeActivity(ws, ws.workers.get(reservation.workerSid), activitySid);
        }
    }
}
