-- Imports are stored in committed chunks (one transaction of a million rows keeps them all in memory, and the
-- collector's pauses stall the window); a dataset stays hidden until its last step marks it complete, and a
-- workspace that opens with an incomplete one (a crash mid-import or mid-delete) finishes removing it.
ALTER TABLE dataset ADD COLUMN complete BOOLEAN DEFAULT TRUE NOT NULL;
