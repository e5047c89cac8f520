"""A new document becomes a cleaned source and draft proposals for review."""
