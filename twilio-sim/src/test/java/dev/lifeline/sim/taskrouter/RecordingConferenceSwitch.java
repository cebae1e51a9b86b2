package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.ConferenceInstruction;
import dev.lifeline.sim.core.ConferenceSwitch;
import java.util.ArrayList;
import java.util.List;

/** Stands in for the voice side: records each instruction and lets the test play the worker leg's fate. */
final class RecordingConferenceSwitch implements ConferenceSwitch {

    final List<ConferenceInstruction> instructions = new ArrayList<>();
    final List<WorkerLegListener> listeners = new ArrayList<>();
    private int calls;

    @Override
    public synchronized String connect(ConferenceInstruction instruction, WorkerLegListener listener) {
        instructions.add(instruction);
        listeners.add(listener);
        return workerCallSid(++calls);
    }

    synchronized WorkerLegListener lastListener() {
        return listeners.get(listeners.size() - 1);
    }

    static String workerCallSid(int n) {
        return String.format("CA%032d", n);
    }
}
