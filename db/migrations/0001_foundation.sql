-- Foundation: catalog, calendar, identity, files, applications, notifications, audit.

CREATE TABLE departments (
  id          text PRIMARY KEY CONSTRAINT departments_id_format CHECK (id ~ '^[a-z]+$'),
  name        text NOT NULL CONSTRAINT departments_name_key UNIQUE,
  short_name  text NOT NULL,
  kind        text NOT NULL CONSTRAINT departments_kind_check CHECK (kind IN ('department', 'center', 'street'))
);
COMMENT ON TABLE departments IS 'Departments, centers and street/town service centers';

CREATE TABLE items (
  code                 text PRIMARY KEY,
  name                 text NOT NULL CONSTRAINT items_name_key UNIQUE,
  department_id        text NOT NULL CONSTRAINT items_department_fk REFERENCES departments (id),
  type                 text NOT NULL,
  applicant_types      text[] NOT NULL,
  legal_limit_days     integer NOT NULL CONSTRAINT items_legal_limit_check CHECK (legal_limit_days >= 0),
  promised_limit_days  integer NOT NULL CONSTRAINT items_promised_limit_check CHECK (promised_limit_days >= 0 AND promised_limit_days <= legal_limit_days),
  online_depth         text NOT NULL CONSTRAINT items_online_depth_check CHECK (online_depth IN ('full_online', 'online_apply_onsite_verify', 'onsite')),
  max_visits           integer NOT NULL,
  cross_province       boolean NOT NULL DEFAULT false,
  fee                  text NOT NULL,
  accept_conditions    text NOT NULL,
  materials            jsonb NOT NULL,
  description          text NOT NULL,
  legal_basis          text NOT NULL,
  tags                 text[] NOT NULL,
  version              integer NOT NULL DEFAULT 1,
  updated_at           timestamptz NOT NULL DEFAULT now(),
  updated_by           text
);
COMMENT ON TABLE items IS 'Government service items (政务服务事项), current version';
CREATE INDEX items_department_idx ON items (department_id);

CREATE TABLE item_versions (
  item_code   text NOT NULL CONSTRAINT item_versions_item_fk REFERENCES items (code),
  version     integer NOT NULL,
  data        jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  created_by  text,
  CONSTRAINT item_versions_pkey PRIMARY KEY (item_code, version)
);
COMMENT ON TABLE item_versions IS 'Every version of every item; an application keeps the version it was made under';

CREATE TABLE bundles (
  code             text PRIMARY KEY,
  name             text NOT NULL,
  description      text NOT NULL,
  item_codes       text[] NOT NULL,
  parallel_groups  jsonb NOT NULL,
  shared_form      text[] NOT NULL
);
COMMENT ON TABLE bundles IS '一件事一次办 bundles built from items';

CREATE TABLE calendar_days (
  date        date PRIMARY KEY,
  is_off_day  boolean NOT NULL,
  name        text,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  text
);
COMMENT ON TABLE calendar_days IS 'Dates that differ from the default rule (weekends off): holidays and adjusted working days (调休)';

