package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.testsupport.Await;
import dev.lifeline.sim.testsupport.SimFixture;
import dev.lifeline.sim.testsupport.WebhookReceiver.Received;
import java.time.Duration;
import java.util.List;

/**
 * Customers calling a number whose voice URL answers {@code <Enqueue workflowSid>} with the test's attributes; the
 * webhook receiver serves every TwiML document the test names by path.
 */
final class QueuedCallers {

    final SimFixture sim;
    final ContactCenter center;
    final String workflow;

    QueuedCallers(SimFixture sim) {
        this.sim = sim;
        this.center = ContactCenter.open(sim);
        this.workflow = center.workflowTo(center.queue("Support"));
    }

    /** Serves {@code <Enqueue workflowSid="…" attributes>} (then {@code after}) at {@code /voice}. */
    void voiceUrlEnqueues(String attributes, String after) {
        sim.receiver().serve("/voice", "<Response><Enqueue workflowSid=\"" + workflow + "\" " + attributes + "/>"
                + after + "</Response>");
    }

    void serve(String path, String twiml) {
        sim.receiver().serve(path, twiml);
    }

    /** A customer calls the number (its voice URL is {@code /voice}); returns at once. */
    String dial(String from) {
        return sim.sim().voice().inboundCallToUrl(from, "+15559990000", sim.receiver().url("/voice"), null);
    }

    /** A customer calls in; returns once the call is in its queue. */
    String callIn(String from) {
        String callSid = dial(from);
        Await.until(() -> "queued".equals(sim.callState(callSid).get("activity")), Duration.ofSeconds(5),
                () -> "call " + callSid + " queued, is " + sim.callState(callSid));
        return callSid;
    }

    /** Waits until the call's TwiML is doing {@code activity} ({@code paused}, {@code gathering}, {@code queued}…). */
    void awaitTwiml(String callSid, String activity) {
        Await.until(() -> activity.equals(sim.callState(callSid).get("twimlActivity")), Duration.ofSeconds(5),
                () -> "call " + callSid + " " + activity + ", is " + sim.callState(callSid));
    }

    /** The {@code count}-th request to {@code path} (1 = the first). */
    Received request(String path, int count) {
        return sim.receiver().await(r -> r.path().equals(path), count, Duration.ofSeconds(5)).get(count - 1);
    }

    List<Received> requests(String path) {
        return sim.receiver().matching(r -> r.path().equals(path));
    }

    int effect(String callSid, String effect) {
        return sim.sim().voice().effects(callSid).getOrDefault(effect, 0);
    }
}
