"""The Price family: a small invented register the batch tests share, under their own case label."""


def price_register(case: str) -> str:
    """The register's YAML, keyed by `case` so each test file keeps its own pseudonym map entries."""
    return f"""\
case: {case}
people:
  - name: Jayden Price
    role: subject child
    gender: male
  - name: Kerry Price
    role: mother
    gender: female
"""
