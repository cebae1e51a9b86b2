package dev.lifeline.sim.voice;

import static dev.lifeline.sim.core.TwilioDates.rfc2822;

import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.TwilioApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 2010-04-01 Queue and Member resources (field names from twilio-java 11.1.0's {@code Queue} and
 * {@code queue.Member}): queues are listed, fetched, created, updated and (empty) deleted; members are listed, fetched by
 * call SID or {@code Front}, and dequeued by an update with {@code Url} (the call leaves with {@code redirected} and
 * runs that TwiML). Parameters are checked before the world lock is taken.
 */
final class QueueApi {

    private final SimContext context;
    private final VoiceQueues queues;
    private final Calls calls;

    QueueApi(SimContext context, VoiceQueues queues, Calls calls) {
        this.context = context;
        this.queues = queues;
        this.calls = calls;
    }

    Map<String, Object> create(FormParams form) {
        String name = friendlyName(form, true);
        int maxSize = form.integer("MaxSize", 1, VoiceQueues.LARGEST_MAX_SIZE, VoiceQueues.DEFAULT_MAX_SIZE);
        synchronized (context.world) {
            return queue(queues.create(name, maxSize));
        }
    }

    List<Map<String, Object>> list(String friendlyName) {
        synchronized (context.world) {
            List<Map<String, Object>> list = new ArrayList<>();
            queues.all().stream()
                    .filter(q -> friendlyName == null || friendlyName.equals(q.friendlyName))
                    .forEach(q -> list.add(queue(q)));
            return list;
        }
    }

    Map<String, Object> fetch(String sid) {
        synchronized (context.world) {
            return queue(queues.require(sid));
        }
    }

    Map<String, Object> update(String sid, FormParams form) {
        String name = friendlyName(form, false);
        Integer maxSize = form.integer("MaxSize", 1, VoiceQueues.LARGEST_MAX_SIZE);
        synchronized (context.world) {
            VoiceQueue queue = queues.require(sid);
            if (name != null && !name.equals(queue.friendlyName)) {
                if (queues.named(name) != null) {
                    throw TwilioApiException.badRequest("A queue named '" + name + "' already exists");
                }
                queue.friendlyName = name;
            }
            if (maxSize != null) {
                queue.maxSize = maxSize;
            }
            queue.dateUpdated = context.clock.now();
            return queue(queue);
        }
    }

    void delete(String sid) {
        synchronized (context.world) {
            queues.delete(queues.require(sid));
        }
    }

    List<Map<String, Object>> members(String queueSid) {
        synchronized (context.world) {
            VoiceQueue queue = queues.require(queueSid);
            List<Map<String, Object>> list = new ArrayList<>();
            queue.callSids().forEach(callSid -> list.add(member(queue, callSid)));
            return list;
        }
    }

    Map<String, Object> member(String queueSid, String callSidOrFront) {
        synchronized (context.world) {
            VoiceQueue queue = queues.require(queueSid);
            return member(queue, requireMember(queue, callSidOrFront));
        }
    }

    /** "Dequeue a member from a queue and have the member's call begin executing the TwiML document at that URL". */
    Map<String, Object> dequeue(String queueSid, String callSidOrFront, FormParams form) {
        String url = form.url("Url");
        if (url == null) {
            throw TwilioApiException.missingParameter("Url");
        }
        String method = form.method("Method");
        synchronized (context.world) {
            VoiceQueue queue = queues.require(queueSid);
            String callSid = requireMember(queue, callSidOrFront);
            Map<String, Object> member = member(queue, callSid);
            VoiceCall call = calls.require(callSid);
            call.count("dequeuedViaApi");
            calls.redirect(call, null, url, method == null ? "POST" : method);
            return member;
        }
    }

    private static String requireMember(VoiceQueue queue, String callSidOrFront) {
        String callSid = "Front".equals(callSidOrFront) ? queue.at(1) : callSidOrFront;
        if (callSid == null || !queue.contains(callSid)) {
            throw TwilioApiException.notFound("Member", callSidOrFront);
        }
        return callSid;
    }

    private static String friendlyName(FormParams form, boolean required) {
        String name = required ? form.required("FriendlyName") : form.string("FriendlyName");
        if (name != null && name.length() > 64) {
            throw FormParams.invalid("FriendlyName", name, "must be 64 characters or less");
        }
        return name;
    }

    private Map<String, Object> queue(VoiceQueue queue) {
        Instant now = context.clock.now();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", context.accountSid);
        json.put("average_wait_time", queue.averageWaitSeconds(now));
        json.put("current_size", queue.size());
        json.put("date_created", rfc2822(queue.dateCreated));
        json.put("date_updated", rfc2822(queue.dateUpdated));
        json.put("friendly_name", queue.friendlyName);
        json.put("max_size", queue.maxSize);
        json.put("sid", queue.sid);
        json.put("uri", VoiceJson.API + context.accountSid + "/Queues/" + queue.sid + ".json");
        return json;
    }

    private Map<String, Object> member(VoiceQueue queue, String callSid) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("call_sid", callSid);
        json.put("date_enqueued", rfc2822(queue.enqueuedAt(callSid)));
        json.put("position", queue.position(callSid));
        json.put("queue_sid", queue.sid);
        json.put("uri", VoiceJson.API + context.accountSid + "/Queues/" + queue.sid + "/Members/" + callSid + ".json");
        json.put("wait_time", queue.waitSeconds(callSid, context.clock.now()));
        return json;
    }
}
