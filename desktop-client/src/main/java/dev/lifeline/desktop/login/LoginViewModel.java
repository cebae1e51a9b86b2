package dev.lifeline.desktop.login;

import dev.lifeline.desktop.connection.LoginFailure;
import dev.lifeline.desktop.connection.ServerAddress;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.auth.LoginRequest;
import dev.lifeline.model.auth.LoginResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The sign-in form: server URL, user, password. Validates before anything goes on the wire (plain {@code http://}
 * to another machine is refused unless allowed, and then warned about) and turns every failure (wrong password,
 * server unreachable, TLS problem) into one sentence shown in the window.
 */
public final class LoginViewModel {

    /** Signs in against a server; supplied by the shell (a real REST client, or a fake in tests). */
    @FunctionalInterface
    public interface Authenticator {
        CompletableFuture<LoginResponse> login(ServerAddress server, LoginRequest credentials);
    }

    private final Authenticator authenticator;
    private final UiExecutor ui;
    private final BiConsumer<ServerAddress, LoginResponse> signedIn;
    private final StringProperty serverUrl = new SimpleStringProperty(this, "serverUrl", "");
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private boolean plainHttpAllowed;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public LoginViewModel(Authenticator authenticator, UiExecutor ui, BiConsumer<ServerAddress, LoginResponse> signedIn) {
        this.authenticator = authenticator;
        this.ui = ui;
        this.signedIn = signedIn;
        serverUrl.addListener((property, before, now) -> warning.set(plainHttpWarning(now)));
    }

    /**
     * Lets the agent sign in over plain {@code http://} to another machine ({@code --allow-insecure-http}); the
     * window then says so for as long as such an address is entered.
     */
    public void allowPlainHttp(boolean allowed) {
        plainHttpAllowed = allowed;
        warning.set(plainHttpWarning(serverUrl.get()));
    }

    public void signIn() {
        if (busy.get()) {
            return;
        }
        ServerAddress server;
        try {
            server = ServerAddress.parse(serverUrl.get());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        if (server.isPlainTextOverTheNetwork() && !plainHttpAllowed) {
            error.set(server.display() + " is not encrypted: your password and your calls would cross the network in "
                    + "plain text. Use https://, or start the desktop with --allow-insecure-http on a network you trust.");
            return;
        }
        if (username.get() == null || username.get().isBlank()) {
            error.set("Enter your user name.");
            return;
        }
        if (password.get() == null || password.get().isEmpty()) {
            error.set("Enter your password.");
            return;
        }
        error.set("");
        busy.set(true);
        authenticator.login(server, new LoginRequest(username.get().strip(), password.get()))
                .whenComplete((response, failure) -> ui.execute(() -> {
                    busy.set(false);
                    if (failure == null) {
                        password.set("");
                        signedIn.accept(server, response);
                    } else {
                        error.set(describe(failure));
                    }
                }));
    }

    /**
     * Signs in by itself with what this computer saved (issue 14): the form shows the server and user and waits; a
     * failure is explained in it, in a sentence, and handed to {@code failed} (which decides whether the saved
     * sign-in is still worth keeping).
     *
     * @return false when a sign-in was already under way (then nothing of {@code attempt} is shown)
     */
    public boolean signInAgain(ServerAddress server, String user, CompletableFuture<LoginResponse> attempt,
                            Consumer<Throwable> failed) {
        if (busy.get()) {
            return false;
        }
        serverUrl.set(server.display());
        username.set(user);
        error.set("");
        busy.set(true);
        attempt.whenComplete((response, failure) -> ui.execute(() -> {
            busy.set(false);
            if (failure == null) {
                signedIn.accept(server, response);
            } else {
                error.set(describe(failure));
                failed.accept(failure);
            }
        }));
        return true;
    }

    private String plainHttpWarning(String typed) {
        if (!plainHttpAllowed) {
            return "";
        }
        try {
            ServerAddress server = ServerAddress.parse(typed);
            return server.isPlainTextOverTheNetwork()
                    ? "Not encrypted: " + server.display() + " is plain HTTP (allowed by --allow-insecure-http)." : "";
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof LoginFailure loginFailure) {
            return loginFailure.getMessage();
        }
        // Anything unexpected still gets a sentence, never a stack trace.
        return "Sign-in failed unexpectedly. Try again.";
    }

    /** Shows why the agent is back on the login screen (e.g. the session expired). */
    public void explain(String why) {
        error.set(why);
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Shown while signing in over plain HTTP to another machine is allowed and such an address is entered. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
