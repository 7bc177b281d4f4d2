-- 12345 requests: deadline warnings and overdue notices are sent once; the SMS sender retries failures.
ALTER TABLE requests ADD COLUMN warned_at timestamptz;
ALTER TABLE requests ADD COLUMN overdue_notified_at timestamptz;
-- Open requests whose warning or overdue notice is still to be sent, by due time.
CREATE INDEX requests_deadline_sweep_idx ON requests (due_at) WHERE status <> 'closed' AND overdue_notified_at IS NULL;

ALTER TABLE sms_outbox ADD COLUMN attempts integer NOT NULL DEFAULT 0;
ALTER TABLE sms_outbox ADD COLUMN last_error text;
ALTER TABLE sms_outbox ADD COLUMN failed_at timestamptz;
