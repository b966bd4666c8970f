-- A quality objective may be bound to the one-stop figures (issue #21): its measurements then come from them.
-- bound_figure is null for a typed objective; bound_field narrows the figures to one field of the TTHC catalogue.
alter table quality_objective add column bound_figure varchar(32);
alter table quality_objective add column bound_field varchar(255);
-- Null for a value a person typed; ONE_STOP for one filled from the figures (replaced when they change).
alter table objective_measurement add column source varchar(16);
