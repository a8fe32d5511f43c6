-- Each interaction's place in its source file (packed like the other arrays, CSR order), so that a dataset without
-- timestamps can be replayed in file order and equal timestamps keep the file's order. Null for datasets stored
-- before this column existed: they replay by user.
ALTER TABLE dataset_matrix ADD COLUMN row_arrivals BLOB;
