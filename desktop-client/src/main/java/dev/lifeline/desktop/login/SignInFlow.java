package dev.lifeline.desktop.login;

import dev.lifeline.desktop.connection.LoginFailure;
import dev.lifeline.desktop.connection.RestClient;
import dev.lifeline.desktop.connection.ServerAddress;
import dev.lifeline.desktop.credentials.SavedSignIn;
import dev.lifeline.desktop.credentials.SavedSignIns;
import dev.lifeline.desktop.ui.Failures;
import dev.lifeline.model.auth.LoginRequest;
import dev.lifeline.model.auth.LoginResponse;
import dev.lifeline.model.auth.ResumeRequest;
import dev.lifeline.model.auth.Role;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in and out: shows the login screen (and signs in by itself when the command line gave everything), opens a
 * {@link SignedIn} session for the role the server grants and hands it over; when the server no longer accepts the
 * session, refreshes the token if the session has time left, or goes back to the login screen with the reason.
 *
 * <p>Issue 14: a password sign-in names this computer ({@link SavedSignIns#device()}) and the server's device-bound
 * resume credential is saved ({@link SavedSignIns}: the OS credential store or an owner-only file); the next start,
 * a guardian restart included, signs in with it by itself ({@link #signInWithSavedCredential()}), saving the next
 * one each time. The account menu's Sign out revokes it on the server and forgets it here; a refused one (revoked,
 * expired) is forgotten and the login form says why.
 */
public final class SignInFlow implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SignInFlow.class);

    private final Stage stage;
    private final Scene scene;
    private final SessionServices services;
    private final Consumer<SignedIn> opensTheRole;
    private final SavedSignIns saved;
    private String serverUrl;
    private String user;
    private boolean plainHttpAllowed;
    private LoginViewModel login;
    private SignedIn current;

    /** @param opensTheRole shows the agent's desk or the supervisor's panel for a new session */
    public SignInFlow(Stage stage, Scene scene, SessionServices services, Consumer<SignedIn> opensTheRole) {
        this(stage, scene, services, SavedSignIns.none(), opensTheRole);
    }

    /** @param saved where this computer keeps its saved sign-in ({@link SavedSignIns#none()}: nowhere) */
    public SignInFlow(Stage stage, Scene scene, SessionServices services, SavedSignIns saved,
                      Consumer<SignedIn> opensTheRole) {
        this.stage = stage;
        this.scene = scene;
        this.services = services;
        this.saved = saved;
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

    /**
     * Signs in by itself with this computer's saved sign-in, if there is one for the pre-filled server (any server when
     * none was given); the login form stays as it is when there is none.
     */
    public void signInWithSavedCredential() {
        String given = serverUrl;
        boolean plainHttp = plainHttpAllowed;
        // The request leaves from the credentials thread the moment the saved sign-in is read: the UI thread of a
        // desktop that has just been restarted is busy drawing its window, and the customer is waiting.
        saved.load().thenAccept(found -> found.ifPresent(signIn -> {
            ServerAddress server;
            try {
                server = ServerAddress.parse(signIn.serverUrl());
            } catch (IllegalArgumentException e) {
                return;
            }
            if (!sameServer(given, server) || (server.isPlainTextOverTheNetwork() && !plainHttp)) {
                return;
            }
            log.info("signing in again by itself as {} on {}", signIn.identity(), server.display());
            CompletableFuture<LoginResponse> attempt = new RestClient(services.http(), server)
                    .resume(new ResumeRequest(saved.device().orElseThrow().id(), signIn.credential()));
            services.ui().execute(() -> {
                if (current != null || !login.signInAgain(server, signIn.identity(), attempt, this::savedSignInFailed)) {
                    // Signed in (or signing in) by hand meanwhile: that session stays; the chain's next credential
                    // is kept all the same, or the next start would present a used one.
                    attempt.thenAccept(response -> saveResumeCredential(server, response));
                }
            });
        }));
    }

    private static boolean sameServer(String given, ServerAddress savedServer) {
        try {
            return given == null || ServerAddress.parse(given).display().equals(savedServer.display());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A refusal makes the saved credential worthless; an unreachable server does not (the next start tries again). */
    private void savedSignInFailed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof LoginFailure refused && refused.kind() == LoginFailure.Kind.WRONG_CREDENTIALS) {
            log.info("the saved sign-in was refused; forgetting it");
            forgetSavedSignIn();
        } else {
            log.info("signing in again by itself failed: {}", Failures.text(failure));
        }
    }

    private void forgetSavedSignIn() {
        saved.forget().whenComplete((done, failure) -> {
            if (failure != null) {
                log.warn("the saved sign-in could not be forgotten: {}", Failures.text(failure));
            }
        });
    }

    private void showLogin() {
        login = new LoginViewModel((server, credentials) -> new RestClient(services.http(), server).login(
                saved.device().map(device -> new LoginRequest(credentials.username(), credentials.password(), device.id(),
                        device.name())).orElse(credentials)),
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
        saveResumeCredential(server, response);
        SignedIn session = new SignedIn(services, server, response, this::rejected, this::signOutByUser);
        current = session;
        log.info("signed in to {} as {}", server.display(), session.session());
        session.start();
        stage.setTitle("Lifeline — " + response.identity() + (response.role() == Role.SUPERVISOR ? " (supervisor)" : ""));
        opensTheRole.accept(session);
    }

    private void saveResumeCredential(ServerAddress server, LoginResponse response) {
        if (response.resume() == null) {
            return;
        }
        saved.save(new SavedSignIn(server.display(), response.identity(), response.resume().credential(),
                response.resume().expiresAt())).whenComplete((done, failure) -> {
                    if (failure != null) {
                        log.warn("the sign-in could not be saved; the next start asks for the password: {}",
                                Failures.text(failure));
                    } else {
                        log.info("sign-in of {} saved in the {}", response.identity(), saved.description());
                    }
                });
    }

    private void rejected(SignedIn session) {
        if (services.clock().instant().isBefore(session.session().expiresAt())) {
            session.refreshNow();
        } else {
            signOut("Your session expired. Sign in again.");
            // A saved sign-in that is still good starts the next session by itself.
            signInWithSavedCredential();
        }
    }

    /** The account menu's Sign out: the server revokes this device's saved sign-in, and it is forgotten here too. */
    private void signOutByUser() {
        SignedIn session = current;
        if (session == null) {
            return;
        }
        log.info("{} signs out", session.session().identity());
        current = null;
        session.close(true);
        forgetSavedSignIn();
        String typedServer = login.serverUrlProperty().get();
        showLogin();
        login.serverUrlProperty().set(typedServer);
        login.usernameProperty().set(session.session().identity());
        login.explain("You signed out. Sign in to take calls again.");
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
