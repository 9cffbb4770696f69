"""Build realistic test drafts (.docx and .pdf) at test time, in a temporary folder.

Everything names an invented family: Amara Okafor (born 14/03/2015), her mother Sarah Okafor,
27 Birchwood Road, Thornton Heath, CR7 8QT; the reviewer is Helen Whitfield.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.parser import parse_xml
from docx.shared import Mm

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECLS = (
    f'xmlns:w="{W}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)

CHILD = "Amara Okafor"
MOTHER = "Sarah Okafor"
DOB = "14/03/2015"
ADDRESS = "27 Birchwood Road, Thornton Heath, CR7 8QT"
REVIEWER = "Helen Whitfield"
CARER = "Joan Mbeki"  # only ever in hidden text

# Every string that must not survive anonymisation, anywhere in the output package.
IDENTIFIERS = ["Amara", "Okafor", "Sarah", "Birchwood", "14/03/2015", "2015-03-14", "CR7 8QT",
               "Whitfield", "Mbeki", "Ashgrove"]

SPLIT_SENTENCE = f"The reviewer met {CHILD} at school."


def xml(fragment: str):
    """Parse a WordprocessingML fragment, declaring the usual namespaces on its root element."""
    head, rest = fragment.split(">", 1)
    closing = "/" if head.endswith("/") else ""
    return parse_xml(f"{head.removesuffix('/')} {NSDECLS}{closing}>{rest}")


def png_bytes(width: int = 4, height: int = 4) -> bytes:
    """A tiny grey PNG, so tests need no image files."""
    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


# -- docx -------------------------------------------------------------------------------------


def _add_part(document, partname: str, content_type: str, blob: bytes, reltype: str, package_level: bool = False) -> str:
    part = Part(PackURI(partname), content_type, blob, document.part.package)
    if package_level:
        return document.part.package.relate_to(part, reltype)
    return document.part.relate_to(part, reltype)


def _notes_xml(kind: str, text: str) -> bytes:
    tag = kind  # "footnote" or "endnote"
    return (
        f'<w:{tag}s xmlns:w="{W}">'
        f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
        f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{tag}>'
        f'<w:{tag} w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{tag}Ref/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{tag}>'
        f'</w:{tag}s>'
    ).encode()


def _tracked_paragraph():
    return xml(
        '<w:p><w:r><w:t xml:space="preserve">The referral named </w:t></w:r>'
        '<w:ins w:id="901" w:author="Helen Whitfield" w:date="2024-02-01T10:00:00Z">'
        '<w:r><w:t>Amara Okafor</w:t></w:r></w:ins>'
        '<w:del w:id="902" w:author="Helen Whitfield" w:date="2024-02-01T10:00:00Z">'
        '<w:r><w:delText xml:space="preserve"> and her cousin Sarah Okafor</w:delText></w:r></w:del>'
        '<w:r><w:rPr><w:b/><w:rPrChange w:id="903" w:author="Helen Whitfield"><w:rPr/></w:rPrChange></w:rPr>'
        '<w:t xml:space="preserve"> as at risk.</w:t></w:r></w:p>'
    )


def _moved_paragraphs():
    return [
        xml('<w:p><w:moveFrom w:id="904" w:author="Helen Whitfield" w:name="move1">'
            '<w:r><w:t>Moved: Okafor family seen at home.</w:t></w:r></w:moveFrom>'
            '<w:r><w:t>Visits continued.</w:t></w:r></w:p>'),
        xml('<w:p><w:r><w:t xml:space="preserve">Later visits. </w:t></w:r>'
            '<w:moveTo w:id="905" w:author="Helen Whitfield" w:name="move1">'
            '<w:r><w:t>Family seen at home.</w:t></w:r></w:moveTo></w:p>'),
    ]


def make_rich_docx(path: Path, tracked: bool = True) -> Path:
    """A draft with text in every place Word can keep it, most of them naming the child."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    props = document.core_properties
    props.author = REVIEWER
    props.last_modified_by = REVIEWER
    props.title = f"CSPR concerning {CHILD}"
    props.subject = f"Child safeguarding practice review: {CHILD}"
    props.keywords = "Okafor; neglect; CSPR"
    props.comments = f"Draft 3 - {MOTHER} to see before publication"
    props.category = "Okafor family"
    props.identifier = "CSPR-2026-07-Okafor"

    hidden_style = document.styles.add_style("Reviewer Note", WD_STYLE_TYPE.CHARACTER)
    hidden_style.font.hidden = True

    document.add_heading("Child Safeguarding Practice Review: Child A", level=1)
    document.add_paragraph(f"{CHILD} (DOB {DOB}) lives with her mother {MOTHER} at {ADDRESS}.")

    p = document.add_paragraph("The reviewer met ")
    p.add_run("Am").bold = True
    p.add_run("ara Oka").italic = True
    p.add_run("for").underline = True
    p.add_run(" at school.")

    p = document.add_paragraph("Her father lives abroad.")
    p.add_run(f" {CHILD}'s foster carer is {CARER}.").font.hidden = True
    p.add_run(" Contact is by video.")
    p.add_run(f" Note: ask {CARER} about Amara.").style = hidden_style

    document.add_paragraph("Key agencies are listed below.", style="List Number")
    document.add_paragraph("Children's social care (Croydon).", style="List Number")

    table = document.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    for c, head in enumerate(("Name", "Relationship", "Date of birth")):
        table.cell(0, c).text = head
    for c, value in enumerate((CHILD, "Subject child", DOB)):
        table.cell(1, c).text = value
    table.cell(2, 0).text = MOTHER
    inner = table.cell(2, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Mother"
    inner.cell(0, 1).text = f"of {CHILD.split()[0]}"
    table.cell(2, 2).text = "02/11/1990"

    # Footnote and endnote: python-docx has no API for them, so the parts are built by hand.
    _add_part(document, "/word/footnotes.xml", CT.WML_FOOTNOTES,
              _notes_xml("footnote", f"{MOTHER} told the GP on 2 May 2021."), RT.FOOTNOTES)
    _add_part(document, "/word/endnotes.xml", CT.WML_ENDNOTES,
              _notes_xml("endnote", f"Records of Ashgrove Primary about {CHILD}."), RT.ENDNOTES)
    p = document.add_paragraph("The GP saw the family twice.")
    p._p.append(xml('<w:r><w:footnoteReference w:id="1"/></w:r>'))
    p._p.append(xml('<w:r><w:endnoteReference w:id="1"/></w:r>'))

    # A text box, stored as Word does: a DrawingML shape plus a VML copy for older versions.
    box = "<w:txbxContent><w:p><w:r><w:t>Amara attends Ashgrove Primary.</w:t></w:r></w:p></w:txbxContent>"
    p = document.add_paragraph("See the box.")
    p._p.append(xml(
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:inline><wp:extent cx="1828800" cy="457200"/><wp:docPr id="50" name="Text Box 1"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx>{box}</wps:txbx><wps:bodyPr/></wps:wsp>'
        '</a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape id="tb1" style="width:144pt;height:36pt"><v:textbox>{box}</v:textbox>'
        '</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
    ))

    # Content controls: a block one bound to custom XML, and an inline date picker.
    anchor = document.add_paragraph("Details follow.")
    anchor._p.addnext(xml(
        '<w:sdt><w:sdtPr><w:alias w:val="Child name"/><w:tag w:val="child"/>'
        '<w:dataBinding w:xpath="/case/child" w:storeItemID="{11111111-2222-3333-4444-555555555555}"/>'
        '</w:sdtPr><w:sdtContent><w:p><w:r><w:t>Amara Okafor</w:t></w:r></w:p></w:sdtContent></w:sdt>'
    ))
    p = document.add_paragraph("Date of birth: ")
    p._p.append(xml(
        '<w:sdt><w:sdtPr><w:alias w:val="DOB"/><w:date w:fullDate="2015-03-14T00:00:00Z">'
        '<w:dateFormat w:val="dd/MM/yyyy"/></w:date></w:sdtPr>'
        '<w:sdtContent><w:r><w:t>14/03/2015</w:t></w:r></w:sdtContent></w:sdt>'
    ))
    p = document.add_paragraph("Placement choice: ")
    p._p.append(xml(
        '<w:sdt><w:sdtPr><w:alias w:val="Carer"/><w:dropDownList>'
        '<w:listItem w:displayText="Joan Mbeki" w:value="Joan Mbeki"/>'
        '<w:listItem w:displayText="Kinship carer" w:value="kin"/></w:dropDownList></w:sdtPr>'
        '<w:sdtContent><w:r><w:t>Kinship carer</w:t></w:r></w:sdtContent></w:sdt>'
    ))

    # Links: a hyperlink element with a screen tip, a HYPERLINK field, and an index entry.
    rid = document.part.relate_to("mailto:sarah.okafor@example.com", RT.HYPERLINK, is_external=True)
    p = document.add_paragraph("The school wrote to ")
    p._p.append(xml(f'<w:hyperlink r:id="{rid}" w:tooltip="Email Sarah Okafor">'
                    "<w:r><w:t>the mother's email</w:t></w:r></w:hyperlink>"))
    p._p.append(xml('<w:r><w:t xml:space="preserve"> and to </w:t></w:r>'))
    for run in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://facebook.com/sarah.okafor" </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        "<w:r><w:t>her social media page</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        '<w:r><w:t>.</w:t></w:r>',
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText xml:space="preserve"> XE "Okafor, Amara" </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        p._p.append(xml(run))

    # A picture whose alt text, title and file name name the child.
    document.add_picture(io.BytesIO(png_bytes()))
    picture_p = document.paragraphs[-1]
    for el in picture_p._p.iter("{*}docPr", "{*}cNvPr"):
        el.set("descr", f"Photo of {CHILD} outside 27 Birchwood Road")
        el.set("title", "Amara, aged 6")
        el.set("name", "amara_okafor.png")

    if tracked:
        document.add_paragraph()._p.addnext(_tracked_paragraph())
        last = document.paragraphs[-1]._p
        for moved in reversed(_moved_paragraphs()):
            last.addnext(moved)

    # A comment naming the child, by the reviewer.
    p = document.add_paragraph("Chronology checked against health records.")
    document.add_comment(p.runs[0], text=f"Check {CHILD}'s DOB with {MOTHER}", author=REVIEWER, initials="HW")
    _add_part(document, "/word/people.xml",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml",
              (f'<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
               f'<w15:person w15:author="{REVIEWER}"><w15:presenceInfo w15:providerId="AD" '
               f'w15:userId="h.whitfield@example.org"/></w15:person></w15:people>').encode(),
              "http://schemas.microsoft.com/office/2011/relationships/people")

    # Headers and footers: first page, default, and even pages.
    section.different_first_page_header_footer = True
    document.settings.odd_and_even_pages_header_footer = True
    section.first_page_header.paragraphs[0].text = f"CONFIDENTIAL - {CHILD}"
    section.header.paragraphs[0].text = "CSPR Child A - draft for panel"
    section.even_page_header.paragraphs[0].text = "CSPR Child A"
    section.footer.paragraphs[0].text = "Croydon Safeguarding Children Partnership"
    section.even_page_footer.paragraphs[0].text = f"Family: {MOTHER} and {CHILD}"
    footer_p = section.footer.add_paragraph("Page ")
    for run in ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', "<w:r><w:t>1</w:t></w:r>",
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>'):
        footer_p._p.append(xml(run))

    # Side doors: custom XML data, custom properties, document variables.
    _add_part(document, "/customXml/item2.xml", "application/xml",
              b"<case><child>Amara Okafor</child><dob>2015-03-14</dob></case>", RT.CUSTOM_XML)
    _add_part(document, "/docProps/custom.xml", CT.OFC_CUSTOM_PROPERTIES,
              (b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
               b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
               b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="ChildName">'
               b"<vt:lpwstr>Amara Okafor</vt:lpwstr></property></Properties>"),
              RT.CUSTOM_PROPERTIES, package_level=True)
    settings = document.settings.element
    settings.append(xml('<w:docVars><w:docVar w:name="ChildName" w:val="Amara Okafor"/></w:docVars>'))

    # A bookmark named after the child, and a cross-reference to it.
    p = document.add_paragraph("Born ")
    for run in ('<w:bookmarkStart w:id="77" w:name="Amara_DOB"/>', "<w:r><w:t>in March</w:t></w:r>",
                '<w:bookmarkEnd w:id="77"/>', '<w:r><w:t xml:space="preserve">; see </w:t></w:r>',
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                '<w:r><w:instrText xml:space="preserve"> REF Amara_DOB \\h </w:instrText></w:r>',
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', "<w:r><w:t>in March</w:t></w:r>",
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>'):
        p._p.append(xml(run))
    # A picture linked (not embedded) from the reviewer's own folder, and a header part that
    # no section uses any more: both still travel inside the file.
    document.part.relate_to("file:///C:/Users/hwhitfield/Pictures/amara_okafor.jpg", RT.IMAGE, is_external=True)
    _add_part(document, "/word/header9.xml", CT.WML_HEADER,
              f'<w:hdr xmlns:w="{W}"><w:p><w:r><w:t>Old header: Amara Okafor</w:t></w:r></w:p></w:hdr>'.encode(),
              RT.HEADER)

    document.save(path)
    _patch_zip(path, {"docProps/app.xml": _app_xml()})
    return path


def _app_xml() -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        b"<Template>Okafor review.dotx</Template><Pages>3</Pages><Words>900</Words>"
        b"<Application>Microsoft Office Word</Application><Manager>Helen Whitfield</Manager>"
        b"<Company>Birchwood Practice</Company><TitlesOfParts><vt:vector size=\"1\" baseType=\"lpstr\">"
        b"<vt:lpstr>CSPR concerning Amara Okafor</vt:lpstr></vt:vector></TitlesOfParts>"
        b"<AppVersion>16.0000</AppVersion></Properties>"
    )


def _patch_zip(path: Path, replace: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path) as zin:
        members = [(info, zin.read(info.filename)) for info in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in members:
            zout.writestr(info.filename, replace.get(info.filename, data))


def make_tracked_docx(path: Path) -> Path:
    """Two paragraphs with an insertion, a deletion, a formatting change and a move."""
    document = docx.Document()
    document.add_paragraph("Summary of the review.")
    last = document.paragraphs[-1]._p
    for el in reversed([_tracked_paragraph(), *_moved_paragraphs()]):
        last.addnext(el)
    document.save(path)
    return path


def make_simple_docx(path: Path, paragraphs: list[str]) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(path)
    return path


def package_text(path: Path) -> dict[str, str]:
    """Every member of a zip package, decoded loosely, for leak searches."""
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name).decode("utf-8", "ignore") for name in zf.namelist()}


