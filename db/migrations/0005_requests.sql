-- 12345 requests (诉求): intake from every channel, classification, dispatch, handling, reply, callback.

CREATE SEQUENCE request_ticket_seq;

CREATE TABLE requests (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ticket_no              text NOT NULL CONSTRAINT requests_ticket_no_key UNIQUE,
  channel                text NOT NULL CONSTRAINT requests_channel_check CHECK (channel IN ('web', 'enterprise', 'phone', 'open311')),
  text                   text NOT NULL CONSTRAINT requests_text_check CHECK (length(text) BETWEEN 1 AND 4000),
  type                   text NOT NULL CONSTRAINT requests_type_check CHECK (type IN ('咨询', '求助', '投诉', '举报', '建议', '表扬')),
  category               text NOT NULL,
  -- The department the hotline proposes (classification) until dispatch, then the one handling it (主办).
  department_id          text NOT NULL CONSTRAINT requests_department_fk REFERENCES departments (id),
  co_department_ids      text[] NOT NULL DEFAULT '{}',
  status                 text NOT NULL CONSTRAINT requests_status_check CHECK (status IN ('received', 'dispatched', 'returned', 'processing', 'replied', 'answered', 'closed')),
  version                integer NOT NULL DEFAULT 1,
  contact_name           text,
  phone                  text,
  anonymous              boolean NOT NULL DEFAULT false,
  confidential           boolean NOT NULL DEFAULT false,
  address                text,
  street_id              text CONSTRAINT requests_street_fk REFERENCES departments (id),
  community              text,
  latitude               double precision,
  longitude              double precision,
  citizen_id             uuid CONSTRAINT requests_citizen_fk REFERENCES users (id),
  created_by             uuid CONSTRAINT requests_created_by_fk REFERENCES users (id),
  open311_client_id      bigint,
  classification         jsonb NOT NULL,
  labels_confirmed       boolean NOT NULL DEFAULT false,
  urgent                 boolean NOT NULL DEFAULT false,
  duplicate_of           uuid CONSTRAINT requests_duplicate_fk REFERENCES requests (id),
  attachments            uuid[] NOT NULL DEFAULT '{}',
  received_at            timestamptz NOT NULL,
  due_at                 timestamptz NOT NULL,
  warn_at                timestamptz NOT NULL,
  extension_days         integer NOT NULL DEFAULT 0,
  extension_requested    integer,
  reply_result           text CONSTRAINT requests_reply_result_check CHECK (reply_result IN ('resolved', 'explained', 'unsolvable')),
  reply_text             text,
  replied_at             timestamptz,
  satisfaction           text CONSTRAINT requests_satisfaction_check CHECK (satisfaction IN ('satisfied', 'basically_satisfied', 'unsatisfied')),
  reopen_count           integer NOT NULL DEFAULT 0,
  returns_count          integer NOT NULL DEFAULT 0,
  supervised             boolean NOT NULL DEFAULT false,
  supervise_due_at       timestamptz,
  closed_at              timestamptz,
  closed_on_time         boolean,
  updated_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX requests_open_idx ON requests (department_id, urgent DESC, due_at) WHERE status <> 'closed';
CREATE INDEX requests_received_idx ON requests (received_at);
CREATE INDEX requests_phone_idx ON requests (phone, received_at) WHERE phone IS NOT NULL;
CREATE INDEX requests_citizen_idx ON requests (citizen_id, received_at) WHERE citizen_id IS NOT NULL;

CREATE TABLE request_events (
  id             bigserial PRIMARY KEY,
  request_id     uuid NOT NULL CONSTRAINT request_events_request_fk REFERENCES requests (id) ON DELETE CASCADE,
  action         text NOT NULL,
  from_status    text,
  to_status      text NOT NULL,
  department_id  text,
  actor_id       uuid,
  actor_name     text NOT NULL,
  actor_role     text NOT NULL,
  comment        text,
  data           jsonb,
  at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX request_events_request_idx ON request_events (request_id, id);

-- Direct dispatch: a category (and optionally a street) goes straight to a department.
CREATE TABLE request_dispatch_rules (
  id             bigserial PRIMARY KEY,
  category       text NOT NULL,
  street_id      text CONSTRAINT request_dispatch_rules_street_fk REFERENCES departments (id),
  department_id  text NOT NULL CONSTRAINT request_dispatch_rules_department_fk REFERENCES departments (id),
  note           text,
  updated_by     text,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT request_dispatch_rules_key UNIQUE NULLS NOT DISTINCT (category, street_id)
);

-- Settings of the requests module (time limits by type), one JSON value per key.
CREATE TABLE request_settings (
  key         text PRIMARY KEY,
  value       jsonb NOT NULL,
  updated_by  text,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Client applications allowed to POST Open311 requests; the key is stored as SHA-256.
CREATE TABLE open311_clients (
  id            bigserial PRIMARY KEY,
  name          text NOT NULL,
  api_key_hash  text NOT NULL CONSTRAINT open311_clients_key UNIQUE,
  created_by    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  revoked_at    timestamptz
);

-- Text messages to citizens (receipts, replies, callbacks). A sender job hands them to the SMS gateway.
CREATE TABLE sms_outbox (
  id          bigserial PRIMARY KEY,
  phone       text NOT NULL,
  body        text NOT NULL,
  request_id  uuid CONSTRAINT sms_outbox_request_fk REFERENCES requests (id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  sent_at     timestamptz
);
CREATE INDEX sms_outbox_pending_idx ON sms_outbox (id) WHERE sent_at IS NULL;
