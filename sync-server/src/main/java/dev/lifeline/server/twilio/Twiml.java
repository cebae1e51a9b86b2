package dev.lifeline.server.twilio;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Conference;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Enqueue;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Play;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Say;
import com.twilio.twiml.voice.Task;
import java.util.List;

/** The TwiML documents the recovery uses, built by the SDK's TwiML classes (escaping included). */
public final class Twiml {

    private Twiml() {
    }

    /** {@code <Enqueue workflowSid><Task priority>json</Task></Enqueue>}: the customer waits for the reconnect. */
    public static String enqueue(String workflowSid, String attributesJson, int priority) {
        Task task = new Task.Builder(attributesJson).priority(priority).build();
        Enqueue enqueue = new Enqueue.Builder().workflowSid(workflowSid).task(task).build();
        return new VoiceResponse.Builder().enqueue(enqueue).build().toXml();
    }

    /** {@code <Enqueue workflowSid><Task>json</Task></Enqueue>}: a new caller waits in the queue at the default priority. */
    public static String enqueue(String workflowSid, String attributesJson) {
        Enqueue enqueue = new Enqueue.Builder().workflowSid(workflowSid).task(new Task.Builder(attributesJson).build()).build();
        return new VoiceResponse.Builder().enqueue(enqueue).build().toXml();
    }

    /** {@code <Say>text</Say>}: what an agent hears before a callback's customer is dialled (a conference announcement). */
    public static String say(String text) {
        return new VoiceResponse.Builder().say(new Say.Builder(text).build()).build().toXml();
    }

    /** {@code <Say>text</Say><Hangup/>}: the message an answering machine is left. */
    public static String sayThenHangUp(String text) {
        return new VoiceResponse.Builder().say(new Say.Builder(text).build()).hangup(new Hangup.Builder().build()).build()
                .toXml();
    }

    /** What a caller hears when the call cannot be queued: a spoken apology, then the call ends (not an error). */
    public static String apology() {
        Say say = new Say.Builder("We are sorry: we cannot take your call right now. Please call again later.").build();
        return new VoiceResponse.Builder().say(say).hangup(new Hangup.Builder().build()).build().toXml();
    }

    /**
     * {@code <Dial><Conference>name</Conference></Dial>} keeping the party's label, mute and
     * endConferenceOnExit (hold has no TwiML attribute; it is re-applied once the party has joined).
     */
    public static String joinConference(String conferenceName, ConferenceJoin join) {
        Conference.Builder conference = new Conference.Builder(conferenceName)
                .participantLabel(join.label())
                .endConferenceOnExit(join.endConferenceOnExit())
                .startConferenceOnEnter(join.startConferenceOnEnter())
                .muted(join.muted())
                .beep(Conference.Beep.FALSE);
        if (join.statusCallbackUrl() != null) {
            conference.statusCallback(join.statusCallbackUrl()).statusCallbackMethod(HttpMethod.POST)
                    .statusCallbackEvents(events(join.statusCallbackEvents()));
        }
        Dial dial = new Dial.Builder().conference(conference.build()).build();
        return new VoiceResponse.Builder().dial(dial).build().toXml();
    }

    /**
     * What a customer whom Twilio refused to queue hears in the conference they are still in, as the AnnounceUrl of a
     * Conference update ({@code <Say>} is one of the verbs an announcement may hold).
     */
    public static String stayOnTheLine() {
        Say say = new Say.Builder("We are sorry for the wait. Please stay on the line: we are connecting you to the next "
                + "available agent.").build();
        return new VoiceResponse.Builder().say(say).build().toXml();
    }

    private static List<Conference.Event> events(List<String> words) {
        return words.stream().map(word -> Conference.Event.valueOf(word.toUpperCase(java.util.Locale.ROOT))).toList();
    }

    // --- the queue experience (issue 19): call entry, menu, waiting -----------------------------------------------

