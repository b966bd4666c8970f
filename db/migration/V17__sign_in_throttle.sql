-- Sign-in throttling replaces the account lock (ADR 16): a lock let anyone lock any account, the administrator's
-- included, by typing wrong passwords. Failures now count per (user name, client address) and per client address,
-- in the database, so that every node sees the same counts and the count is taken under a row lock.
create table sign_in_throttle (
    throttle_key    varchar(200) not null primary key,
    kind            varchar(16)  not null,
    username        varchar(100),
    address         varchar(64)  not null,
    failures        integer      not null default 0,
    blocked_until   timestamp with time zone,
    last_failure_at timestamp with time zone not null,
    constraint sign_in_throttle_kind check (kind in ('ACCOUNT', 'ADDRESS'))
);

-- An administrator's reset hands the user a password the administrator knows: the next sign-in must change it.
alter table app_user add column must_change_password boolean not null default false;

alter table app_user drop column failed_logins;
alter table app_user drop column locked_until;
