/**
 * In-process recovery scenarios: real Hazelcast members (several, terminated and replaced), twilio-sim over HTTP
 * through the twilio-java SDK, signed webhooks into the real routes and the recovery engine, all in this JVM, with
 * test code playing the agents' desktops. Not "end to end": that word is kept for tests of real processes, which
 * live in the e2e-tests module. {@link dev.lifeline.server.scenarios.RecoveryHarness} composes the parts:
 * {@link dev.lifeline.server.scenarios.MemberCluster}, {@link dev.lifeline.server.scenarios.EmulatorWorld},
 * {@link dev.lifeline.server.scenarios.AgentDesks} and {@link dev.lifeline.server.scenarios.IncidentWaits}.
 * The benchmark drivers (storm, member loss, recovery timing) reuse them.
 */
package dev.lifeline.server.scenarios;
