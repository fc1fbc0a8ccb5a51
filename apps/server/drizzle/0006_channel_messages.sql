-- Placeholder: replaced by the tables of this migration.
SELECT 1;
