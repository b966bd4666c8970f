-- V2 and V7 were edited after they had been released (ADR 0010). A database migrated by their first versions
-- lacks what the edits added; this brings it level. On a database made by the current V2 and V7 every statement
-- changes nothing. Never edit a released migration: write a new one, as this one is.

-- V2: the register pages through these indexes in order, the id breaking ties (see JooqDocumentRepository).
drop index if exists document_unit_review_idx;
create index document_unit_review_idx on document (unit_id, next_review_on, id);
drop index if exists document_unit_title_idx;
create index document_unit_title_idx on document (unit_id, title, id);

-- V7: a closing reason and a corrective action hold 4,000 characters, as the forms allow.
alter table nonconformity alter column closed_reason set data type varchar(4000);
alter table corrective_action alter column description set data type varchar(4000);

-- V7: a nonconformity's history starts with its report. Those reported before V7 have none in such a database;
-- the report led to the status its first recorded move started from (or to the current one if it never moved).
insert into nc_event (nc_id, occurred_at, actor_id, from_status, to_status)
    select n.id, n.reported_at, n.reported_by, null,
           coalesce((select e.from_status from nc_event e where e.nc_id = n.id
                     order by e.occurred_at, e.id fetch first 1 rows only), n.status)
    from nonconformity n
    where not exists (select 1 from nc_event e where e.nc_id = n.id and e.from_status is null);
