-- The text last compiled from the figures into a report's first section. While the section still reads exactly
-- that, the report is rewritten from the live figures; once someone edits it, the screen marks it as edited.
alter table annual_report add column compiled_summary text;
