"""Storage: SQLCipher connections, keys and numbered migrations. Knows nothing about pharmacies."""
