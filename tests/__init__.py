"""The test suite, laid out like the anonymiser package; a package, so that every test module has a
unique name and shared helpers import as `tests.<module>` from any folder."""
