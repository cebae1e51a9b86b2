package dev.lifeline.server.auth;

/** What a desktop user may do: agents act on their own calls; supervisors also see and steer the floor. */
public enum Role { AGENT, SUPERVISOR }
