"""Stage 2, detect. Enters: the normalised text of a Document, the case register, the entity types
wanted. Leaves: a list of Detection (span, type, score, detectors), from Presidio with the UK
recognizers, the case register matcher and spaCy's NER."""
