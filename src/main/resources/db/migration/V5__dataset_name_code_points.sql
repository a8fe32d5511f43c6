-- Dataset names are limited to 200 characters counted as code points (an emoji is one); in UTF-16 units, which the
-- column length counts, that is up to 400.
ALTER TABLE dataset ALTER COLUMN name SET DATA TYPE VARCHAR(400);
