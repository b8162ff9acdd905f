-- Construction plans (建设方案) of designated towns: every save is a new version (who, when); rows and
-- their yearly targets and declared actuals belong to one version. Yearly report submissions per town.
CREATE SEQUENCE IF NOT EXISTS plan_version_id;

CREATE TABLE IF NOT EXISTS plan_versions (
  id BIGINT PRIMARY KEY DEFAULT nextval('plan_version_id'),
  town_code VARCHAR NOT NULL,
  version INTEGER NOT NULL,
  saved_by VARCHAR NOT NULL,
  saved_epoch_ms BIGINT NOT NULL,
  UNIQUE (town_code, version));

CREATE TABLE IF NOT EXISTS plan_targets (
  plan_version_id BIGINT NOT NULL,
  row_no INTEGER NOT NULL,
  indicator_id VARCHAR,
  label VARCHAR NOT NULL,
  unit VARCHAR,
  lower_is_better BOOLEAN NOT NULL,
  baseline_year INTEGER NOT NULL,
  baseline_value DOUBLE NOT NULL,
  responsible_unit VARCHAR,
  PRIMARY KEY (plan_version_id, row_no));

CREATE TABLE IF NOT EXISTS plan_target_years (
  plan_version_id BIGINT NOT NULL,
  row_no INTEGER NOT NULL,
  year INTEGER NOT NULL,
  target DOUBLE,
  declared_actual DOUBLE,
  PRIMARY KEY (plan_version_id, row_no, year));

CREATE TABLE IF NOT EXISTS plan_reports (
  town_code VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  submitted_by VARCHAR NOT NULL,
  submitted_epoch_ms BIGINT NOT NULL,
  PRIMARY KEY (town_code, year));