    /**
     * A caller's place in the queue: the workflow, the task's attributes, its priority (null = the workflow's default)
     * and the waitUrl (null = Twilio's default hold music).
     */
    public record CallerQueueing(String workflowSid, String attributesJson, Integer priority, String waitUrl) {
    }

    /** {@code <Enqueue workflowSid waitUrl><Task priority>json</Task></Enqueue>}: a new caller waits in the queue. */
    public static String enqueue(CallerQueueing queueing) {
        return new VoiceResponse.Builder().enqueue(enqueueVerb(queueing)).build().toXml();
    }

    /**
     * The menu: {@code <Gather numDigits="1" action>} around the spoken prompt (after {@code sorry}, when not null),
     * then — when no key is pressed — the queue without a skill.
     */
    public static String menu(String sorry, String prompt, String actionUrl, CallerQueueing fallback) {
        Gather.Builder gather = new Gather.Builder().inputs(Gather.Input.DTMF).numDigits(1).timeout(5).action(actionUrl)
                .method(HttpMethod.POST);
        if (sorry != null) {
            gather.say(new Say.Builder(sorry).build());
        }
        gather.say(new Say.Builder(prompt).build());
        return new VoiceResponse.Builder().gather(gather.build()).enqueue(enqueueVerb(fallback)).build().toXml();
    }

    /**
     * An offer the caller takes with one key: {@code <Gather numDigits="1" action>} around the spoken prompt, then —
     * no key pressed — the hold music {@code loops} times (in a waitUrl, Twilio asks again when it ends) or, with no
     * music, the call ends.
     */
    public static String offer(String prompt, String actionUrl, String holdMusicUrl, int loops) {
        Gather gather = new Gather.Builder().inputs(Gather.Input.DTMF).numDigits(1).timeout(5).action(actionUrl)
                .method(HttpMethod.POST).say(new Say.Builder(prompt).build()).build();
        VoiceResponse.Builder response = new VoiceResponse.Builder().gather(gather);
        if (holdMusicUrl != null) {
            response.play(new Play.Builder(holdMusicUrl).loop(loops).build());
        } else {
            response.say(new Say.Builder("Goodbye.").build()).hangup(new Hangup.Builder().build());
        }
        return response.build().toXml();
    }

    /**
     * A question answered with keys then {@code #}: {@code <Gather finishOnKey="#" actionOnEmptyResult="true">} around
     * the spoken prompt, so the action hears silence too (empty {@code Digits}) and decides what comes next.
     */
    public static String askForDigits(String prompt, String actionUrl) {
        Gather gather = new Gather.Builder().inputs(Gather.Input.DTMF).finishOnKey("#").timeout(6)
                .actionOnEmptyResult(true).action(actionUrl).method(HttpMethod.POST)
                .say(new Say.Builder(prompt).build()).build();
        return new VoiceResponse.Builder().gather(gather).build().toXml();
    }

    /** Outside business hours: the message, then the call ends. */
    public static String closed(String message) {
        return new VoiceResponse.Builder().say(new Say.Builder(message).build()).hangup(new Hangup.Builder().build())
                .build().toXml();
    }

    /** A waitUrl document: the announcement, then the hold music {@code loops} times; Twilio asks again when it ends. */
    public static String waiting(String announcement, String holdMusicUrl, int loops) {
        return new VoiceResponse.Builder().say(new Say.Builder(announcement).build())
                .play(new Play.Builder(holdMusicUrl).loop(loops).build()).build().toXml();
    }

    private static Enqueue enqueueVerb(CallerQueueing queueing) {
        Task.Builder task = new Task.Builder(queueing.attributesJson());
        if (queueing.priority() != null) {
            task.priority(queueing.priority());
        }
        Enqueue.Builder enqueue = new Enqueue.Builder().workflowSid(queueing.workflowSid()).task(task.build());
        if (queueing.waitUrl() != null) {
            enqueue.waitUrl(queueing.waitUrl()).waitUrlMethod(HttpMethod.POST);
        }
        return enqueue.build();
    }
}
