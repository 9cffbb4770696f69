"""The flow end to end. Enters: input paths and settings. Leaves: each document's outputs, written
by the per-document pipeline (read, detect, decide, pseudonymise, write, review, verify), and the batch."""
