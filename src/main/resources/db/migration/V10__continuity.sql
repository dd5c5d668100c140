-- The uploaded .docx of a single check, so the unit can have its own Word file back with the findings as comments
-- (an audit file's bytes are already in file_content through audit_file.sha256). Only .docx is kept: for any other
-- format the annotated file is a new document made from the checked text.
alter table report_check add column file_sha256 varchar(64) references file_content (sha256);
