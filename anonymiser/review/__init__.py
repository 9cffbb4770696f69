"""Stage 6, review. Enters: Decisions and the publication text. Leaves: the redaction report, the
reviewer's decisions file (read back and applied by the pipeline), and the batch index."""
