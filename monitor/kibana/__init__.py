"""Kibana saved objects shipped with the project (``saved_objects.ndjson``) and their import."""
