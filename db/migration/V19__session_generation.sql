-- Sessions end when rights end (ADR 0020): every signed-in session remembers the account's generation at sign-in
-- and is ended by the first request after the generation moved on. Disabling the account, an administrator's
-- password reset and the loss of a membership move it on, in the same transaction as the change itself.
alter table app_user add column session_generation integer not null default 0;
