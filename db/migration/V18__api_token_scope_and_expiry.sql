-- Personal API tokens get an end and a reach (issue 16, ADR 17). Existing tokens carried every right and never
-- expired: they keep their reach (IMPORT, so no script breaks on the upgrade) and end one year after it, the
-- longest lifetime a new token may have; their owner or an administrator sees them and may revoke them sooner.
alter table api_token add column expires_at timestamp with time zone;
update api_token set expires_at = current_timestamp + interval '365' day;
alter table api_token alter column expires_at set not null;

-- READ: GET, HEAD and OPTIONS only; IMPORT: also the API's writes (imports, nonconformities).
alter table api_token add column scope varchar(8);
update api_token set scope = 'IMPORT';
alter table api_token alter column scope set not null;
alter table api_token add constraint api_token_scope_check check (scope in ('READ', 'IMPORT'));

-- The last HTTP Basic call to the API: the trail records Basic use once per user and day (not a login line per
-- call), decided by an update of this column that only the first call of the day can make.
alter table app_user add column basic_api_used_at timestamp with time zone;
