-- A register entry's TTHC codes become references to the catalogue (issue #21), whose key is the short code:
-- the place suffix of a full code (1.001612.000.00.00.H12 -> 1.001612) goes, semicolons become commas, and an
-- empty field becomes null. Codes the catalogue does not know are left as written: the coverage lists them, with
-- the documents citing them, for the quality officer to correct. The 'g' flag is PostgreSQL's, which H2 accepts
-- in its PostgreSQL mode.
update document
   set tthc_codes = replace(regexp_replace(tthc_codes, '\.[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[0-9A-Za-z]+', '', 'g'),
                            ';', ',')
 where tthc_codes is not null;
update document set tthc_codes = null where trim(tthc_codes) = '';
