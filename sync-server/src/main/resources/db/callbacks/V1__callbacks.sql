-- Callbacks (issue 20), one set of migrations for H2 and PostgreSQL alike: only types and statements both know.
-- Times are instants (TIMESTAMP WITH TIME ZONE); the customer's zone is kept beside them to say them back.
CREATE TABLE callback (
    id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    customer_number VARCHAR(16)  NOT NULL,
    reason          VARCHAR(500) NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    time_zone       VARCHAR(64)  NOT NULL,
    priority        INTEGER      NOT NULL,
    preferred_agent VARCHAR(128),
    requested_by    VARCHAR(200),
    state           VARCHAR(16)  NOT NULL,
    task_sid        VARCHAR(34),
    close_reason    VARCHAR(500),
    version         BIGINT       NOT NULL
);

CREATE INDEX callback_state_due ON callback (state, due_at);

CREATE TABLE callback_attempt (
    callback_id VARCHAR(64) NOT NULL REFERENCES callback (id) ON DELETE CASCADE,
    attempt_no  INTEGER     NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    call_sid    VARCHAR(34),
    outcome     VARCHAR(32),
    PRIMARY KEY (callback_id, attempt_no)
);
