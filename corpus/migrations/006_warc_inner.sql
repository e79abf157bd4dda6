-- A record of a web archive compressed as a whole (or with several
-- records to a gzip member) is found by its member's offset and its offset
-- in the member's decompressed bytes; warc_inner is the second, 0 for the
-- usual member per record and for uncompressed files.
ALTER TABLE pages ADD COLUMN warc_inner INTEGER NOT NULL DEFAULT 0;
ALTER TABLE provenance ADD COLUMN warc_inner INTEGER NOT NULL DEFAULT 0;
