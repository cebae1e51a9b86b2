package dev.lifeline.model.auth;

import dev.lifeline.model.validation.Require;

/** Body of {@code POST /api/login}. */
public record LoginRequest(String username, String password) {

    public LoginRequest {
        Require.text(username, "username");
        Require.text(password, "password");
    }

    /** Never prints the password (records print every component by default, and requests get logged). */
    @Override
    public String toString() {
        return "LoginRequest[username=" + username + ", password=***]";
    }
}
