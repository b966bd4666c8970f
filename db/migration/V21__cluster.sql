-- Several nodes on one database (ADR 0023).

-- Every node applies every journal entry to its own index, so entries are no longer deleted when applied: each
-- node keeps its position in its index, and entries are pruned after a retention (search_state.pruned_through
-- says how far; a node behind that rebuilds). Nodes follow seq, not id: ids are handed out at insert, and
-- transactions commit out of id order, so a node following ids would pass over an entry that commits after a
-- higher one. seq is given to committed entries only, by one node at a time (it locks search_state's row), in
-- increasing order: an entry that commits later gets a higher seq.
alter table search_journal add column seq bigint;
create unique index search_journal_seq on search_journal (seq);
alter table search_state add column next_seq bigint not null default 1;
alter table search_state add column pruned_through bigint not null default 0;

-- ShedLock (JdbcTemplateLockProvider): a scheduled job runs on one node of the cluster at a time.
create table shedlock (
    name        varchar(64)  not null primary key,
    lock_until  timestamp(3) not null,
    locked_at   timestamp(3) not null,
    locked_by   varchar(255) not null
);

-- Rolling upgrades (ADR 0023): a contract migration, one that the previous release's code cannot run against, sets
-- oldest_release to its own version; a node whose newest migration is older refuses to start. The previous release
-- deleted journal entries once applied and ran every job on every node: it must not run beside this one.
create table schema_compat (
    id              integer primary key,
    oldest_release  integer not null
);
insert into schema_compat (id, oldest_release) values (1, 21);
