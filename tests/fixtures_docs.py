"""Build realistic test drafts (.docx and .pdf) at test time, in a temporary folder.

Everything names an invented family: Amara Okafor (born 14/03/2015), her mother Sarah Okafor,
27 Birchwood Road, Thornton Heath, CR7 8QT; the reviewer is Helen Whitfield.
"""

from __future__ import annotations

import io
import re
import shutil
import struct
import zipfile
import zlib
from datetime import datetime, timezone
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.parser import parse_xml
from docx.shared import Mm

from anonymiser.core.document import Document, Edit

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

SOFFICE = shutil.which("soffice")
needs_libreoffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; "
                                       ".ci/run installs libreoffice-writer-nogui")

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
    props.created = datetime(2026, 3, 14, 9, 41, 7, tzinfo=timezone.utc)  # the day of a strategy meeting
    props.modified = datetime(2026, 5, 2, 16, 5, 0, tzinfo=timezone.utc)
    props.last_printed = datetime(2026, 5, 1, 11, 30, 0, tzinfo=timezone.utc)
    props.revision = 47

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


def perfect_edits(doc: Document, identifiers: list[str] = IDENTIFIERS) -> dict[int, list[Edit]]:
    """What flawless detection would do: replace every identifier wherever it occurs."""
    pattern = re.compile("|".join(re.escape(i) for i in identifiers), re.I)
    edits = {}
    for i, segment in enumerate(doc.segments):
        found = [Edit(m.start(), m.end(), "[REDACTED]") for m in pattern.finditer(segment.text)]
        if found:
            edits[i] = found
    return edits


# -- hostile Word packages: the child's name where only a side door shows it ----------------

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MS_REL = "http://schemas.microsoft.com/office"
C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
DGM_NS = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


def png_with_text(text: str) -> bytes:
    """A PNG whose tEXt, zTXt and iTXt chunks (and an eXIf chunk) carry `text`."""
    base = png_bytes()

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    extra = (chunk(b"tEXt", b"Author\x00" + text.encode("latin-1"))
             + chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(text.encode("latin-1")))
             + chunk(b"iTXt", b"Title\x00\x00\x00en\x00\x00" + text.encode("utf-8"))
             + chunk(b"eXIf", b"MM\x00*" + text.encode("utf-16-le")))
    iend = base.rindex(b"IEND") - 4
    return base[:iend] + extra + base[iend:]


