-- The same report uploaded as .docx, .html and .txt is one report: its extracted text, with spacing and character
-- width folded, is the same. Audits mark the later copies duplicates of the first by this fingerprint.
alter table report_check add column text_fingerprint varchar(64);
create index report_check_text_fingerprint on report_check (text_fingerprint) where text_fingerprint is not null;
