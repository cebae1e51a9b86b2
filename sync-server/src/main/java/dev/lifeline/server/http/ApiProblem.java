package dev.lifeline.server.http;

import dev.lifeline.model.problem.Problem;

/** Thrown by a handler to answer with a problem body; nothing has been changed when it is thrown. */
public final class ApiProblem extends RuntimeException {

    private final transient Problem problem;

    public ApiProblem(Problem problem) {
        super(problem.detail() != null ? problem.detail() : problem.title());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
