package dev.lifeline.desktop.softphone.audio;

import java.util.List;

/** The microphones and speakers the agent may choose from, by name (the settings dialog lists them). */
public interface AudioDeviceCatalog {

    List<String> microphones();

    List<String> speakers();
}
