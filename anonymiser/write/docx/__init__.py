"""Write an anonymised .docx: each edit put back into the runs, then every side door closed.

Side doors are the places a Word file keeps text the reader of the page never sees: document
properties, comments, custom XML, document variables, field codes, image names, style names,
content-control titles, the thumbnail. Only the parts the tool understands are kept
(`anonymiser/read/docx/parts.py`); pictures lose their metadata and every part gets a neutral name.
The body's formatting, styles, numbering, tables, headers, footers, charts and SmartArt stay.
"""

from anonymiser.write.docx.runs import edit_paragraph
from anonymiser.write.docx.writer import write_docx, write_new_docx

__all__ = ["edit_paragraph", "write_docx", "write_new_docx"]
