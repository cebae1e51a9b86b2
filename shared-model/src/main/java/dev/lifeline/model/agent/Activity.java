package dev.lifeline.model.agent;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Optional;

/**
 * The TaskRouter activities an agent may pick on the desktop. The wire value is the activity's
 * {@code FriendlyName} in the workspace ("Available", "Break", "Offline"), which is what TaskRouter reports
 * as {@code activity_name}.
 */
public enum Activity {
    @JsonProperty("Available")
    AVAILABLE("Available"),
    @JsonProperty("Break")
    BREAK("Break"),
    @JsonProperty("Offline")
    OFFLINE("Offline");

    private final String friendlyName;

    Activity(String friendlyName) {
        this.friendlyName = friendlyName;
    }

    /** The TaskRouter activity name, e.g. {@code "Available"}. */
    public String friendlyName() {
        return friendlyName;
    }

    /** The selectable activity with this TaskRouter name; empty for workspace activities the desktop cannot pick. */
    public static Optional<Activity> ofFriendlyName(String name) {
        return Arrays.stream(values()).filter(activity -> activity.friendlyName.equals(name)).findFirst();
    }
}
