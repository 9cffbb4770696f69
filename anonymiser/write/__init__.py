"""Stage 5, write. Enters: a Document and its Decisions. Leaves: the publication document (text or
DOCX with its side doors closed), the audit log, the manifest, and safe output names, written atomically."""