CREATE TABLE calendar_years (
  year        integer PRIMARY KEY,
  source      text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE calendar_years IS 'Years whose official holiday notice is in calendar_days; other years count weekends only (provisional)';

CREATE TABLE users (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username             text NOT NULL CONSTRAINT users_username_key UNIQUE,
  password_hash        text NOT NULL,
  kind                 text NOT NULL CONSTRAINT users_kind_check CHECK (kind IN ('person', 'enterprise', 'staff')),
  roles                text[] NOT NULL,
  department_id        text CONSTRAINT users_department_fk REFERENCES departments (id),
  real_name            text NOT NULL,
  id_number            text,
  phone                text,
  email                text,
  company_name         text,
  uscc                 text,
  address              text,
  is_demo              boolean NOT NULL DEFAULT false,
  disabled             boolean NOT NULL DEFAULT false,
  created_at           timestamptz NOT NULL DEFAULT now(),
  password_changed_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE users IS 'Accounts: citizens (person), enterprise agents (enterprise) and staff, with real-name fields';

CREATE TABLE sessions (
  token_hash    text PRIMARY KEY,
  user_id       uuid NOT NULL CONSTRAINT sessions_user_fk REFERENCES users (id) ON DELETE CASCADE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  ip            text,
  user_agent    text
);
COMMENT ON TABLE sessions IS 'Login sessions; only the SHA-256 of the token is stored';
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE login_failures (
  id        bigserial PRIMARY KEY,
  username  text NOT NULL,
  ip        text NOT NULL,
  at        timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE login_failures IS 'Failed logins, for the per-account and per-address limits';
CREATE INDEX login_failures_username_idx ON login_failures (username, at);
CREATE INDEX login_failures_ip_idx ON login_failures (ip, at);

CREATE TABLE files (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sha256         text NOT NULL,
  size           integer NOT NULL,
  mime           text NOT NULL,
  original_name  text NOT NULL,
  owner_id       uuid NOT NULL CONSTRAINT files_owner_fk REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE files IS 'Uploaded files; the content is stored once per SHA-256';
CREATE INDEX files_owner_idx ON files (owner_id);

CREATE SEQUENCE application_case_no_seq;

CREATE TABLE applications (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_no               text NOT NULL CONSTRAINT applications_case_no_key UNIQUE,
  item_code             text NOT NULL CONSTRAINT applications_item_fk REFERENCES items (code),
  item_version          integer NOT NULL,
  department_id         text NOT NULL CONSTRAINT applications_department_fk REFERENCES departments (id),
  applicant_id          uuid NOT NULL CONSTRAINT applications_applicant_fk REFERENCES users (id),
  applicant             jsonb NOT NULL,
  form_data             jsonb NOT NULL,
  status                text NOT NULL,
  version               integer NOT NULL DEFAULT 1,
  limit_days            integer NOT NULL,
  submitted_at          timestamptz,
  accepted_at           timestamptz,
  accept_date           date,
  due_date              date,
  due_date_provisional  boolean NOT NULL DEFAULT false,
  warn_date             date,
  paused_working_days   integer NOT NULL DEFAULT 0,
  suspended_since       date,
  correction            jsonb,
  decided_at            timestamptz,
  completed_at          timestamptz,
  idempotency_key       text,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT applications_status_check CHECK (status IN ('draft', 'submitted', 'correction_required', 'accepted', 'suspended', 'approved', 'denied', 'completed', 'rejected', 'withdrawn')),
  CONSTRAINT applications_idempotency_key UNIQUE (applicant_id, idempotency_key)
);
COMMENT ON TABLE applications IS 'Cases (办件): one applicant, one item; the current status here, every change in application_events';
COMMENT ON COLUMN applications.warn_date IS 'The day 80 % of the promised working days are used: from then on the case is shown with a warning';
COMMENT ON COLUMN applications.due_date IS 'Promised due date: expected (from submission) until accepted, then counted from acceptance plus paused working days';
-- The staff queue: a department's open cases by time left.
CREATE INDEX applications_queue_idx ON applications (department_id, due_date, id)
  WHERE status IN ('submitted', 'correction_required', 'accepted', 'suspended', 'approved', 'denied');
CREATE INDEX applications_open_due_idx ON applications (due_date, id)
  WHERE status IN ('submitted', 'correction_required', 'accepted', 'suspended', 'approved', 'denied');
CREATE INDEX applications_applicant_idx ON applications (applicant_id, created_at DESC);
CREATE INDEX applications_department_status_idx ON applications (department_id, status, created_at DESC);

CREATE TABLE application_materials (
  id              bigserial PRIMARY KEY,
  application_id  uuid NOT NULL CONSTRAINT application_materials_application_fk REFERENCES applications (id) ON DELETE CASCADE,
  name            text NOT NULL,
  file_id         uuid NOT NULL CONSTRAINT application_materials_file_fk REFERENCES files (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE application_materials IS 'Files attached to a case, by material name';
CREATE INDEX application_materials_application_idx ON application_materials (application_id);

CREATE TABLE application_events (
  id                 bigserial PRIMARY KEY,
  application_id     uuid NOT NULL CONSTRAINT application_events_application_fk REFERENCES applications (id) ON DELETE CASCADE,
  action             text NOT NULL,
  from_status        text,
  to_status          text NOT NULL,
  actor_id           uuid,
  actor_name         text NOT NULL,
  actor_role         text NOT NULL,
  at                 timestamptz NOT NULL DEFAULT now(),
  comment            text,
  missing_materials  jsonb
);
COMMENT ON TABLE application_events IS 'Append-only history of every case: who did what, when and why';
CREATE INDEX application_events_application_idx ON application_events (application_id, id);

CREATE TABLE notifications (
  id          bigserial PRIMARY KEY,
  user_id     uuid NOT NULL CONSTRAINT notifications_user_fk REFERENCES users (id) ON DELETE CASCADE,
  title       text NOT NULL,
  body        text NOT NULL,
  link        text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  read_at     timestamptz
);
COMMENT ON TABLE notifications IS 'In-app inbox (站内信)';
CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC);

CREATE TABLE audit_log (
  id           bigserial PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT now(),
  actor_id     uuid,
  actor_name   text,
  action       text NOT NULL,
  target_type  text,
  target_id    text,
  detail       jsonb NOT NULL DEFAULT '{}',
  ip           text,
  seq          bigint CONSTRAINT audit_log_seq_key UNIQUE,
  prev_hash    text,
  hash         text
);
COMMENT ON TABLE audit_log IS 'Append-only audit trail. Rows are sealed into a SHA-256 hash chain in seq order shortly after they are written';
CREATE INDEX audit_log_unsealed_idx ON audit_log (id) WHERE seq IS NULL;

-- The audit log is append-only: only the sealer may fill in seq/prev_hash/hash, once.
CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit_log is append-only';
  END IF;
  IF OLD.seq IS NOT NULL
     OR NEW.id IS DISTINCT FROM OLD.id OR NEW.at IS DISTINCT FROM OLD.at
     OR NEW.actor_id IS DISTINCT FROM OLD.actor_id OR NEW.actor_name IS DISTINCT FROM OLD.actor_name
     OR NEW.action IS DISTINCT FROM OLD.action OR NEW.target_type IS DISTINCT FROM OLD.target_type
     OR NEW.target_id IS DISTINCT FROM OLD.target_id OR NEW.detail IS DISTINCT FROM OLD.detail
     OR NEW.ip IS DISTINCT FROM OLD.ip THEN
    RAISE EXCEPTION 'audit_log is append-only';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard();

CREATE TABLE idempotency_keys (
  user_id     uuid NOT NULL,
  key         text NOT NULL,
  scope       text NOT NULL,
  result_id   text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT idempotency_keys_pkey PRIMARY KEY (user_id, scope, key)
);
COMMENT ON TABLE idempotency_keys IS 'Idempotency-Key of retried writes other than applications (which keep their own key)';