# -- pdf --------------------------------------------------------------------------------------

AGENCY = "Croydon Safeguarding Children Partnership"

PDF_PAGES = [
    ("1. Introduction", [
        "This review concerns Amara Okafor, born 14/03/2015, who lived with her mother Sarah Okafor "
        "at 27 Birchwood Road, Thornton Heath. The review was commissioned by the partnership after "
        "a serious incident notification in March 2023.",
        "The review considers the period from January 2021 until the incident, and the well-being "
        "of Amara during that time, including her attendance at Ashgrove Primary School.",
    ]),
    ("2. Family background", [
        "Sarah Okafor moved to the area in 2019. She told the health visitor that she had little "
        "support from family and that Amara's father had returned to Lagos.",
    ]),
    ("3. Key practice episodes", [
        "The school raised concerns about Amara's attendance in the autumn term of 2021. A referral "
        "was made to children's social care on 4 October 2021 and an assessment followed.",
    ]),
    ("4. Findings", [
        "Professionals did not always speak to Amara alone. Her voice is largely absent from the "
        "records of the period under review, and this is the first finding of the review.",
    ]),
]

HYPHEN_LINES = [
    "The health visitor spoke to Sarah Oka-",
    "for on 3 May 2022 about the family's circumstances.",
]

LONG_PARAGRAPH = (
    "Between the spring of 2022 and the incident, agencies held several meetings about the family. "
    "Each meeting recorded that the home conditions had improved, although the records show that "
    "no agency visited the home unannounced during this period. The police attended the address "
    "twice following calls from neighbours, and on both occasions officers recorded that Amara "
    "appeared well cared for. The review found that these records were not shared with the school, "
    "and the school was therefore unaware of the calls when it considered its own concerns about "
    "Amara's presentation and her attendance. CONTINUED-ACROSS-PAGE-END"
)


