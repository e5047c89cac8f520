"""The public site: server-rendered pages over the published registry, in Chinese at /… and English at /en/…."""
