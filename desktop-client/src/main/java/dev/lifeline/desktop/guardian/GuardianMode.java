package dev.lifeline.desktop.guardian;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether this process is the guardian (the default for a desktop window), the desktop it guards, or a desktop
 * run without one ({@code --no-guardian} or {@code LIFELINE_GUARDIAN=off}).
 *
 * @param guard         this process should become the guardian and run the desktop as its child
 * @param desktopArgs   the command line without the guardian's own option, as the desktop parses it
 * @param restartReason why the guardian started this desktop again, in words (empty on a first start)
 */
public record GuardianMode(boolean guard, List<String> desktopArgs, Optional<String> restartReason) {

    public static final String NO_GUARDIAN_OPTION = "--no-guardian";
    /** {@code off} runs the desktop without a guardian; {@code on} (or unset) with one. */
    public static final String SETTING_ENV = "LIFELINE_GUARDIAN";
    /** Set by the guardian in its child's environment: the child is the desktop, not another guardian. */
    static final String GUARDED_ENV = "LIFELINE_GUARDED";
    /** Set by the guardian when it starts the desktop again: the reason, shown in the restarted window. */
    static final String RESTARTED_AFTER_ENV = "LIFELINE_RESTARTED_AFTER";

    public GuardianMode {
        desktopArgs = List.copyOf(desktopArgs);
    }

    /** A setting the guardian cannot read; the message is the one line printed on stderr. */
    public static final class BadSetting extends Exception {
        public BadSetting(String message) {
            super(message, null, false, false);
        }
    }

    public static GuardianMode of(String[] args, Map<String, String> environment) throws BadSetting {
        List<String> desktopArgs = new ArrayList<>(List.of(args));
        boolean optedOut = desktopArgs.removeIf(NO_GUARDIAN_OPTION::equals);
        String setting = environment.getOrDefault(SETTING_ENV, "on").strip();
        if (!setting.equals("on") && !setting.equals("off")) {
            throw new BadSetting(SETTING_ENV + " must be on or off, not \"" + setting + "\"");
        }
        boolean isChild = environment.containsKey(GUARDED_ENV);
        boolean guard = !isChild && !optedOut && setting.equals("on");
        Optional<String> reason = isChild
                ? Optional.ofNullable(environment.get(RESTARTED_AFTER_ENV)).filter(text -> !text.isBlank())
                : Optional.empty();
        return new GuardianMode(guard, desktopArgs, reason);
    }

    public String[] desktopArgsArray() {
        return desktopArgs.toArray(String[]::new);
    }
}
