"""The REST API: views, filters, pagination, serializers, records, renderers, concurrency, schema, errors."""
