"""Files in and out of the store: CSV import and durable (fsync'd, atomically renamed) file writes."""
