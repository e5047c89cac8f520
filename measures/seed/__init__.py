"""The seed: fixture files, checked without a database, and their loader."""
