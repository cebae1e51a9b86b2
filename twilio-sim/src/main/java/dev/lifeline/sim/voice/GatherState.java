package dev.lifeline.sim.voice;

import dev.lifeline.sim.twiml.TwimlVerb;

/** A running {@code <Gather>}: its prompts played so far and the digits collected. Touched under the world lock. */
final class GatherState {

    final TwimlVerb.Gather verb;
    final StringBuilder digits = new StringBuilder();
    /** The next nested prompt to run; past the end once the prompts are over (or a key cut them short). */
    int nextPrompt;
    /** The prompts are over and the {@code timeout} runs. */
    boolean waitingForInput;

    GatherState(TwimlVerb.Gather verb) {
        this.verb = verb;
    }

    boolean prompting() {
        return !waitingForInput;
    }
}
