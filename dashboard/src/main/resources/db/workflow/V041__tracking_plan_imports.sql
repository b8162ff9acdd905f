-- Construction plans imported from the plan workbook: the version names the uploaded file by its SHA-256; the
-- file itself is kept once per SHA-256 (never under its own name) and only ever served back as a download.
ALTER TABLE plan_versions ADD COLUMN IF NOT EXISTS source_sha256 VARCHAR;

CREATE TABLE IF NOT EXISTS plan_uploads (
  sha256 VARCHAR PRIMARY KEY,
  file_name VARCHAR NOT NULL,
  content BLOB NOT NULL,
  uploaded_by VARCHAR NOT NULL,
  uploaded_epoch_ms BIGINT NOT NULL);