def jpeg_with_text(text: str) -> bytes:
    """A JPEG with EXIF (artist), XMP and a comment naming `text`."""
    from PIL import Image

    im = Image.new("RGB", (8, 8), (120, 60, 30))
    exif = Image.Exif()
    exif[0x013B] = text  # Artist
    buffer = io.BytesIO()
    im.save(buffer, "JPEG", exif=exif, comment=text.encode(), quality=90,
            xmp=f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>{text}</dc:creator></x:xmpmeta>'.encode())
    return buffer.getvalue()


def _drawing(graphic_uri: str, graphic_data: str, docpr_id: int) -> str:
    return (f'<w:r><w:drawing><wp:inline><wp:extent cx="3000000" cy="2000000"/>'
            f'<wp:docPr id="{docpr_id}" name="Graphic {docpr_id}"/>'
            f'<a:graphic><a:graphicData uri="{graphic_uri}">{graphic_data}</a:graphicData></a:graphic>'
            f'</wp:inline></w:drawing></w:r>')


def _chart_xml(name: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<c:chartSpace xmlns:c="{C_NS}" xmlns:a="{A_NS}" xmlns:r="{R_NS}"><c:chart>'
            f'<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>School attendance of {name}</a:t></a:r></a:p>'
            f'</c:rich></c:tx></c:title><c:plotArea><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>'
            f'<c:ser><c:idx val="0"/><c:order val="0"/>'
            f"<c:tx><c:strRef><c:f>'{name.split()[0]}'!$B$1</c:f><c:strCache><c:ptCount val=\"1\"/>"
            f'<c:pt idx="0"><c:v>{name}</c:v></c:pt></c:strCache></c:strRef></c:tx>'
            f"<c:cat><c:strRef><c:f>'{name.split()[0]}'!$A$2:$A$3</c:f><c:strCache><c:ptCount val=\"2\"/>"
            f'<c:pt idx="0"><c:v>Autumn 2021</c:v></c:pt><c:pt idx="1"><c:v>Spring 2022</c:v></c:pt>'
            f'</c:strCache></c:strRef></c:cat>'
            f"<c:val><c:numRef><c:f>'{name.split()[0]}'!$B$2:$B$3</c:f><c:numCache><c:ptCount val=\"2\"/>"
            f'<c:pt idx="0"><c:v>81</c:v></c:pt><c:pt idx="1"><c:v>64</c:v></c:pt></c:numCache></c:numRef></c:val>'
            f'</c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart>'
            f'<c:catAx><c:axId val="1"/><c:scaling/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>'
            f'<c:valAx><c:axId val="2"/><c:scaling/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx>'
            f'</c:plotArea></c:chart><c:externalData r:id="rId1"/></c:chartSpace>').encode()


def _diagram_parts(name: str) -> dict[str, tuple[str, bytes]]:
    data = (f'<dgm:dataModel xmlns:dgm="{DGM_NS}" xmlns:a="{A_NS}"><dgm:ptLst>'
            f'<dgm:pt modelId="{{00000000-0000-0000-0000-000000000001}}" type="doc"><dgm:prSet/><dgm:spPr/>'
            f'<dgm:t><a:bodyPr/><a:p><a:endParaRPr/></a:p></dgm:t></dgm:pt>'
            f'<dgm:pt modelId="{{00000000-0000-0000-0000-000000000002}}"><dgm:prSet/><dgm:spPr/>'
            f'<dgm:t><a:bodyPr/><a:p><a:r><a:t>{name} referred</a:t></a:r></a:p></dgm:t></dgm:pt>'
            f'<dgm:pt modelId="{{00000000-0000-0000-0000-000000000003}}"><dgm:prSet/><dgm:spPr/>'
            f'<dgm:t><a:bodyPr/><a:p><a:r><a:t>Assessment of {name.split()[0]}</a:t></a:r></a:p></dgm:t></dgm:pt>'
            f'</dgm:ptLst><dgm:cxnLst/><dgm:bg/><dgm:whole/></dgm:dataModel>').encode()
    drawing = (f'<dsp:drawing xmlns:dsp="http://schemas.microsoft.com/office/drawing/2008/diagram" '
               f'xmlns:a="{A_NS}"><dsp:spTree><dsp:nvGrpSpPr><dsp:cNvPr id="0" name=""/><dsp:cNvGrpSpPr/>'
               f'</dsp:nvGrpSpPr><dsp:grpSpPr/><dsp:sp modelId="{{1}}"><dsp:nvSpPr><dsp:cNvPr id="0" name=""/>'
               f'<dsp:cNvSpPr/></dsp:nvSpPr><dsp:spPr/><dsp:txBody><a:bodyPr/><a:p><a:r>'
               f'<a:t>{name} referred</a:t></a:r></a:p></dsp:txBody></dsp:sp></dsp:spTree></dsp:drawing>').encode()
    layout = f'<dgm:layoutDef xmlns:dgm="{DGM_NS}" uniqueId="urn:microsoft.com/office/officeart/2005/8/layout/process1"/>'.encode()
    style = f'<dgm:styleDef xmlns:dgm="{DGM_NS}" uniqueId="urn:microsoft.com/office/officeart/2005/8/quickstyle/simple1"/>'.encode()
    colors = f'<dgm:colorsDef xmlns:dgm="{DGM_NS}" uniqueId="urn:microsoft.com/office/officeart/2005/8/colors/accent1_2"/>'.encode()
    base = "application/vnd.openxmlformats-officedocument.drawingml."
    return {
        "dm": ("/word/diagrams/data1.xml", base + "diagramData+xml", data, RT.DIAGRAM_DATA),
        "lo": ("/word/diagrams/layout1.xml", base + "diagramLayout+xml", layout, RT.DIAGRAM_LAYOUT),
        "qs": ("/word/diagrams/quickStyle1.xml", base + "diagramStyle+xml", style, RT.DIAGRAM_QUICK_STYLE),
        "cs": ("/word/diagrams/colors1.xml", base + "diagramColors+xml", colors, RT.DIAGRAM_COLORS),
        "dr": ("/word/diagrams/drawing1.xml", "application/vnd.ms-office.drawingml.diagramDrawing+xml", drawing,
               f"{MS_REL}/2007/relationships/diagramDrawing"),
    }


def _hostile(document, case: str) -> None:
    """Put CHILD where only a side door of kind `case` shows it."""
    body = document.add_paragraph
    if case == "altchunk":
        rid = _add_part(document, "/word/afchunk1.htm", "text/html",
                        f"<html><body><p>Notes on {CHILD}</p></body></html>".encode(), RT.A_F_CHUNK)
        body("Imported notes follow.")._p.addnext(xml(f'<w:altChunk r:id="{rid}"/>'))
    elif case == "macro":
        _add_part(document, "/word/vbaProject.bin", "application/vnd.ms-office.vbaProject",
                  OLE_HEADER + f"MsgBox {CHILD}".encode() + CHILD.encode("utf-16-le"),
                  f"{MS_REL}/2006/relationships/vbaProject")
        body("A document with a macro.")
    elif case == "ole":
        preview = _add_part(document, "/word/media/image9.png", "image/png", png_bytes(), RT.IMAGE)
        ole = _add_part(document, "/word/embeddings/oleObject1.bin",
                        "application/vnd.openxmlformats-officedocument.oleObject",
                        OLE_HEADER + CHILD.encode("utf-16-le"), RT.OLE_OBJECT)
        p = body("An embedded spreadsheet: ")
        p._p.append(xml(
            '<w:r><w:object xmlns:o="urn:schemas-microsoft-com:office:office" w:dxaOrig="1000" w:dyaOrig="500">'
            f'<v:shape id="ole1" style="width:50pt;height:25pt"><v:imagedata r:id="{preview}" o:title=""/></v:shape>'
            f'<o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="ole1" DrawAspect="Content" '
            f'ObjectID="_1" r:id="{ole}"/></w:object></w:r>'))
    elif case == "png-text":
        document.add_paragraph("A photograph:")
        document.add_picture(io.BytesIO(png_with_text(CHILD)))
        document.add_picture(io.BytesIO(jpeg_with_text(CHILD)))
    elif case == "image-name":
        document.add_paragraph("A photograph:")
        picture = document.add_picture(io.BytesIO(png_bytes(6, 6)))
        rid = picture._inline.graphic.graphicData.pic.blipFill.blip.embed
        document.part.related_parts[rid].partname = PackURI("/word/media/amara_okafor.png")
    elif case == "style":
        style = document.styles.add_style(f"{CHILD} notes", WD_STYLE_TYPE.PARAGRAPH)
        style.element.append(xml(f'<w:aliases w:val="{CHILD.split()[0]}"/>'))
        body("Chronology of events.", style=style)
        p = body("See ")
        for run in ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                    f'<w:r><w:instrText xml:space="preserve"> STYLEREF "{CHILD} notes" </w:instrText></w:r>',
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', "<w:r><w:t>Chronology</w:t></w:r>",
                    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'):
            p._p.append(xml(run))
    elif case == "content-control":
        body("Details follow.")._p.addnext(xml(
            f'<w:sdt><w:sdtPr><w:alias w:val="{CHILD}"/><w:tag w:val="{CHILD.replace(" ", "_")}"/></w:sdtPr>'
            '<w:sdtContent><w:p><w:r><w:t>The subject child</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    elif case == "ruby":
        p = body("The name was written as ")
        p._p.append(xml('<w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="center"/><w:hps w:val="12"/>'
                        '<w:hpsRaise w:val="22"/><w:hpsBaseText w:val="24"/><w:lid w:val="en-GB"/></w:rubyPr>'
                        f'<w:rt><w:r><w:t>{CHILD}</w:t></w:r></w:rt>'
                        '<w:rubyBase><w:r><w:t>the child</w:t></w:r></w:rubyBase></w:ruby></w:r>'))
    elif case == "chart":
        chart = Part(PackURI("/word/charts/chart1.xml"),
                     "application/vnd.openxmlformats-officedocument.drawingml.chart+xml", _chart_xml(CHILD),
                     document.part.package)
        workbook = Part(PackURI("/word/embeddings/Microsoft_Excel_Worksheet.xlsx"),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        b"PK\x03\x04" + CHILD.encode(), document.part.package)
        chart.relate_to(workbook, RT.PACKAGE)
        rid = document.part.relate_to(chart, RT.CHART)
        p = body("Attendance:")
        p._p.append(xml(_drawing(C_NS, f'<c:chart xmlns:c="{C_NS}" r:id="{rid}"/>', 70)))
    elif case == "smartart":
        rids = {key: _add_part(document, name, ct, blob, reltype)
                for key, (name, ct, blob, reltype) in _diagram_parts(CHILD).items()}
        p = body("The referral pathway:")
        p._p.append(xml(_drawing(DGM_NS, f'<dgm:relIds xmlns:dgm="{DGM_NS}" r:dm="{rids["dm"]}" '
                                         f'r:lo="{rids["lo"]}" r:qs="{rids["qs"]}" r:cs="{rids["cs"]}"/>', 71)))
    elif case == "unknown-part":
        _add_part(document, "/word/notes/casenotes.xml", "application/xml",
                  f"<notes><child>{CHILD}</child></notes>".encode(), "http://example.org/relationships/casenotes")
        body("A document with a custom part.")
    elif case == "bookmark":
        p = body("Born ")
        for run in (f'<w:bookmarkStart w:id="78" w:name="_{CHILD.replace(" ", "_")}"/>', "<w:r><w:t>in March</w:t></w:r>",
                    '<w:bookmarkEnd w:id="78"/>'):
            p._p.append(xml(run))
    elif case == "link-anchor":
        # A link to a bookmark that is gone, and a place in another file: both typed by the author.
        p = body("See ")
        name = CHILD.replace(" ", "_")
        p._p.append(xml(f'<w:hyperlink w:anchor="{name}_DOB" w:docLocation="{name}"><w:r><w:t>the chronology</w:t></w:r>'
                        '</w:hyperlink>'))
    elif case == "vml-title":
        p = body("The family tree:")
        p._p.append(xml('<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" '
                        f'xmlns:o="urn:schemas-microsoft-com:office:office" o:title="{CHILD}" '
                        'style="width:20pt;height:20pt"/></w:pict></w:r>'))
    elif case == "vector-picture":
        # An EMF picture: its text records are UTF-16LE, and the tool cannot clean them.
        picture = document.add_picture(io.BytesIO(png_bytes(7, 7)))
        part = document.part.related_parts[picture._inline.graphic.graphicData.pic.blipFill.blip.embed]
        part._blob = b"\x01\x00\x00\x00" + bytes(40) + f"Photo: {CHILD}".encode("utf-16-le")
        part._content_type = "image/x-emf"
        part.partname = PackURI("/word/media/image30.emf")
        body("After the picture.")
    elif case == "list-number":
        p = body("First concern.", style="List Number")
        numbering = document.part.numbering_part.element
        for lvl in numbering.iter(f"{{{W}}}lvlText"):
            lvl.set(f"{{{W}}}val", f"{CHILD.split()[0]} concern %1.")
    elif case == "relationship-id":
        # python-docx keeps an author's relationship ids; a generator may have named them.
        picture = document.add_picture(io.BytesIO(png_bytes(8, 8)))
        blip = picture._inline.graphic.graphicData.pic.blipFill.blip
        rels = document.part.rels
        rel = rels.pop(blip.embed)
        rel._rId = "rIdAmaraOkafor"
        rels["rIdAmaraOkafor"] = rel
        rels.related_parts["rIdAmaraOkafor"] = rel.target_part
        blip.set(f"{{{R_NS}}}embed", "rIdAmaraOkafor")
    elif case == "svg":
        # Word keeps an SVG beside its PNG copy, in an extension of the picture's blip.
        picture = document.add_picture(io.BytesIO(png_bytes(9, 9)))
        blip = picture._inline.graphic.graphicData.pic.blipFill.blip
        rid = _add_part(document, "/word/media/image40.svg", "image/svg+xml",
                        f'<svg xmlns="http://www.w3.org/2000/svg"><text>{CHILD}</text></svg>'.encode(), RT.IMAGE)
        blip.append(xml('<a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}">'
                        '<asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" '
                        f'r:embed="{rid}"/></a:ext></a:extLst>'))
    elif case == "xml-comment":
        from lxml import etree

        document.element.body.insert(0, etree.Comment(f" generated for {CHILD} "))
        body("A document with a note in its XML.")
    elif case == "equation":
        p = body("The dosage was worked out as ")
        p._p.append(xml('<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
                        f'<m:r><m:t>{CHILD.split()[0]}</m:t></m:r><m:r><m:t>=2</m:t></m:r></m:oMath>'))
    elif case == "theme-name":
        for rel in document.part.rels.values():
            if rel.reltype == RT.THEME:
                rel.target_part._blob = rel.target_part.blob.replace(b'name="Office Theme"', f'name="{CHILD}"'.encode())
        body("A themed document.")
    else:
        raise ValueError(case)


OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(24)
HOSTILE_CASES = ["altchunk", "macro", "ole", "png-text", "image-name", "style", "content-control", "ruby",
                 "chart", "smartart", "unknown-part", "bookmark", "vector-picture", "list-number", "theme-name",
                 "relationship-id", "svg", "xml-comment", "equation", "link-anchor"]


def make_hostile_docx(path: Path, cases: list[str], orphan: bool = False) -> Path:
    """A short draft naming the child in its body and in each side door of `cases`."""
    document = docx.Document()
    document.add_paragraph(f"{CHILD} lives with her mother {MOTHER}.")
    for case in cases:
        _hostile(document, case)
    document.save(path)
    if orphan:  # a file inside the package that nothing refers to
        with zipfile.ZipFile(path, "a") as zf:
            zf.writestr("word/media/notes.txt", f"Notes about {CHILD}")
    return path


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


def sample_script():
    """samples/make_office_samples.py, loaded as a module (samples/ is no package)."""
    import importlib.util

    script = Path(__file__).resolve().parent.parent / "samples" / "make_office_samples.py"
    spec = importlib.util.spec_from_file_location("make_office_samples", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def libreoffice_copy(source: Path, folder: Path, suffix: str) -> Path:
    """`source` saved by LibreOffice as .doc, .odt or .rtf, as a partner agency's draft would arrive."""
    made = sample_script().build_converted(source, folder, (suffix,))[0]
    assert made.is_file(), f"LibreOffice did not write {made.name}"
    return made


# What a PDF draft keeps outside its pages: its information dictionary, XMP, links and notes.
PDF_SIDE_DOORS = ["Amara Okafor", "Helen Whitfield", "facebook.com/sarah.okafor", "Okafor family file",
                  "Check Amara's DOB with Sarah"]


def make_pdf_with_side_doors(path: Path) -> Path:
    """A one-page PDF draft whose title, author, keywords, XMP, link and note name the family."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_title(f"CSPR concerning {CHILD}")
    pdf.set_author(REVIEWER)
    pdf.set_subject(f"Review of services to {MOTHER} and {CHILD}")
    pdf.set_keywords("Okafor family file")
    pdf.set_creator(f"{REVIEWER}'s laptop")
    pdf.set_xmp_metadata('<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" rdf:about="">'
                         f"<dc:creator>{REVIEWER}</dc:creator><dc:title>{CHILD}</dc:title></rdf:Description>")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 10, "1. Background", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, f"{CHILD} (DOB {DOB}) lives with her mother {MOTHER} at {ADDRESS}. "
                   "The school raised concerns about her attendance in the spring term.",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.cell(0, 6, "The school wrote to the mother through her social media page.", new_x="LMARGIN",
             new_y="NEXT", link="https://facebook.com/sarah.okafor")
    pdf.link(10, 60, 60, 6, "mailto:sarah.okafor@example.com")
    pdf.text_annotation(150, 20, "Check Amara's DOB with Sarah", title=REVIEWER)
    pdf.output(str(path))
    return path
