-- County data submissions (多级上报): a county's yearly data workbook waits here for the city office, which
-- accepts it (only then it enters the lake, as a new revision) or returns it with a reason. The file itself
-- is kept by its SHA-256 beside the workflow database; rows are never deleted.
CREATE SEQUENCE IF NOT EXISTS collection_submission_id START 1;

CREATE TABLE IF NOT EXISTS collection_submission (
  id BIGINT PRIMARY KEY DEFAULT nextval('collection_submission_id'),
  county_code VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  file_name VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  extension VARCHAR NOT NULL,
  size_bytes BIGINT NOT NULL,
  warnings INTEGER NOT NULL,
  state VARCHAR NOT NULL,
  submitted_by VARCHAR NOT NULL,
  submitted_epoch_ms BIGINT NOT NULL,
  decided_by VARCHAR,
  decided_epoch_ms BIGINT,
  reason VARCHAR,
  revision INTEGER);
