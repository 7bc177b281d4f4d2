-- 12345 reports: one department's requests by date, and the (few) return events, without scanning everything.
CREATE INDEX requests_department_received_idx ON requests (department_id, received_at);
CREATE INDEX request_events_return_idx ON request_events (request_id) WHERE action = 'return';
-- Duplicate proposals look up recent requests from the same community; the Open311 client list counts by client.
CREATE INDEX requests_community_idx ON requests (community, received_at) WHERE community IS NOT NULL;
CREATE INDEX requests_open311_client_idx ON requests (open311_client_id, received_at) WHERE open311_client_id IS NOT NULL;
