package dev.lifeline.server.twilio;

/** What the server needs to know of a TaskRouter task. {@code version} is null when Twilio did not say. */
public record TaskState(String sid, String assignmentStatus, String attributesJson, String workflowSid, String version) {

    public boolean isFinished() {
        return "completed".equals(assignmentStatus) || "canceled".equals(assignmentStatus);
    }
}
