package dev.lifeline.model.command;

import dev.lifeline.model.agent.Activity;
import dev.lifeline.model.validation.Require;

/** {@code set-activity}: the agent picks Available, Break or Offline; the server updates the TaskRouter worker. */
public record SetActivity(Activity activity) implements ClientCommand {

    public SetActivity {
        Require.present(activity, "activity");
    }
}
