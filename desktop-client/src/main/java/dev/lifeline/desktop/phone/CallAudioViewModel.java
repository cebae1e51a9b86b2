package dev.lifeline.desktop.phone;

import dev.lifeline.desktop.softphone.Softphone;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * Mute and the input level meter of the call view (the phone's side of mute: silence sent). The view samples the level on its own animation timer
 * ({@link #sampleLevel()}); the meter shows -60 dBFS (empty) to 0 dBFS (full).
 */
public final class CallAudioViewModel {

    static final double FLOOR_DBFS = -60;

    private final Softphone softphone;
    private final ReadOnlyBooleanWrapper muted = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper level = new ReadOnlyDoubleWrapper(0);

    public CallAudioViewModel(Softphone softphone) {
        this.softphone = softphone;
    }

    public void toggleMute() {
        setMuted(!muted.get());
    }

    /** Follows the conference's mute of the agent's leg: while muted the phone sends silence. */
    public void setMuted(boolean next) {
        if (next != muted.get()) {
            softphone.setMuted(next);
            muted.set(next);
        }
    }

    /** The call ended: the meter empties and the next call starts unmuted. */
    public void reset() {
        level.set(0);
        if (muted.get()) {
            muted.set(false);
            softphone.setMuted(false);
        }
    }

    /** Reads the microphone's level now (0 = silence or below -60 dBFS, 1 = full scale). */
    public void sampleLevel() {
        double dbfs = softphone.inputLevelDbfs();
        level.set(Math.max(0, Math.min(1, (dbfs - FLOOR_DBFS) / -FLOOR_DBFS)));
    }

    public ReadOnlyBooleanProperty mutedProperty() {
        return muted.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty levelProperty() {
        return level.getReadOnlyProperty();
    }
}
