-- The file store's sweep asks, a batch of hashes at a time, which stored files some row still names (ADR 15);
-- without these indexes each batch would read every attachment and evidence file.
create index attachment_sha256_idx on attachment (sha256);
create index nc_file_sha256_idx on nc_file (sha256);
create index audit_item_file_sha256_idx on audit_item_file (sha256);
