package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.Sids;
import dev.lifeline.sim.core.TwilioApiException;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** {@code /v1/Workspaces}, their {@code Activities} and {@code TaskChannels}. */
final class WorkspaceRoutes {

    private static final String WS = "/v1/Workspaces/{ws}";

    private final TaskRouterWorld world;
    private final TaskRouterJson json;

    WorkspaceRoutes(TaskRouterWorld world, TaskRouterJson json) {
        this.world = world;
        this.json = json;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.post("/v1/Workspaces", ctx -> Respond.json(ctx, world, 201, () -> json.workspace(create(new Form(ctx)))));
        routes.get("/v1/Workspaces", ctx -> Respond.json(ctx, world, 200, () -> {
            String name = ctx.queryParam("FriendlyName");
            return V1Page.of(ctx, "workspaces", "/Workspaces", world.workspaces.values().stream()
                    .filter(ws -> name == null || ws.friendlyName.equals(name)).map(json::workspace).toList());
        }));
        routes.get(WS, ctx -> Respond.json(ctx, world, 200, () -> json.workspace(ws(ctx))));
        routes.post(WS, ctx -> Respond.json(ctx, world, 200, () -> json.workspace(update(ws(ctx), new Form(ctx)))));
        routes.delete(WS, ctx -> Respond.json(ctx, world, 204, () -> {
            Workspace ws = ws(ctx);
            ws.tasks.values().forEach(Task::cancelTimers);
            ws.tasks.clear(); // orphaned timers check membership and do nothing
            ws.reservations.clear();
            world.workspaces.remove(ws.sid);
            return null;
        }));

        routes.post(WS + "/Activities", ctx -> Respond.json(ctx, world, 201, () -> {
            Workspace ws = ws(ctx);
            Form form = new Form(ctx);
            String name = form.required("FriendlyName");
            Boolean available = form.bool("Available");
            return json.activity(ws, addActivity(ws, name, available != null && available, world.now()));
        }));
        routes.get(WS + "/Activities", ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = ws(ctx);
            String name = ctx.queryParam("FriendlyName");
            String available = ctx.queryParam("Available");
            return V1Page.of(ctx, "activities", "/Workspaces/" + ws.sid + "/Activities", ws.activities.values().stream()
                    .filter(a -> name == null || a.friendlyName.equals(name))
                    .filter(a -> available == null || Boolean.parseBoolean(available) == a.available)
                    .map(a -> json.activity(ws, a)).toList());
        }));
        routes.get(WS + "/Activities/{sid}", ctx -> Respond.json(ctx, world, 200,
                () -> json.activity(ws(ctx), ws(ctx).activity(ctx.pathParam("sid")))));
        routes.post(WS + "/Activities/{sid}", ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = ws(ctx);
            Activity activity = ws.activity(ctx.pathParam("sid"));
            activity.friendlyName = new Form(ctx).required("FriendlyName");
            activity.updated = world.now();
            return json.activity(ws, activity);
        }));
        routes.delete(WS + "/Activities/{sid}", ctx -> Respond.json(ctx, world, 204, () -> {
            Workspace ws = ws(ctx);
            Activity activity = ws.activity(ctx.pathParam("sid"));
            boolean inUse = ws.workers.values().stream().anyMatch(w -> w.activitySid.equals(activity.sid))
                    || activity.sid.equals(ws.defaultActivitySid) || activity.sid.equals(ws.timeoutActivitySid);
            if (inUse) {
                throw TwilioApiException.badRequest("Activity " + activity.sid + " is in use and cannot be deleted");
            }
            ws.activities.remove(activity.sid);
            return null;
        }));

        routes.post(WS + "/TaskChannels", ctx -> Respond.json(ctx, world, 201, () -> {
            Workspace ws = ws(ctx);
            Form form = new Form(ctx);
            String uniqueName = form.required("UniqueName");
            if (ws.channels.values().stream().anyMatch(c -> c.uniqueName.equals(uniqueName))) {
                throw TwilioApiException.badRequest("TaskChannel " + uniqueName + " already exists");
            }
            TaskChannel channel = new TaskChannel(Sids.next("TC"), uniqueName, form.required("FriendlyName"), world.now());
            ws.channels.put(channel.sid, channel);
            return json.channel(ws, channel);
        }));
        routes.get(WS + "/TaskChannels", ctx -> Respond.json(ctx, world, 200, () -> {
            Workspace ws = ws(ctx);
            return V1Page.of(ctx, "channels", "/Workspaces/" + ws.sid + "/TaskChannels",
                    ws.channels.values().stream().map(c -> json.channel(ws, c)).toList());
        }));
        routes.get(WS + "/TaskChannels/{sid}", ctx -> Respond.json(ctx, world, 200,
                () -> json.channel(ws(ctx), ws(ctx).channel(ctx.pathParam("sid")))));
    }

    private Workspace ws(Context ctx) {
        return world.workspace(ctx.pathParam("ws"));
    }

    /** Twilio gives a new workspace the activities Offline (default and timeout), Available and Unavailable. */
    private Workspace create(Form form) {
        String name = form.required("FriendlyName");
        Set<String> filter = eventsFilter(form.get("EventsFilter"));
        String order = queueOrder(form.get("PrioritizeQueueOrder"));
        Boolean multiTask = form.bool("MultiTaskEnabled");
        Instant now = world.now();
        Workspace ws = new Workspace(Sids.next("WS"), name, now);
        ws.eventCallbackUrl = blankToNull(form.get("EventCallbackUrl"));
        ws.eventsFilter = filter;
        ws.prioritizeQueueOrder = order == null ? "FIFO" : order;
        ws.multiTaskEnabled = multiTask == null || multiTask;
        Activity offline = addActivity(ws, "Offline", false, now);
        addActivity(ws, "Available", true, now);
        addActivity(ws, "Unavailable", false, now);
        ws.defaultActivitySid = offline.sid;
        ws.timeoutActivitySid = offline.sid;
        for (String channel : new String[] {"default", "voice", "chat", "sms", "video"}) {
            TaskChannel taskChannel = new TaskChannel(Sids.next("TC"), channel,
                    Character.toUpperCase(channel.charAt(0)) + channel.substring(1), now);
            ws.channels.put(taskChannel.sid, taskChannel);
        }
        world.workspaces.put(ws.sid, ws);
        return ws;
    }

    private Workspace update(Workspace ws, Form form) {
        String defaultActivity = form.get("DefaultActivitySid");
        String timeoutActivity = form.get("TimeoutActivitySid");
        if (defaultActivity != null) {
            ws.activity(defaultActivity);
        }
        if (timeoutActivity != null) {
            ws.activity(timeoutActivity);
        }
        Set<String> filter = form.has("EventsFilter") ? eventsFilter(form.get("EventsFilter")) : ws.eventsFilter;
        String order = queueOrder(form.get("PrioritizeQueueOrder"));
        Boolean multiTask = form.bool("MultiTaskEnabled");
        if (form.has("FriendlyName")) {
            ws.friendlyName = form.get("FriendlyName");
        }
        if (form.all().containsKey("EventCallbackUrl")) {
            ws.eventCallbackUrl = blankToNull(form.get("EventCallbackUrl"));
        }
        ws.eventsFilter = filter;
        ws.defaultActivitySid = defaultActivity != null ? defaultActivity : ws.defaultActivitySid;
        ws.timeoutActivitySid = timeoutActivity != null ? timeoutActivity : ws.timeoutActivitySid;
        ws.prioritizeQueueOrder = order != null ? order : ws.prioritizeQueueOrder;
        ws.multiTaskEnabled = multiTask != null ? multiTask : ws.multiTaskEnabled;
        ws.updated = world.now();
        return ws;
    }

    private static Activity addActivity(Workspace ws, String name, boolean available, Instant now) {
        Activity activity = new Activity(Sids.next("WA"), name, available, now);
        ws.activities.put(activity.sid, activity);
        return activity;
    }

    private static Set<String> eventsFilter(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Set<String> types = new LinkedHashSet<>();
        Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(types::add);
        return types;
    }

    private static String queueOrder(String value) {
        if (value == null) {
            return null;
        }
        if (!value.equals("FIFO") && !value.equals("LIFO")) {
            throw TwilioApiException.badRequest("PrioritizeQueueOrder must be FIFO or LIFO, got " + value);
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
