-- A signing PIN: what a user who signs in through the province's single sign-on (and so may never type an eISO
-- password) re-enters to sign. Only a bcrypt hash is kept; once set it replaces the password for signatures.
-- See ADR 18.
alter table app_user add column signing_pin_hash varchar(255);
