"""Shared types every stage passes on: Document, Detection, Replacement, Flag, the entity types, errors.

Imports no stage. The case register's types and the normalised text view live here too, because
every stage reads them.
"""
