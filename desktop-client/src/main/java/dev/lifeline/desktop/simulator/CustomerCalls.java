package dev.lifeline.desktop.simulator;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The server's sim-mode Simulator endpoints ({@code /demo/calls}). Every method is asynchronous; a failure
 * completes the future with an exception whose message is a sentence fit for the window.
 */
public interface CustomerCalls {

    /** {@code GET /demo/calls}: the demo customers' calls, newest first. */
    CompletableFuture<List<CustomerCall>> list();

    /** {@code POST /demo/calls}: a new customer calls in; completes with the new call's SID. */
    CompletableFuture<String> callIn();

    /** {@code POST /demo/calls/{sid}/third-party}: a third party joins that customer's conference. */
    CompletableFuture<Void> addThirdParty(String customerCallSid);

    /** {@code POST /demo/calls/{sid}/hangup}: the customer hangs up. */
    CompletableFuture<Void> hangUp(String customerCallSid);
}
