-- The relational interaction rows were written on every import (more than half of its time) and read by nothing:
-- DatasetLoader, the CLI, the window and the exports all read the packed matrix in dataset_matrix. Only that copy
-- is kept; dropping the table also frees the space the rows of existing datasets took.
DROP TABLE interaction;
