"""Writes. Each module holds the services of one part of the annotation work."""
