-- A signing PIN: what a user who signs in through the province's single sign-on (and so may never type an eISO
-- password) re-enters to sign. Only a bcrypt hash is kept; once set it replaces the password for signatures.
-- See ADR 18.
alter table app_user add column signing_pin_hash varchar(255);

-- One row per user who has tried to sign, locked while a signature is checked, so that two tried at once are
-- counted one after the other. Not app_user's row: the signing transaction itself may hold a lock on that one
-- (a row it inserted that refers to the user), and the check runs in a transaction of its own.
create table signature_gate (
    user_id bigint primary key
);
