-- Smart search: the knowledge base admins edit, the query log (no personal data) and assistant sessions.

CREATE TABLE search_knowledge (
  id          bigserial PRIMARY KEY,
  kind        text NOT NULL CONSTRAINT search_knowledge_kind_check
                CHECK (kind IN ('alias', 'synonym', 'scenario', 'english', 'stopword', 'out_of_scope', 'hotword')),
  term        text NOT NULL CONSTRAINT search_knowledge_term_check CHECK (length(term) BETWEEN 1 AND 100),
  targets     text[] NOT NULL DEFAULT '{}',
  expansion   text[] NOT NULL DEFAULT '{}',
  weight      real NOT NULL DEFAULT 1 CONSTRAINT search_knowledge_weight_check CHECK (weight > 0 AND weight <= 5),
  enabled     boolean NOT NULL DEFAULT true,
  note        text,
  source      text NOT NULL DEFAULT 'admin' CONSTRAINT search_knowledge_source_check CHECK (source IN ('seed', 'admin', 'gap')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  text,
  CONSTRAINT search_knowledge_kind_term_key UNIQUE (kind, term)
);

CREATE TABLE search_log (
  id            bigserial PRIMARY KEY,
  query         text NOT NULL,
  normalized    text NOT NULL,
  result_codes  text[] NOT NULL,
  no_match      boolean NOT NULL,
  source        text NOT NULL DEFAULT 'search' CONSTRAINT search_log_source_check CHECK (source IN ('search', 'assistant')),
  clicked_code  text,
  clicked_rank  integer,
  clicked_at    timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX search_log_created_idx ON search_log (created_at);
CREATE INDEX search_log_no_match_idx ON search_log (created_at) WHERE no_match;

CREATE TABLE assistant_sessions (
  id          text PRIMARY KEY,
  context     jsonb NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assistant_sessions_updated_idx ON assistant_sessions (updated_at);