def make_report_pdf(path: Path) -> Path:
    """A four-page draft with a running header, page-number footers and a hyphenated name."""
    from fpdf import FPDF

    class Report(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "", 9)
            self.cell(0, 8, f"{AGENCY} - CSPR Child A (draft)", align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", "", 9)
            self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Report(format="A4")
    pdf.set_auto_page_break(True, margin=20)
    for n, (heading, paragraphs) in enumerate(PDF_PAGES):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 14)
        pdf.multi_cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        pdf.set_font("Helvetica", "", 11)
        for text in paragraphs:
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        if n == 1:
            for line in HYPHEN_LINES:
                pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        if n == 2:
            # Start a long paragraph near the foot of the page so it runs onto the next one.
            pdf.set_y(256)
            pdf.multi_cell(0, 6, LONG_PARAGRAPH, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
    pdf.output(str(path))
    return path


def make_scanned_pdf(path: Path, pages: int = 2) -> Path:
    """Pages that are only pictures, like a scan without OCR."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    image = io.BytesIO(png_bytes(40, 60))
    for _ in range(pages):
        pdf.add_page()
        image.seek(0)
        pdf.image(image, x=10, y=10, w=190)
    pdf.output(str(path))
    return path


def encrypt_pdf(source: Path, target: Path, user_password: str, owner_password: str = "owner-secret") -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-256")
    with open(target, "wb") as fh:
        writer.write(fh)
    return target
