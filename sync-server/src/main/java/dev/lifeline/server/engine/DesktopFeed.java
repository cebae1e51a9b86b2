package dev.lifeline.server.engine;

import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.taskrouter.TaskRouterEvent;

/** What desktops need to hear about besides incidents: offers, task changes, who is in their conference. */
public interface DesktopFeed {

    void taskRouterEvent(TaskRouterEvent event);

    void conferenceChanged(ConferenceRecord conference);

    DesktopFeed NONE = new DesktopFeed() {
        @Override
        public void taskRouterEvent(TaskRouterEvent event) {
        }

        @Override
        public void conferenceChanged(ConferenceRecord conference) {
        }
    };
}
