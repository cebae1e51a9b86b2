package dev.lifeline.desktop.login;

import dev.lifeline.desktop.ui.Bind;
import dev.lifeline.desktop.ui.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;

/** The sign-in window's content; all state and validation live in {@link LoginViewModel}. */
public final class LoginView {

    private final LoginViewModel model;
    private final Parent root;

    @FXML
    private TextField serverField;
    @FXML
    private TextField userField;
    @FXML
    private PasswordField passwordField;
    @FXML
    private Button signInButton;
    @FXML
    private Label loginError;
    @FXML
    private Label loginWarning;
    @FXML
    private ProgressIndicator loginBusy;

    public LoginView(LoginViewModel model) {
        this.model = model;
        this.root = ViewLoader.load(this);
    }

    @FXML
    private void initialize() {
        serverField.textProperty().bindBidirectional(model.serverUrlProperty());
        userField.textProperty().bindBidirectional(model.usernameProperty());
        passwordField.textProperty().bindBidirectional(model.passwordProperty());
        Bind.showText(loginError, model.errorProperty());
        Bind.showText(loginWarning, model.warningProperty());
        loginBusy.visibleProperty().bind(model.busyProperty());
        signInButton.disableProperty().bind(model.busyProperty());
        signInButton.setOnAction(event -> model.signIn());
    }

    public Parent root() {
        return root;
    }
}
