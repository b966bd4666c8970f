-- The science department's console counts what is overdue across the whole province in one pass per kind;
-- these let each pass read only the overdue rows instead of every unit's register.
create index document_review_due_idx on document (status, next_review_on, unit_id);
create index corrective_action_overdue_idx on corrective_action (done_at, due_on, unit_id);
create index nonconformity_verify_due_idx on nonconformity (status, verify_due_on, unit_id);
create index audit_status_idx on audit (status, ends_on, unit_id);
