-- No query reads metrics by category through an index: report.Metrics
-- keeps SQLite off it (+m.category) so that rows come in key order, and
-- every other read is by document. Each stored quantity paid an insert
-- into it, one of three B-trees a row; a generated document has about 50.
DROP INDEX IF EXISTS metrics_category;
