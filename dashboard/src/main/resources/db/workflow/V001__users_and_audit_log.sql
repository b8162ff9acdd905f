-- The schema of the first release (users and audit log). IF NOT EXISTS: a database written by that
-- release, which had no schema_version table, already holds these tables and keeps its rows.
CREATE TABLE IF NOT EXISTS users (
  username VARCHAR PRIMARY KEY,
  display_name VARCHAR NOT NULL,
  role VARCHAR NOT NULL,
  county_code VARCHAR,
  enabled BOOLEAN NOT NULL,
  failed_logins INTEGER NOT NULL,
  locked_until_epoch_ms BIGINT,
  created_epoch_ms BIGINT NOT NULL,
  password_hash VARCHAR NOT NULL,
  password_changed_epoch_ms BIGINT NOT NULL);

CREATE SEQUENCE IF NOT EXISTS audit_log_id;

CREATE TABLE IF NOT EXISTS audit_log (
  id BIGINT PRIMARY KEY DEFAULT nextval('audit_log_id'),
  at_epoch_ms BIGINT NOT NULL,
  username VARCHAR,
  action VARCHAR NOT NULL,
  detail VARCHAR,
  remote_address VARCHAR);
