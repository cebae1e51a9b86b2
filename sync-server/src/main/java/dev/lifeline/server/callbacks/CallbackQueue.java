package dev.lifeline.server.callbacks;

/** Where a due callback's task goes: TaskRouter ({@link CallbackTasks}) in the server. */
public interface CallbackQueue {

    /** The callback's task for its current round: one already made (by a member that died), else a new one. */
    String queue(Callback callback);

    /** Lifts the preferred agent from a queued task: anyone may take it. */
    void offerToAnyone(String taskSid);
}
