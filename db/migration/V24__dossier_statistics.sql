-- Monthly dossier figures per unit and TTHC from the one-stop software (một cửa điện tử), imported from its export
-- or pushed by it over the API; one row per unit, procedure and month, replaced by a later import of the same.
create table dossier_statistic (
    unit_id      bigint       not null references unit (id),
    tthc_code    varchar(32)  not null,
    month_start  date         not null,
    received     integer      not null,
    on_time      integer      not null,
    late         integer      not null,
    pending      integer      not null,
    returned     integer      not null,
    source       varchar(16)  not null,
    updated_at   timestamp with time zone not null,
    constraint dossier_statistic_pk primary key (unit_id, tthc_code, month_start),
    constraint dossier_statistic_counts_check check (received >= 0 and on_time >= 0 and late >= 0 and pending >= 0
        and returned >= 0),
    constraint dossier_statistic_source_check check (source in ('IMPORT', 'API'))
);
create index dossier_statistic_month_idx on dossier_statistic (month_start);
