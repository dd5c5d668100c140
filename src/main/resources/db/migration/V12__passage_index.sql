-- The passage index: each stored report's sentences by their MinHash band hashes (tijian.compare.Shingles), so that a
-- new report finds the sentences other units wrote alike without reading every stored report. A row per sentence
-- and band. unit_key is the unit's key (UnitNames.normalise), or '#' and the text's fingerprint for a report whose
-- unit was not recognised (compared with all); fingerprint is the normalised text's hash, so the same report stored
-- again never counts as another unit's. The sentence's text is read from report_check.report_text when needed.
create table passage_band (
    band           bigint       not null,
    check_id       uuid         not null references report_check (id) on delete cascade,
    unit_key       varchar(200) not null,
    fingerprint    varchar(32)  not null,
    sentence_start integer      not null,
    sentence_end   integer      not null
);
-- an audit's reports are compared among themselves through their own rows (its most similar pairs)
create index passage_band_check on passage_band (check_id, band);

-- The same by unit: for each band, the latest check of each unit that holds it. A new report is compared through this
-- table, so a lookup costs what the other units hold, not how often each unit stored its report (drafts, re-runs,
-- the same text checked again); and how many units hold a band is counted up to the boilerplate threshold from its key.
create table passage_unit_band (
    band           bigint       not null,
    unit_key       varchar(200) not null,
    check_id       uuid         not null references report_check (id) on delete cascade,
    fingerprint    varchar(32)  not null,
    sentence_start integer      not null,
    sentence_end   integer      not null,
    primary key (band, unit_key)
);
