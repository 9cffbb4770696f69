"""Scoring detection against annotated text. Enters: a gold set (TAB or the project's *.gold.json)
and predicted spans. Leaves: per-type recall, precision and the tables the benchmarks print."""
