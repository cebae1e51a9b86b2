package dev.lifeline.server.provision;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one provisioning run created, changed and kept, in order — or, in a dry run, what it would create and change:
 * a dry run reads everything and writes nothing, and hands out a placeholder instead of the SID of an object it would
 * create, so that the steps under it ({@link #isPlanned}) read nothing either.
 */
public final class ProvisionReport {

    /** The SID a dry run hands out for an object it would create. */
    private static final String PLANNED = "(new)";
    private static final Logger log = LoggerFactory.getLogger(ProvisionReport.class);

    public enum Outcome { CREATED, CHANGED, KEPT }

    /** One object and what happened to it; {@code detail} says what changed (never a secret). */
    public record Step(Outcome outcome, String kind, String name, String sid, String detail) {
    }

    private final boolean dryRun;
    private final List<Step> steps = new ArrayList<>();

    private ProvisionReport(boolean dryRun) {
        this.dryRun = dryRun;
    }

    /** A run that creates and changes what it must. */
    public static ProvisionReport applying() {
        return new ProvisionReport(false);
    }

    /** A run that only says what it would do. */
    public static ProvisionReport dryRun() {
        return new ProvisionReport(true);
    }

    public boolean isDryRun() {
        return dryRun;
    }

    /** @return the new object's SID, or the dry run's placeholder */
    public synchronized String create(String kind, String name, Supplier<String> create) {
        String sid = dryRun ? PLANNED : create.get();
        record(new Step(Outcome.CREATED, kind, name, dryRun ? null : sid, null));
        return sid;
    }

    public synchronized void change(String kind, String name, String sid, String detail, Runnable change) {
        if (!dryRun) {
            change.run();
        }
        record(new Step(Outcome.CHANGED, kind, name, sid, detail));
    }

    public synchronized String keep(String kind, String name, String sid) {
        record(new Step(Outcome.KEPT, kind, name, sid, null));
        return sid;
    }

    /** Whether {@code sid} is an object only planned by a dry run (nothing to read under it). */
    public static boolean isPlanned(String sid) {
        return PLANNED.equals(sid);
    }

    public synchronized List<Step> steps() {
        return List.copyOf(steps);
    }

    public synchronized long count(Outcome outcome) {
        return steps.stream().filter(step -> step.outcome() == outcome).count();
    }

    /** One line a step, as the {@code provision} command prints them. */
    public synchronized List<String> lines() {
        return steps.stream().map(this::line).toList();
    }

    /** {@code "3 created, 1 changed, 12 kept"} (a dry run: "would create", "would change"). */
    public synchronized String summary() {
        return (dryRun ? "dry run, nothing changed: would create " : "") + count(Outcome.CREATED)
                + (dryRun ? ", would change " : " created, ") + count(Outcome.CHANGED)
                + (dryRun ? ", keep " : " changed, ") + count(Outcome.KEPT) + (dryRun ? "" : " kept");
    }

    private void record(Step step) {
        steps.add(step);
        if (!dryRun && step.outcome() != Outcome.KEPT) {
            log.info("provisioning: {}", line(step));
        }
    }

    private String line(Step step) {
        String verb = switch (step.outcome()) {
            case CREATED -> dryRun ? "create" : "created";
            case CHANGED -> dryRun ? "change" : "changed";
            case KEPT -> dryRun ? "keep" : "kept";
        };
        return String.format("%-8s %s '%s'%s%s", verb, step.kind(), step.name(),
                step.sid() == null ? "" : " " + step.sid(), step.detail() == null ? "" : ": " + step.detail());
    }
}
