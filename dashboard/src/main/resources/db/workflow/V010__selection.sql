-- Selection (评选): rounds, applications, attachments, expert review, public notice, objections,
-- veto events and bans. Rows are never deleted once an application is submitted; every change of
-- state is a row of selection_event.
CREATE SEQUENCE IF NOT EXISTS selection_id START 1000;

CREATE TABLE IF NOT EXISTS selection_round (
  id BIGINT PRIMARY KEY,
  year INTEGER NOT NULL UNIQUE,
  snapshot_id VARCHAR NOT NULL,
  data_year INTEGER NOT NULL,
  quota INTEGER NOT NULL,
  county_cap INTEGER,
  recommend_quota INTEGER NOT NULL,
  w_indicator DOUBLE NOT NULL,
  w_materials DOUBLE NOT NULL,
  w_site_visit DOUBLE NOT NULL,
  w_defence DOUBLE NOT NULL,
  notice_working_days INTEGER NOT NULL,
  ban_years INTEGER NOT NULL,
  veto_years INTEGER NOT NULL,
  min_coverage DOUBLE NOT NULL,
  trim_from INTEGER NOT NULL,
  substitute_on_removal BOOLEAN NOT NULL,
  application_deadline DATE NOT NULL,
  review_deadline DATE NOT NULL,
  stage VARCHAR NOT NULL,
  notice_start DATE,
  notice_end DATE,
  demo BOOLEAN NOT NULL DEFAULT FALSE,
  opened_by VARCHAR NOT NULL,
  opened_epoch_ms BIGINT NOT NULL);

CREATE TABLE IF NOT EXISTS selection_criterion (
  round_id BIGINT NOT NULL,
  stage VARCHAR NOT NULL,
  position INTEGER NOT NULL,
  name VARCHAR NOT NULL,
  max_points DOUBLE NOT NULL,
  PRIMARY KEY (round_id, stage, position));

CREATE TABLE IF NOT EXISTS selection_application (
  id BIGINT PRIMARY KEY,
  round_id BIGINT NOT NULL,
  town_code VARCHAR NOT NULL,
  county_code VARCHAR NOT NULL,
  state VARCHAR NOT NULL,
  priority INTEGER NOT NULL,
  basic_info VARCHAR NOT NULL DEFAULT '',
  industry_status VARCHAR NOT NULL DEFAULT '',
  leading_industry VARCHAR NOT NULL DEFAULT '',
  practices VARCHAR NOT NULL DEFAULT '',
  development_plan VARCHAR NOT NULL DEFAULT '',
  created_by VARCHAR NOT NULL,
  created_epoch_ms BIGINT NOT NULL,
  updated_epoch_ms BIGINT NOT NULL,
  UNIQUE (round_id, town_code));

CREATE TABLE IF NOT EXISTS selection_attachment (
  id BIGINT PRIMARY KEY,
  application_id BIGINT,
  objection_id BIGINT,
  kind VARCHAR NOT NULL,
  file_name VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  extension VARCHAR NOT NULL,
  size_bytes BIGINT NOT NULL,
  uploaded_by VARCHAR NOT NULL,
  uploaded_epoch_ms BIGINT NOT NULL);

CREATE TABLE IF NOT EXISTS selection_event (
  id BIGINT PRIMARY KEY,
  round_id BIGINT NOT NULL,
  application_id BIGINT,
  at_epoch_ms BIGINT NOT NULL,
  username VARCHAR NOT NULL,
  action VARCHAR NOT NULL,
  from_state VARCHAR,
  to_state VARCHAR,
  reason VARCHAR,
  attachment_hashes VARCHAR);

CREATE TABLE IF NOT EXISTS selection_expert (
  username VARCHAR PRIMARY KEY,
  home_county VARCHAR,
  updated_by VARCHAR NOT NULL,
  updated_epoch_ms BIGINT NOT NULL);

CREATE TABLE IF NOT EXISTS selection_conflict (
  username VARCHAR NOT NULL,
  town_code VARCHAR NOT NULL,
  reason VARCHAR NOT NULL,
  declared_epoch_ms BIGINT NOT NULL,
  PRIMARY KEY (username, town_code));

CREATE TABLE IF NOT EXISTS selection_assignment (
  application_id BIGINT NOT NULL,
  reviewer VARCHAR NOT NULL,
  assigned_by VARCHAR NOT NULL,
  assigned_epoch_ms BIGINT NOT NULL,
  PRIMARY KEY (application_id, reviewer));

CREATE TABLE IF NOT EXISTS selection_sheet (
  application_id BIGINT NOT NULL,
  reviewer VARCHAR NOT NULL,
  stage VARCHAR NOT NULL,
  submitted BOOLEAN NOT NULL,
  score DOUBLE,
  comment VARCHAR NOT NULL DEFAULT '',
  updated_epoch_ms BIGINT NOT NULL,
  PRIMARY KEY (application_id, reviewer, stage));

CREATE TABLE IF NOT EXISTS selection_sheet_item (
  application_id BIGINT NOT NULL,
  reviewer VARCHAR NOT NULL,
  stage VARCHAR NOT NULL,
  position INTEGER NOT NULL,
  points DOUBLE NOT NULL,
  PRIMARY KEY (application_id, reviewer, stage, position));

CREATE TABLE IF NOT EXISTS selection_objection (
  id BIGINT PRIMARY KEY,
  round_id BIGINT NOT NULL,
  application_id BIGINT NOT NULL,
  objector VARCHAR NOT NULL DEFAULT '',
  contact VARCHAR NOT NULL DEFAULT '',
  received_on DATE NOT NULL,
  content VARCHAR NOT NULL,
  evidence VARCHAR NOT NULL DEFAULT '',
  status VARCHAR NOT NULL,
  status_reason VARCHAR,
  conclusion VARCHAR,
  recorded_by VARCHAR NOT NULL,
  recorded_epoch_ms BIGINT NOT NULL);

CREATE TABLE IF NOT EXISTS selection_veto (
  id BIGINT PRIMARY KEY,
  town_code VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  occurred_on DATE NOT NULL,
  source VARCHAR NOT NULL,
  description VARCHAR NOT NULL DEFAULT '',
  recorded_by VARCHAR NOT NULL,
  recorded_epoch_ms BIGINT NOT NULL);

CREATE TABLE IF NOT EXISTS selection_ban (
  town_code VARCHAR NOT NULL,
  until_year INTEGER NOT NULL,
  reason VARCHAR NOT NULL,
  created_epoch_ms BIGINT NOT NULL);
