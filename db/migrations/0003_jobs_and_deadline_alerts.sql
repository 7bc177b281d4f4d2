-- A job queue in the database, and the marks that make deadline alerts go out once.

CREATE TABLE jobs (
  id          bigserial PRIMARY KEY,
  kind        text NOT NULL,
  dedupe_key  text,
  payload     jsonb NOT NULL DEFAULT '{}',
  run_at      timestamptz NOT NULL DEFAULT now(),
  attempts    integer NOT NULL DEFAULT 0,
  locked_at   timestamptz,
  done_at     timestamptz,
  last_error  text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT jobs_dedupe_key UNIQUE (kind, dedupe_key)
);
COMMENT ON TABLE jobs IS 'Background jobs; workers claim them with FOR UPDATE SKIP LOCKED, so several instances never run one twice';
CREATE INDEX jobs_due_idx ON jobs (run_at, id) WHERE done_at IS NULL;

ALTER TABLE applications ADD COLUMN warned_for date;
ALTER TABLE applications ADD COLUMN overdue_alerted_for date;
COMMENT ON COLUMN applications.warned_for IS 'The due date for which the 80 % warning went out (a new due date warns again)';
COMMENT ON COLUMN applications.overdue_alerted_for IS 'The due date for which the overdue escalation went out';
