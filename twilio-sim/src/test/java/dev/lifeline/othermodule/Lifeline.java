package dev.lifeline.othermodule;

/** Stands for any Lifeline module other than the emulator, for {@code dev.lifeline.sim.ArchitectureTest}'s guard. */
public final class Lifeline {

    public static final String PHASE = String.valueOf(System.nanoTime());

    private Lifeline() {
    }
}
