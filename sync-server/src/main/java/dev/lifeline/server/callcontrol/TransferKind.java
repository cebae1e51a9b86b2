package dev.lifeline.server.callcontrol;

/** What the agent asked for when another agent (or a queue's agent) is offered the customer's call. */
public enum TransferKind {
    /** The agent leaves at once; the customer is on hold until the target is there. */
    COLD,
    /** The agent stays and talks to the target while the customer is on hold, then completes or cancels. */
    WARM,
    /** The target joins the call as a third party; nobody is held and nobody leaves. */
    ADD
}
