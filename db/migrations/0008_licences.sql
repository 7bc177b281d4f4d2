-- E-licences (电子证照): signing keys and e-seals per department, the licence library with its status
-- history, presentations (亮证) and their views, and shared government data (免提交) with its use log.

-- Departments sign as themselves: their 统一社会信用代码 goes into every licence identifier.
-- NULL means "derive the demo code from the id" (server/modules/licences/issuer.ts).
ALTER TABLE departments ADD COLUMN uscc text;

CREATE TABLE signing_keys (
  kid              text PRIMARY KEY,
  department_id    text NOT NULL CONSTRAINT signing_keys_department_fk REFERENCES departments (id),
  algorithm        text NOT NULL DEFAULT 'SM2' CONSTRAINT signing_keys_algorithm_check CHECK (algorithm = 'SM2'),
  public_key       text NOT NULL,
  private_key_enc  text NOT NULL,
  valid_from       timestamptz NOT NULL,
  valid_to         timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE signing_keys IS 'SM2 key pairs of departments. The private key is SM4-GCM encrypted under the master key. A rotated key gets valid_to and stays published, so what it signed still verifies';
CREATE UNIQUE INDEX signing_keys_current_idx ON signing_keys (department_id) WHERE valid_to IS NULL;

CREATE TABLE seals (
  id             text PRIMARY KEY,
  department_id  text NOT NULL CONSTRAINT seals_department_fk REFERENCES departments (id),
  kid            text NOT NULL CONSTRAINT seals_kid_fk REFERENCES signing_keys (kid),
  seal           jsonb NOT NULL,
  signature      text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE seals IS 'E-seals modelled on GB/T 38540: the seal info (id, name, type, validity, picture, public key) as JSON and the maker''s SM2 signature over it';
CREATE INDEX seals_department_idx ON seals (department_id, created_at DESC);

-- Serial numbers of licences (流水号 = issue date + this sequence, six digits).
CREATE SEQUENCE licence_serial_seq;

CREATE TABLE licences (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  identifier         text NOT NULL CONSTRAINT licences_identifier_key UNIQUE,
  number             text NOT NULL,
  type_code          text NOT NULL,
  holder_kind        text NOT NULL CONSTRAINT licences_holder_kind_check CHECK (holder_kind IN ('person', 'enterprise')),
  holder_id          text NOT NULL,
  holder_name        text NOT NULL,
  department_id      text NOT NULL CONSTRAINT licences_department_fk REFERENCES departments (id),
  kid                text NOT NULL CONSTRAINT licences_kid_fk REFERENCES signing_keys (kid),
  seal_id            text CONSTRAINT licences_seal_fk REFERENCES seals (id),
  issued_on          date NOT NULL,
  expires_on         date,
  fields             jsonb NOT NULL,
  status             text NOT NULL DEFAULT '01' CONSTRAINT licences_status_check CHECK (status IN ('01', '02', '03', '04', '05', '06', '07', '99')),
  status_reason      text,
  status_changed_at  timestamptz,
  version            integer NOT NULL CONSTRAINT licences_version_check CHECK (version BETWEEN 1 AND 999),
  replaces_id        uuid CONSTRAINT licences_replaces_fk REFERENCES licences (id),
  application_id     uuid CONSTRAINT licences_application_fk REFERENCES applications (id),
  document           jsonb NOT NULL,
  digest             text NOT NULL,
  signature          text NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE licences IS 'The licence library. document is exactly what was signed (canonicalised for the SM3 digest); a renewal or change is a new row with replaces_id';
COMMENT ON COLUMN licences.status IS 'National status codes: 01 有效, 02 暂扣, 03 撤销, 04 注销, 05 失效, 06 办理转出, 07 吊销, 99 其他';
CREATE INDEX licences_holder_idx ON licences (holder_id, issued_on DESC);
CREATE UNIQUE INDEX licences_application_idx ON licences (application_id) WHERE application_id IS NOT NULL;
CREATE INDEX licences_department_idx ON licences (department_id, created_at DESC);
CREATE INDEX licences_replaces_idx ON licences (replaces_id) WHERE replaces_id IS NOT NULL;

CREATE TABLE licence_events (
  id           bigserial PRIMARY KEY,
  licence_id   uuid NOT NULL CONSTRAINT licence_events_licence_fk REFERENCES licences (id),
  action       text NOT NULL,
  from_status  text,
  to_status    text NOT NULL,
  reason       text,
  actor_id     uuid,
  actor_name   text NOT NULL,
  at           timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE licence_events IS 'Append-only history of a licence: issue, status changes with their reasons, replacement';
CREATE INDEX licence_events_licence_idx ON licence_events (licence_id, id);

CREATE TABLE licence_presentations (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code_hash       text NOT NULL CONSTRAINT licence_presentations_code_key UNIQUE,
  licence_id      uuid NOT NULL CONSTRAINT licence_presentations_licence_fk REFERENCES licences (id),
  holder_user_id  uuid NOT NULL CONSTRAINT licence_presentations_holder_fk REFERENCES users (id),
  fields          text[] NOT NULL,
  single_use      boolean NOT NULL DEFAULT false,
  expires_at      timestamptz NOT NULL,
  used_at         timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE licence_presentations IS '亮证 codes: short-lived, optionally single use, disclosing only the fields the holder chose. Only the SHA-256 of the code is stored';
CREATE INDEX licence_presentations_licence_idx ON licence_presentations (licence_id, created_at DESC);

CREATE TABLE licence_presentation_views (
  id               bigserial PRIMARY KEY,
  presentation_id  uuid NOT NULL CONSTRAINT licence_presentation_views_presentation_fk REFERENCES licence_presentations (id),
  viewer_id        uuid,
  viewer_name      text NOT NULL,
  viewer_org       text,
  fields           text[] NOT NULL,
  at               timestamptz NOT NULL DEFAULT now(),
  ip               text
);
COMMENT ON TABLE licence_presentation_views IS 'Every time a verifier opened a 亮证 code: who, when, which fields. The holder sees these';
CREATE INDEX licence_presentation_views_presentation_idx ON licence_presentation_views (presentation_id, id);

CREATE TABLE shared_records (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  source       text NOT NULL CONSTRAINT shared_records_source_check CHECK (source IN ('identity', 'hukou', 'marriage', 'property', 'vehicle', 'social_security', 'business_license', 'education', 'birth_medical', 'housing_fund')),
  holder_id    text NOT NULL,
  holder_name  text NOT NULL,
  title        text NOT NULL,
  provider     text NOT NULL,
  data         jsonb NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE shared_records IS 'The demo data-exchange adapter''s store of data other systems hold (户籍, 社保, 公积金...). A deployment plugs in its data-exchange platform instead';
CREATE INDEX shared_records_holder_idx ON shared_records (holder_id, source);

CREATE TABLE data_use_log (
  id              bigserial PRIMARY KEY,
  holder_id       text NOT NULL,
  source          text NOT NULL,
  record_kind     text NOT NULL CONSTRAINT data_use_log_kind_check CHECK (record_kind IN ('licence', 'shared_record')),
  record_ref      text NOT NULL,
  record_title    text NOT NULL,
  action          text NOT NULL CONSTRAINT data_use_log_action_check CHECK (action IN ('fetch', 'view')),
  purpose         text NOT NULL CONSTRAINT data_use_log_purpose_check CHECK (length(btrim(purpose)) > 0),
  actor_id        uuid,
  actor_name      text NOT NULL,
  actor_org       text,
  application_id  uuid,
  at              timestamptz NOT NULL DEFAULT now(),
  ip              text
);
COMMENT ON TABLE data_use_log IS 'Every fetch and view of someone''s shared data or licence, with its purpose (用证事由). The holder reads their own rows';
CREATE INDEX data_use_log_holder_idx ON data_use_log (holder_id, at DESC);

CREATE TABLE application_shared_materials (
  id              bigserial PRIMARY KEY,
  application_id  uuid NOT NULL CONSTRAINT application_shared_materials_application_fk REFERENCES applications (id) ON DELETE CASCADE,
  material_name   text NOT NULL,
  source          text NOT NULL,
  record_kind     text NOT NULL CONSTRAINT application_shared_materials_kind_check CHECK (record_kind IN ('licence', 'shared_record')),
  record_ref      text NOT NULL,
  snapshot        jsonb NOT NULL,
  purpose         text NOT NULL,
  consented_at    timestamptz NOT NULL,
  CONSTRAINT application_shared_materials_once UNIQUE (application_id, material_name)
);
COMMENT ON TABLE application_shared_materials IS '免提交: materials taken from shared data with the applicant''s consent instead of an upload; snapshot is the copy staff see';
