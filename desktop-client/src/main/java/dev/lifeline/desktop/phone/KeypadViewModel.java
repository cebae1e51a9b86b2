package dev.lifeline.desktop.phone;

import dev.lifeline.desktop.softphone.Softphone;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The call view's keypad: each key goes to the answered call as an RFC 4733 event ({@link Softphone#sendDigit})
 * and is shown in the keypad's display, so the agent sees what was sent (an IVR menu choice, an extension).
 */
public final class KeypadViewModel {

    /** The keys in keypad order, rows of three. */
    public static final List<Character> KEYS = List.of('1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#');
    private static final int DISPLAY_LENGTH = 24;

    private final Softphone softphone;
    private final ReadOnlyStringWrapper sent = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public KeypadViewModel(Softphone softphone) {
        this.softphone = softphone;
    }

    /** A key press (button or keyboard); keys outside {@code 0-9 * # A-D} are ignored. */
    public void press(char key) {
        char upper = Character.toUpperCase(key);
        if ("0123456789*#ABCD".indexOf(upper) < 0) {
            return;
        }
        if (softphone.sendDigit(upper)) {
            String shown = sent.get() + upper;
            sent.set(shown.length() > DISPLAY_LENGTH ? shown.substring(shown.length() - DISPLAY_LENGTH) : shown);
            message.set("");
        } else {
            message.set("Keys can be sent only during a call that accepts them");
        }
    }

    /** Called when a call ends: the next call starts with an empty display. */
    public void clear() {
        sent.set("");
        message.set("");
    }

    public ReadOnlyStringProperty sentProperty() {
        return sent.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
