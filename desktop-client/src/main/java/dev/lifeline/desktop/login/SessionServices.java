package dev.lifeline.desktop.login;

import dev.lifeline.desktop.ui.UiExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;

/**
 * What every session of one desktop runs on; the shell owns them and shuts them down when the window closes.
 *
 * @param http           the one HTTP client (REST and the event socket)
 * @param timer          the one timer thread (token refresh, heartbeats, reconnect delays)
 * @param ui             the door to the UI thread
 * @param clock          the desktop's clock
 * @param heartbeatEvery how often the event stream says the desktop is alive (the server's measure of presence)
 */
public record SessionServices(OkHttpClient http, ScheduledExecutorService timer, UiExecutor ui, Clock clock,
                              Duration heartbeatEvery) {
}
