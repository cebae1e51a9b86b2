package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.Sids;
import dev.lifeline.sim.core.TwilioApiException;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Comparator;
import java.util.Map;

/** {@code /Workers}, their {@code /Channels} (capacity per task channel) and {@code /Reservations}. */
final class WorkerRoutes {

    private static final String WORKERS = "/v1/Workspaces/{ws}/Workers";

    private final TaskRouterWorld world;
    private final TaskRouterJson json;
    private final ReservationUpdate reservationUpdate;

    WorkerRoutes(TaskRouterWorld world, TaskRouterJson json, ReservationUpdate reservationUpdate) {
        this.world = world;
        this.json = json;
        this.reservationUpdate = reservationUpdate;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.post(WORKERS, ctx -> Respond.json(ctx, world, 201, () -> {
            Workspace ws = ws(ctx);
            Worker worker = create(ws, new Form(ctx));
            return json.worker(ws, worker);
        }));
        routes.get(WORKERS, ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = ws(ctx);
            String activitySid = ctx.queryParam("ActivitySid");
            String activityName = ctx.queryParam("ActivityName");
            String available = ctx.queryParam("Available");
            String name = ctx.queryParam("FriendlyName");
            String queueSid = ctx.queryParam("TaskQueueSid");
            TaskQueue queue = queueSid == null ? null : ws.queue(queueSid);
            return V1Page.of(ctx, "workers", "/Workspaces/" + ws.sid + "/Workers", ws.workers.values().stream()
                    .filter(w -> activitySid == null || w.activitySid.equals(activitySid))
                    .filter(w -> activityName == null || activityName.equals(ws.activities.get(w.activitySid).friendlyName))
                    .filter(w -> available == null || Boolean.parseBoolean(available) == ws.isAvailable(w))
                    .filter(w -> name == null || w.friendlyName.equals(name))
                    .filter(w -> queue == null || ws.isEligibleFor(queue, w))
                    .map(w -> json.worker(ws, w)).toList());
        }));
        routes.get(WORKERS + "/{sid}", ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = ws(ctx);
            Worker worker = ws.worker(ctx.pathParam("sid"));
            ctx.header("ETag", Integer.toString(worker.version));
            return json.worker(ws, worker);
        }));
        routes.post(WORKERS + "/{sid}", ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = ws(ctx);
            Worker worker = ws.worker(ctx.pathParam("sid"));
            IfMatch.check(ctx, worker.version, "Worker " + worker.sid);
            update(ws, worker, new Form(ctx));
            ctx.header("ETag", Integer.toString(worker.version));
            return json.worker(ws, worker);
        }));
        routes.delete(WORKERS + "/{sid}", ctx -> Respond.json(ctx, world, 204, () -> {
            Workspace ws = ws(ctx);
            Worker worker = ws.worker(ctx.pathParam("sid"));
            IfMatch.check(ctx, worker.version, "Worker " + worker.sid);
            boolean busy = ws.reservations.values().stream()
                    .anyMatch(r -> r.workerSid.equals(worker.sid) && r.status.consumesCapacity());
            if (busy) {
                throw TwilioApiException.badRequest("Worker " + worker.sid + " has active reservations and cannot be deleted");
            }
            ws.workers.remove(worker.sid);
            world.events.worker(ws, "worker.deleted", worker, Map.of());
            return null;
        }));

        routes.get(WORKERS + "/{sid}/Channels", ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = ws(ctx);
            Worker worker = ws.worker(ctx.pathParam("sid"));
            ws.channels.keySet().forEach(channelSid -> RoutingEngine.channelOf(ws, worker, channelSid));
            return V1Page.of(ctx, "channels", "/Workspaces/" + ws.sid + "/Workers/" + worker.sid + "/Channels",
                    worker.channels.values().stream().map(c -> channelJson(ws, worker, c)).toList());
        }));
        routes.get(WORKERS + "/{sid}/Channels/{channel}", ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = ws(ctx);
            Worker worker = ws.worker(ctx.pathParam("sid"));
            return channelJson(ws, worker, workerChannel(ws, worker, ctx.pathParam("channel")));
        }));
        routes.post(WORKERS + "/{sid}/Channels/{channel}", ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = ws(ctx);
            Worker worker = ws.worker(ctx.pathParam("sid"));
            WorkerChannel channel = workerChannel(ws, worker, ctx.pathParam("channel"));
            Form form = new Form(ctx);
            Integer capacity = form.integer("Capacity", 0, 50);
            Boolean available = form.bool("Available");
            if (capacity != null) {
                channel.capacity = capacity;
            }
            if (available != null) {
                channel.available = available;
            }
            channel.updated = world.now();
            return channelJson(ws, worker, channel);
        }));

        routes.get(WORKERS + "/{sid}/Reservations", ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = ws(ctx);
            Worker worker = ws.worker(ctx.pathParam("sid"));
            String status = ctx.queryParam("ReservationStatus");
            return V1Page.of(ctx, "reservations", "/Workspaces/" + ws.sid + "/Workers/" + worker.sid + "/Reservations",
                    ws.reservations.values().stream()
                            .filter(r -> r.workerSid.equals(worker.sid))
                            .filter(r -> status == null || r.status.wire().equals(status))
                            .sorted(Comparator.comparing((Reservation r) -> r.created))
                            .map(r -> json.reservation(ws, r, true)).toList());
        }));
        routes.get(WORKERS + "/{sid}/Reservations/{reservation}", ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = ws(ctx);
            Reservation reservation = reservationOf(ws, ctx);
            ctx.header("ETag", Integer.toString(reservation.version));
            return json.reservation(ws, reservation, true);
        }));
        routes.post(WORKERS + "/{sid}/Reservations/{reservation}", ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = ws(ctx);
            Reservation reservation = reservationOf(ws, ctx);
            reservationUpdate.apply(ctx, ws, reservation);
            return json.reservation(ws, reservation, true);
        }));
    }

    private Workspace ws(Context ctx) {
        return world.workspace(ctx.pathParam("ws"));
    }

    private static Reservation reservationOf(Workspace ws, Context ctx) {
        Worker worker = ws.worker(ctx.pathParam("sid"));
        Reservation reservation = ws.reservation(ctx.pathParam("reservation"));
        if (!reservation.workerSid.equals(worker.sid)) {
            throw TwilioApiException.notFound("Reservation", reservation.sid);
        }
        return reservation;
    }

    private Map<String, Object> channelJson(Workspace ws, Worker worker, WorkerChannel channel) {
        return json.workerChannel(ws, worker, channel, RoutingEngine.consumed(ws, worker, channel.taskChannelSid));
    }

    /** By worker-channel SID, task-channel SID or unique name ({@code voice}). */
    private static WorkerChannel workerChannel(Workspace ws, Worker worker, String id) {
        ws.channels.keySet().forEach(channelSid -> RoutingEngine.channelOf(ws, worker, channelSid));
        return worker.channels.values().stream()
                .filter(c -> c.sid.equals(id) || c.taskChannelSid.equals(id)
                        || (ws.channels.containsKey(c.taskChannelSid) && ws.channels.get(c.taskChannelSid).uniqueName.equals(id)))
                .findFirst()
                .orElseThrow(() -> TwilioApiException.notFound("WorkerChannel", id));
    }

    private Worker create(Workspace ws, Form form) {
        String name = form.required("FriendlyName");
        if (ws.workers.values().stream().anyMatch(w -> w.friendlyName.equals(name))) {
            throw TwilioApiException.badRequest("A worker named " + name + " already exists in this workspace");
        }
        String attributesJson = form.has("Attributes") ? form.get("Attributes") : "{}";
        Map<String, Object> attributes = Attributes.parse(world.context.json, attributesJson, "Attributes");
        String activitySid = form.has("ActivitySid") ? ws.activity(form.get("ActivitySid")).sid : ws.defaultActivitySid;
        Worker worker = new Worker(Sids.next("WK"), name, attributesJson, attributes, activitySid, world.now());
        worker.idleOrder = ws.nextArrival();
        ws.workers.put(worker.sid, worker);
        ws.channels.keySet().forEach(channelSid -> RoutingEngine.channelOf(ws, worker, channelSid));
        world.events.worker(ws, "worker.created", worker, Map.of());
        return worker;
    }

    private void update(Workspace ws, Worker worker, Form form) {
        String activitySid = form.has("ActivitySid") ? ws.activity(form.get("ActivitySid")).sid : null;
        Map<String, Object> attributes = form.has("Attributes")
                ? Attributes.parse(world.context.json, form.get("Attributes"), "Attributes") : null;
        Boolean rejectPending = form.bool("RejectPendingReservations");
        String name = form.get("FriendlyName");
        if (name != null && !name.equals(worker.friendlyName)
                && ws.workers.values().stream().anyMatch(w -> w.friendlyName.equals(name))) {
            throw TwilioApiException.badRequest("A worker named " + name + " already exists in this workspace");
        }
        if (name != null) {
            worker.friendlyName = name;
            worker.touch(world.now());
        }
        if (attributes != null) {
            worker.attributes = attributes;
            worker.attributesJson = form.get("Attributes");
            worker.touch(world.now());
            world.events.worker(ws, "worker.attributes.update", worker, Map.of());
        }
        if (activitySid != null) {
            world.lifecycle.changeActivity(ws, worker, activitySid);
            if (Boolean.TRUE.equals(rejectPending) && !ws.isAvailable(worker)) {
                world.lifecycle.rejectPendingOf(ws, worker);
            }
        }
    }
}
