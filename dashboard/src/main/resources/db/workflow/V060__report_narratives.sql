-- Reports (issue 11): the narrative parts of typical-experience reports, every save kept as a version
-- (who, when), and each report's approval state (county draft → submitted → approved or returned).
CREATE TABLE IF NOT EXISTS report_narrative_version (
  town_code VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  section_key VARCHAR NOT NULL,
  version INTEGER NOT NULL,
  text VARCHAR NOT NULL,
  author VARCHAR NOT NULL,
  saved_epoch_ms BIGINT NOT NULL,
  restored_from INTEGER,
  PRIMARY KEY (town_code, year, section_key, version));

CREATE TABLE IF NOT EXISTS report_status (
  town_code VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  status VARCHAR NOT NULL,
  changed_by VARCHAR NOT NULL,
  changed_epoch_ms BIGINT NOT NULL,
  note VARCHAR,
  PRIMARY KEY (town_code, year));
