package dev.lifeline.desktop.login;

import dev.lifeline.desktop.connection.RestClient;
import dev.lifeline.desktop.connection.ServerAddress;
import dev.lifeline.model.auth.LoginResponse;
import dev.lifeline.model.auth.Role;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in and out: shows the login screen (and signs in by itself when the command line gave everything), opens a
 * {@link SignedIn} session for the role the server grants and hands it over; when the server no longer accepts the
 * session, refreshes the token if the session has time left, or goes back to the login screen with the reason.
 */
public final class SignInFlow implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SignInFlow.class);

    private final Stage stage;
    private final Scene scene;
    private final SessionServices services;
    private final Consumer<SignedIn> opensTheRole;
    private String serverUrl;
    private String user;
    private boolean plainHttpAllowed;
    private LoginViewModel login;
    private SignedIn current;

    /** @param opensTheRole shows the agent's desk or the supervisor's panel for a new session */
    public SignInFlow(Stage stage, Scene scene, SessionServices services, Consumer<SignedIn> opensTheRole) {
        this.stage = stage;
        this.scene = scene;
        this.services = services;
        this.opensTheRole = opensTheRole;
    }

    /**
     * Shows the login screen.
     *
     * @param serverUrl        pre-filled server URL, or null
     * @param user             pre-filled user, or null
     * @param plainHttpAllowed sign in over plain {@code http://} to another machine ({@code --allow-insecure-http})
     */
    public void start(String serverUrl, String user, boolean plainHttpAllowed) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.plainHttpAllowed = plainHttpAllowed;
        showLogin();
    }

    /** Signs in with the pre-filled server and user, as if the agent had typed the password and clicked. */
    public void signInWith(String password) {
        login.passwordProperty().set(password);
        login.signIn();
    }

    private void showLogin() {
        login = new LoginViewModel((server, credentials) -> new RestClient(services.http(), server).login(credentials),
                services.ui(), this::signedIn);
        login.allowPlainHttp(plainHttpAllowed);
        if (serverUrl != null) {
            login.serverUrlProperty().set(serverUrl);
        }
        if (user != null) {
            login.usernameProperty().set(user);
        }
        scene.getAccelerators().clear();
        scene.setRoot(new LoginView(login).root());
        stage.setTitle("Lifeline — sign in");
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(520);
        stage.show();
    }

    private void signedIn(ServerAddress server, LoginResponse response) {
        SignedIn session = new SignedIn(services, server, response, this::rejected);
        current = session;
        log.info("signed in to {} as {}", server.display(), session.session());
        session.start();
        stage.setTitle("Lifeline — " + response.identity() + (response.role() == Role.SUPERVISOR ? " (supervisor)" : ""));
        opensTheRole.accept(session);
    }

    private void rejected(SignedIn session) {
        if (services.clock().instant().isBefore(session.session().expiresAt())) {
            session.refreshNow();
        } else {
            signOut("Your session expired. Sign in again.");
        }
    }

    /**
     * Back to the login screen because the server no longer accepts the session. The softphone closes too, so a call
     * in progress drops and the server's recovery brings it back after the new sign-in.
     */
    private void signOut(String why) {
        log.warn("signing out: {}", why);
        String typedServer = login.serverUrlProperty().get();
        String typedUser = login.usernameProperty().get();
        close();
        showLogin();
        login.serverUrlProperty().set(typedServer);
        login.usernameProperty().set(typedUser);
        login.explain(why);
    }

    /** Ends the current session, if any (sign-out, or the window closing). */
    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
