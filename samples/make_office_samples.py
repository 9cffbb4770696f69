"""Rebuild the office-format samples: review-d.docx (a Word draft) and review-e.pdf (a PDF draft).

    python samples/make_office_samples.py
    python samples/make_office_samples.py --converted FOLDER   # also review-d.odt and review-d.doc, in FOLDER

The .odt and .doc copies of review-d are saved from review-d.docx by LibreOffice, as a partner
agency's draft would arrive. They are not kept in samples/: the README's quick start runs on
samples/, and on a machine without LibreOffice (which is optional) they would make it end with
exit code 2. The tests build them in a temporary folder (tests/test_every_format.py), and skip with
a reason where LibreOffice is missing.

Both families, every address, phone number and NHS number are invented. The partnerships,
trusts and police forces are real, because the tool must leave them alone. The output is
byte-for-byte repeatable (fixed dates, fixed zip timestamps), so rebuilding shows no diff.

review-d.docx is what a reviewer's Word draft looks like before anonymisation: a cover page
with the child's date of birth, a family table, headers and footers naming the child, a
footnote, a reviewer's comment, a tracked change, and metadata (author, title) that name the
reviewer and the child. review-e.pdf is a PDF export with a title page (centred lines in
different sizes and a two-column title block), a running header and footer on every page, a
chronology table, a bulleted and a lettered list, a glossary in two columns, a paragraph that
runs over a page break and names hyphenated at line ends.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.parser import parse_xml
from docx.shared import Mm, Pt
from fpdf import FPDF

HERE = Path(__file__).resolve().parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FIXED = dt.datetime(2024, 3, 14, 9, 30, tzinfo=dt.timezone.utc)


def nhs_number(first_nine: str) -> str:
    """Add the mod-11 check digit, so the sample's NHS number is a valid one."""
    digits = [int(d) for d in first_nine.replace(" ", "")]
    check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1))) % 11
    check = 0 if check == 11 else check
    if check == 10:
        raise ValueError("no valid NHS number starts with these digits")
    return f"{first_nine}{check}"  # "943 476 591" -> "943 476 5919", the usual 3-3-4 layout


def w(fragment: str):
    """Parse a WordprocessingML fragment whose root needs the w: namespace declared."""
    tag_end = fragment.index(">")
    if fragment[tag_end - 1] == "/":
        tag_end -= 1
    return parse_xml(fragment[:tag_end] + f' xmlns:w="{W}"' + fragment[tag_end:])


# -- review-d.docx -----------------------------------------------------------------------------

REVIEWER = "Alison Renfrew"
D_NHS = nhs_number("943 476 591")

D_SECTIONS: list[tuple[str, list[str]]] = [
    ("1. Introduction", [
        "1.1 This review was commissioned by the Sheffield Children Safeguarding Partnership after "
        "{SPLIT}, then aged five, was admitted to Sheffield Children's Hospital on 17/02/2023 with a "
        "fractured femur and extensive bruising to her back and arms. A skeletal survey found two older "
        "fractures. Maisie lived with her mother, Danielle Calloway, her mother's partner Ryan Pritchard "
        "and her half-brother Leo at 14 Fenwick Close, Parson Cross, Sheffield, S5 8QX.",
        "1.2 The Rapid Review met on 2 March 2023 and the Child Safeguarding Practice Review Panel agreed "
        "with the recommendation for a local review on 21/03/23. South Yorkshire Police charged Mr "
        "Pritchard with causing grievous bodily harm with intent on 9 June 2023, and the criminal trial "
        "concluded in January 2024.",
        "1.3 Maisie is now cared for by her maternal grandmother, Margaret Hollis, under a special "
        "guardianship order. In the published report she will be called 'Poppy', the name she chose "
        "herself.",
    ]),
    ("2. Scope and methodology", [
        "2.1 The review covers the period from 1 September 2021, when Maisie started in reception class "
        "at Hollin Brook Primary School, until her admission on 17 February 2023.",
        "2.2 Chronologies and reflective reports were provided by Sheffield Children's NHS Foundation "
        "Trust (emergency department and community health), Sheffield Teaching Hospitals NHS Foundation "
        "Trust, Wensley Medical Centre, South Yorkshire Police, Sheffield City Council Children's Social "
        "Care, Hollin Brook Primary School and Sheffield Women's Aid.",
        "2.3 The reviewer met Ms Calloway twice, in November and December 2023, and Mrs Hollis once. "
        "Mr Pritchard declined to take part. A practitioner learning event on 7 December 2023 was "
        "attended by 16 practitioners and managers.",
        "2.4 The review was asked to consider in particular how agencies responded to signs of neglect, "
        "whether information held by one agency was shared with the others, and how the views of Maisie "
        "and her wider family were sought and acted upon.",
    ]),
    ("3. Family background", [
        "3.1 Danielle Calloway, known to her family as Dani, is White British and was born in Sheffield. "
        "She left school at 16 and has worked in retail and as a care assistant. She told the reviewer "
        "that she had postnatal depression after Maisie was born and that she was \"just about coping\" "
        "for most of the period under review.",
        "3.2 Maisie's father has had no contact with her since 2018 and was not involved in the review. "
        "Leo Calloway, born on 9 January 2020, is the son of Ms Calloway and Mr Pritchard.",
        "3.3 Ryan Pritchard moved into the family home in the summer of 2021. Records held by South "
        "Yorkshire Police show two domestic abuse incidents involving a former partner in Rotherham, in "
        "2017 and 2019. This was not known to the agencies working with Maisie until after her admission.",
        "3.4 Mrs Hollis lives at Flat 2, 77 Wensley Street, Darnall, Sheffield, S4 7BN.{FOOTNOTE} She looked "
        "after Maisie most weekends until the autumn of 2022, when, she says, Mr Pritchard \"stopped her "
        "coming round\".",
        "3.5 Ms Calloway described Maisie as a lively, funny child who loved drawing and was \"always "
        "singing\". Her class teacher at Hollin Brook, Mrs Jenna Whiteley, said that Maisie became quieter "
        "and more watchful during Year 1, and often asked whether she could stay behind after school.",
        "3.6 The family members referred to in this review are shown in the table below.",
    ]),
]

D_FAMILY = [
    ("Name", "Relationship to Maisie", "Date of birth"),
    ("Maisie Calloway", "Subject child", "22/06/2017"),
    ("Danielle Calloway", "Mother", "12/09/1995"),
    ("Ryan Pritchard", "Mother's partner", "30/01/1992"),
    ("Leo Calloway", "Half-brother", "09/01/2020"),
    ("Margaret Hollis", "Maternal grandmother", "04/05/1966"),
]

D_SECTIONS_AFTER: list[tuple[str, list[str]]] = [
    ("4. Key practice episodes", [
        "4.1 Episode 1: attendance and presentation (September 2021 to July 2022). Maisie's attendance "
        "fell to 81% in her reception year. Her class teacher recorded on 12.11.21 that she came to school "
        "hungry and in unwashed clothes on several occasions. The designated safeguarding lead spoke to "
        "Ms Calloway, who said the family was struggling with money after Mr Pritchard lost his job. The "
        "school referred the family to the Early Help service on 3 December 2021 and a family support "
        "worker was allocated in January 2022.",
        "4.2 Early Help closed the case on 28/04/2022, recording that the family's circumstances had "
        "improved. The closure summary describes Mr Pritchard as \"a positive presence\" and notes that he "
        "attended every home visit. The support worker did not see Maisie on her own at any point.",
        "4.3 Episode 2: the first injury (August 2022). On Sunday 14 August 2022 Ms Calloway took Maisie "
        "to the emergency department at Sheffield Children's Hospital with a swollen wrist, saying she had "
        "fallen from a trampoline at her grandmother's flat. An X-ray showed a buckle fracture. The "
        f"explanation was accepted and Maisie (NHS {D_NHS}) was discharged. A notification went to the "
        "health visiting service and to Wensley Medical Centre, but not to the school.",
        "4.4 Mrs Hollis told the reviewer that Maisie had not stayed with her that weekend and that she "
        "has never owned a trampoline. No professional asked her.",
        "{COMMENT}4.5 Episode 3: the grandmother's concerns (October 2022). On 19 October 2022 Mrs Hollis "
        "telephoned the Sheffield Safeguarding Hub from her mobile, 07700 900418, to say that she had not "
        "been allowed to see Maisie for six weeks and was worried about \"bruises on her arms that nobody "
        "will explain\". A social worker telephoned Ms Calloway on 21/10/2022; she said her mother was "
        "\"causing trouble\" after a family argument. The contact was closed with no further action on "
        "24 October 2022 and no one visited the home.",
        "4.6 Episode 4: the winter term (November 2022 to February 2023). Hollin Brook Primary recorded a "
        "bruise to Maisie's cheek on 8 November 2022 and a mark on her neck on 23 January 2023. Each time "
        "Maisie said she had fallen over while playing with Leo. The designated safeguarding lead logged "
        "both concerns but did not make a referral, judging that each injury had a plausible explanation.",
        "{TRACKED}",
        "4.8 At the strategy discussion the paediatrician, Dr Imran Qadir, reported that the pattern of "
        "fractures was consistent with more than one episode of inflicted injury. Maisie went to Mrs Hollis "
        "under police protection that night, and an interim care order was made on 24/02/2023. Leo joined "
        "his sister at his grandmother's two days later.",
    ]),
    ("5. Analysis and findings", [
        "Finding 1: Maisie's voice was not heard. Across eighteen months of contact no practitioner spoke "
        "to Maisie alone about life at home. Her teacher knew her best but was not asked to contribute to "
        "the Early Help assessment.",
        "Finding 2: the significance of the grandmother's information was missed. A family member who had "
        "been a consistent carer raised a specific concern about unexplained bruising. Her call was treated "
        "as part of a family dispute, and her account was checked only with the parent she was worried "
        "about.",
        "Finding 3: information about Mr Pritchard's history was not sought. Agencies recorded his name "
        "and date of birth (30.1.92) several times, but no one asked South Yorkshire Police for checks, "
        "either under the Domestic Violence Disclosure Scheme or when the contact was considered in "
        "October 2022.",
        "Finding 4: injuries were considered one at a time. The wrist fracture in August 2022, the bruises "
        "Mrs Hollis described and the two marks seen at school were each explained away on their own. No "
        "single agency held the whole picture.",
        "Good practice: the emergency department team recognised the significance of Maisie's injuries "
        "quickly, and the strategy discussion on the evening of her admission was well attended and "
        "decisive. Mrs Hollis told the reviewer that the officer who visited her that night, PC 2231 "
        "Oldroyd, \"treated me like I mattered for the first time\".",
    ]),
    ("6. Recommendations", [
        "6.1 The Partnership should seek assurance that Early Help practitioners see children on their own, "
        "and record what they say, before any intervention is closed.",
        "6.2 The Sheffield Safeguarding Hub should review its guidance on contacts from extended family so "
        "that a concern is never closed solely on the word of the parent or carer it concerns.",
        "6.3 Schools should be reminded, through the Partnership's education safeguarding forum, that a "
        "pattern of minor injuries may meet the threshold for a referral even when each injury has an "
        "explanation.",
        "6.4 Sheffield Children's NHS Foundation Trust should share notifications of fractures in children "
        "with the school nursing service as well as the GP.",
    ]),
]

D_SIGN_OFF = [
    f"Dr {REVIEWER}, Independent Reviewer, 14 March 2024",
    "a.renfrew@renfrew-safeguarding.co.uk",
]


def _add_runs(paragraph, text: str) -> None:
    """Add text, splitting the child's name over three runs as Word's editing history does."""
    if "{SPLIT}" not in text:
        paragraph.add_run(text)
        return
    before, after = text.split("{SPLIT}")
    paragraph.add_run(before)
    for piece in ("Mai", "sie Call", "oway"):
        paragraph.add_run(piece)
    paragraph.add_run(after)


def _footnote_part(document) -> None:
    xml = (
        f'<w:footnotes xmlns:w="{W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
        'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
        'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/>'
        '</w:r><w:r><w:t xml:space="preserve"> The reviewer met Margaret Hollis at her flat in Darnall on '
        '30 November 2023.</w:t></w:r></w:p></w:footnote></w:footnotes>'
    )
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode(), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    # Word lists the separator notes in settings too; the schema puts them before w:compat.
    settings = document.settings.element
    compat = settings.find(f"{{{W}}}compat")
    note_pr = w('<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
    if compat is not None:
        compat.addprevious(note_pr)
    else:
        settings.append(note_pr)


def _tracked_paragraph():
    """4.7, with the reviewer's tracked edit: a name inserted and a phrase deleted."""
    stamp = 'w:author="Alison Renfrew" w:date="2024-03-05T16:12:00Z"'
    return w(
        "<w:p><w:r><w:t xml:space=\"preserve\">4.7 On 17/02/2023 </w:t></w:r>"
        f'<w:ins w:id="401" {stamp}><w:r><w:t xml:space="preserve">Ms Calloway\'s partner </w:t></w:r></w:ins>'
        "<w:r><w:t>Ryan Pritchard</w:t></w:r>"
        f'<w:del w:id="402" {stamp}><w:r><w:delText xml:space="preserve"> (Maisie\'s stepfather)</w:delText></w:r></w:del>'
        "<w:r><w:t xml:space=\"preserve\"> called 999 to say that Maisie had fallen down the stairs. "
        "Paramedics from Yorkshire Ambulance Service took her to hospital, where the pattern of injuries "
        "led to a child protection medical and a strategy discussion the same evening.</w:t></w:r></w:p>"
    )


def _page_field(paragraph) -> None:
    for fragment in ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                     '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
                     '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
                     "<w:r><w:t>2</w:t></w:r>",
                     '<w:r><w:fldChar w:fldCharType="end"/></w:r>'):
        paragraph._p.append(w(fragment))


def build_review_d(path: Path) -> None:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(25))
    document.styles["Normal"].font.size = Pt(11)

    props = document.core_properties
    props.author = REVIEWER
    props.last_modified_by = REVIEWER
    props.title = "CSPR Child M (Maisie Calloway) - draft 0.3"
    props.subject = "Child safeguarding practice review"
    props.keywords = "Calloway; Pritchard; neglect; physical abuse"
    props.comments = "For panel 14/03/2024 - not for circulation"
    props.created = props.modified = FIXED.replace(tzinfo=None)
    props.revision = 7

    # Cover page: a first-page header/footer of its own, so the running ones start on page 2.
    section.different_first_page_header_footer = True
    document.add_paragraph("Sheffield Children Safeguarding Partnership", style="Subtitle")
    document.add_paragraph("Child Safeguarding Practice Review: Child M", style="Title")
    document.add_paragraph("Concerning Maisie Calloway, date of birth 22 June 2017")
    document.add_paragraph("Draft 0.3 for the review panel, 14 March 2024. NOT FOR CIRCULATION: this "
                           "draft identifies the child and family and must be anonymised before publication.")
    cover_last = document.add_paragraph(f"Independent reviewer: Dr {REVIEWER}")
    cover_last.add_run().add_break(WD_BREAK.PAGE)

    section.header.paragraphs[0].text = "CSPR Child M (Maisie Calloway) - DRAFT 0.3 - NOT FOR CIRCULATION"
    footer = section.footer.paragraphs[0]
    footer.text = "Sheffield Children Safeguarding Partnership | Maisie Calloway, DOB 22/06/2017 | Page "
    _page_field(footer)
    section.first_page_footer.paragraphs[0].text = "Restricted: contains personal data"

    _footnote_part(document)
    for heading, paragraphs in D_SECTIONS:
        document.add_heading(heading, level=1)
        for text in paragraphs:
            p = document.add_paragraph()
            before, marker, after = text.partition("{FOOTNOTE}")
            _add_runs(p, before)
            if marker:
                p._p.append(w('<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                              '<w:footnoteReference w:id="1"/></w:r>'))
                p.add_run(after)

    table = document.add_table(rows=len(D_FAMILY), cols=3)
    table.style = "Table Grid"
    for r, row in enumerate(D_FAMILY):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = value
            if r == 0:
                cell.paragraphs[0].runs[0].bold = True

    for heading, paragraphs in D_SECTIONS_AFTER:
        document.add_heading(heading, level=1)
        for text in paragraphs:
            if text == "{TRACKED}":
                anchor = document.add_paragraph()
                anchor._p.addnext(_tracked_paragraph())
                anchor._p.getparent().remove(anchor._p)
                continue
            comment = text.startswith("{COMMENT}")
            p = document.add_paragraph(text.removeprefix("{COMMENT}"))
            if comment:
                document.add_comment(
                    p.runs[0], author=REVIEWER, initials="AR",
                    text="Hub log says Mrs Hollis called on 18/10/2022, not 19/10 - check with Maisie's "
                         "social worker before the panel.")
    for line in D_SIGN_OFF:
        document.add_paragraph(line)
    # python-docx stamps comments with the current time; a fixed one keeps rebuilds identical.
    for comment in document.part.part_related_by(RT.COMMENTS).element.iter(f"{{{W}}}comment"):
        comment.set(f"{{{W}}}date", "2024-03-06T11:05:00Z")

    buffer = io.BytesIO()
    document.save(buffer)
    _write_repeatable_zip(buffer.getvalue(), path, {"docProps/app.xml": _app_xml()},
                          drop={"docProps/thumbnail.jpeg"})


def _app_xml() -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        b"<Template>Normal.dotm</Template><TotalTime>412</TotalTime><Pages>5</Pages>"
        b"<Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity>"
        b"<Company>Renfrew Safeguarding Consultancy Ltd</Company><LinksUpToDate>false</LinksUpToDate>"
        b"<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
        b"<AppVersion>16.0000</AppVersion></Properties>"
    )


def _write_repeatable_zip(data: bytes, path: Path, replace: dict[str, bytes], drop: set[str]) -> None:
    """Rewrite a package with fixed timestamps; optionally swap or leave out members."""
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        members = [(name, zin.read(name)) for name in zin.namelist() if name not in drop]
    if drop:
        # The package relationships must not point at what was left out.
        rels = dict(members)["_rels/.rels"].decode()
        for name in drop:
            start = rels.find(f'Target="{name}"')
            if start != -1:
                rels = rels[: rels.rfind("<Relationship ", 0, start)] + rels[rels.find("/>", start) + 2:]
        members = [(n, rels.encode() if n == "_rels/.rels" else d) for n, d in members]
        types = dict(members)["[Content_Types].xml"].decode()
        for name in drop:
            start = types.find(f'PartName="/{name}"')
            if start != -1:
                types = types[: types.rfind("<Override ", 0, start)] + types[types.find("/>", start) + 2:]
        members = [(n, types.encode() if n == "[Content_Types].xml" else d) for n, d in members]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, content in members:
            info = zipfile.ZipInfo(name, date_time=(2024, 3, 14, 9, 30, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, replace.get(name, content))


# -- review-e.pdf ------------------------------------------------------------------------------

E_AGENCY = "Nottingham City Safeguarding Children Partnership"
E_NHS = nhs_number("485 777 345")

# (kind, content): "centred" a title page line (size, weight, text), "columns" label and value
# pairs side by side, "h" heading, "p" paragraph, "lines" a paragraph laid out line by line (for
# the names hyphenated at the margin), "bullets" and "numbered" list items, "table" the
# chronology, "gap" a jump down the page.
E_BODY: list[tuple[str, object]] = [
    ("centred", (12, "", E_AGENCY)),
    ("centred", (20, "B", "Child Safeguarding Practice Review")),
    ("centred", (16, "", "Child T")),
    ("columns", [
        ("Subject child:", "Tyler Brennan", "Reviewer:", "Mark Ellery"),
        ("Date of birth:", "03/11/2012", "Draft date:", "12 January 2024"),
        ("Status:", "Draft version 2", "Panel:", "7 February 2024"),
    ]),
    ("p", "Draft version 2, prepared by the independent reviewer for the Partnership's review panel. "
          "This draft names the child and his family and must not be published."),
    ("h", "1. Introduction"),
    ("p", "1.1 This review concerns Tyler Brennan, born on 3 November 2012, who was seriously injured in a "
          "fire at the family home, 9 Harrow Lane, Bulwell, Nottingham, NG6 8PL, in the early hours of "
          "5 January 2023. Tyler, then aged ten, had been left at home overnight with his half-sister, "
          "Chloe Brennan-Lowe, who was six. Chloe was not physically hurt. Tyler was treated for burns "
          "to his arms and chest at Nottingham University Hospitals NHS Trust and later at the regional "
          "burns unit."),
    ("p", "1.2 The Rapid Review took place on 19/01/2023 and the Child Safeguarding Practice Review Panel "
          "agreed on 8 February 2023 that a local review should be carried out. Nottinghamshire Police "
          "investigated and Kerry Brennan, Tyler's mother, accepted a caution for child neglect."),
    ("p", "1.3 In the published report Tyler will be called 'Sam', the name he asked the reviewer to "
          "use."),
    ("h", "2. The family"),
    ("p", "2.1 Kerry Brennan, known as Kez, is 33. She grew up in Bulwell and has lived in the area all "
          "her life. She has a long history of alcohol misuse, which she described to the reviewer as "
          "\"drinking to get through the day\", and was known to the community alcohol service between "
          "2019 and 2021."),
    ("p", "2.2 Darren Lowe is Chloe's father. He and Ms Brennan separated in 2020 but he continued to "
          "stay at the house several nights a week. He also rented Flat 14, Carrington Court, Sneinton, "
          "Nottingham, NG3 2FZ. Nottinghamshire Police recorded four domestic incidents at Harrow Lane "
          "involving Mr Lowe between March 2021 and November 2022, two of them in front of the children."),
    ("lines", [
        "2.3 Tyler's grandmother, Pauline Brennan, lives nearby and often looked after both",
        "children at weekends. She said she had tried to raise her worries about Ty-",
        "ler with the school but felt \"not listened to because I'm only the nan\". Chloe Brennan-",
        "Lowe, she said, often arrived at her house hungry, and Kerry would leave the two",
        "children with her without warning, sometimes for several days.",
    ]),
    ("p", "2.4 Tyler attended Bulwell Vale Primary School from 2017. His NHS number, "
          f"{E_NHS}, appears on all the health records seen by the review."),
    ("p", "2.5 At the time of the fire the household was:"),
    ("bullets", [
        "Tyler Brennan, then aged ten, the subject of this review;",
        "Chloe Brennan-Lowe, his half-sister, then aged six, who attended the nursery class at Bulwell "
        "Vale Primary School and was collected most days by her grandmother;",
        "Kerry Brennan, their mother; and",
        "Darren Lowe, Chloe's father, who stayed several nights a week.",
    ]),
    ("h", "3. Chronology of key events"),
    ("p", "3.1 The table below summarises the events the review considered most significant."),
    ("table", [
        ("Date", "Event", "Agency"),
        ("12/03/2021", "Police called to Harrow Lane after a neighbour heard shouting. Darren Lowe arrested "
                       "and released without charge.", "Police"),
        ("06/09/2021", "School records that Tyler has no coat or packed lunch for a week.", "School"),
        ("14/02/2022", "Tyler seen at the emergency department with a burn to his hand from a pan. "
                       "Explanation accepted.", "NUH"),
        ("21/06/2022", "Pauline Brennan phones the MASH about the children being left alone.", "MASH"),
        ("03/11/2022", "Domestic incident at Harrow Lane; Chloe present. DASH risk assessed as medium.",
         "Police"),
        ("05/01/2023", "House fire at 9 Harrow Lane. Tyler admitted with burns.", "Fire service, NUH"),
    ]),
    ("h", "4. Analysis"),
    ("p", "4.1 The call from Pauline Brennan on 21 June 2022 was the clearest warning that the children "
          "were being left without adult care. The MASH record shows that a social worker spoke to Ms "
          "Brennan, who denied it, and the contact was closed the following day with advice to the "
          "grandmother to call the police if it happened again. The grandmother was not asked how often "
          "it had happened, and the school was not asked what it knew."),
    ("p", "4.2 The school knew a great deal. Staff had recorded Tyler arriving early and leaving late, "
          "without food or appropriate clothing, on at least fourteen occasions in the autumn term of "
          "2021. Each entry was made on the school's electronic system, but no one drew them together "
          "into a chronology, and the designated safeguarding lead told the review that she had not "
          "realised how often the same concern had been logged."),
    ("gap", None),
    ("p", "4.3 The burn to Tyler's hand in February 2022 was explained as an accident while he was "
          "cooking his own tea. The emergency department nurse recorded that a ten-year-old cooking "
          "unsupervised was a concern, but the safeguarding liaison form sent to the health visiting "
          "team was returned because Tyler was over five, and it was not forwarded to the school nurse. "
          "The review heard that forms returned in this way are not tracked, so there is no way of "
          "knowing how many other notifications about school-age children have been lost between "
          "services in the same way over the same period."),
    ("p", "4.4 Mr Lowe's presence in the household was known to the police and to the school, which saw "
          "him collecting the children, but not to the MASH when it considered the grandmother's call. "
          "The four domestic incidents were each assessed on their own and never linked to the neglect "
          "concerns being raised by the school and the family."),
    ("h", "5. Tyler's experience"),
    ("p", "5.1 Tyler told the reviewer, with his grandmother present, that he was often \"the one in "
          "charge\" when his mum went out, and that he made toast or noodles for Chloe most nights. He did "
          "not tell anyone at school because he was worried that he and Chloe would be split up, and "
          "because his mum had told him that people would \"take you away if you say anything\"."),
    ("p", "5.2 He remembered the night of the fire clearly. He had tried to cook chips for his sister "
          "because there was no other food in the house. When the pan caught fire he got Chloe out of the "
          "back door to a neighbour's house at 11 Harrow Lane before going back in to look for the family's "
          "dog. The neighbour, Mrs Sandra Okoye, called the fire service at 01:47."),
    ("p", "5.3 Tyler's account shows a child carrying adult responsibilities for a long time, in plain "
          "sight of the agencies around him. Several practitioners described him as \"mature\" and \"a "
          "good big brother\"; none of them asked what that maturity was costing him."),
    ("h", "6. Good practice"),
    ("p", "6.1 Nottinghamshire Fire and Rescue Service crews reached Harrow Lane within six minutes, and "
          "the burns unit commended the firefighter who gave Tyler first aid. The school's family support "
          "worker, Ms Hannah Brookes, kept in touch with Tyler throughout his stay in hospital and arranged "
          "for his class to send him letters, which he said \"made me feel like I was still in the "
          "class\"."),
    ("p", "6.2 After the fire, Children's Social Care acted quickly to place both children with Pauline "
          "Brennan, and the Family Group Conference held on 2 March 2023 was described by the family as "
          "respectful and clear."),
    ("h", "7. Findings and recommendations"),
    ("p", "Finding 1: concerns from the wider family were not given enough weight. The Partnership should "
          "make sure that the MASH always speaks to the person who made a referral before closing a "
          "contact, and asks them what they have seen and how often."),
    ("p", "Finding 2: a pattern of neglect was recorded but never seen as a whole. Schools should be "
          "supported to build chronologies from their own records when the same concern is logged more "
          "than three times in a term."),
    ("p", "Finding 3: information about domestic abuse was not linked to concerns about neglect. "
          "Nottinghamshire Police and Children's Social Care should review how domestic incident "
          "notifications are matched to open or recently closed contacts about the same children."),
    ("p", "Finding 4: health notifications about school-age children can be lost. Nottingham University "
          "Hospitals NHS Trust should make sure that notifications returned by one service are "
          "redirected to the right one and followed up."),
    ("h", "Appendix A: terms of reference"),
    ("p", "The review was asked to consider:"),
    ("numbered", [
        "(a) how agencies identified and responded to the neglect of Tyler and Chloe between January 2021 "
        "and January 2023;",
        "(b) whether information about domestic abuse and alcohol misuse in the household was shared and "
        "acted upon;",
        "(c) how the views and experiences of Tyler, Chloe and their grandmother were sought; and",
        "(d) what the Partnership can learn about children who care for younger brothers and sisters.",
    ]),
    ("p", "The review used a systems approach. Practitioners from each agency took part in a learning "
          "event on 15 June 2023, and the reviewer met Tyler and Pauline Brennan at her home in Bulwell on "
          "4 July 2023."),
    ("p", "Contact for this draft: the Partnership's business unit, 0115 496 0713, or the independent "
          "reviewer, Mark Ellery, at m.ellery@ellery-reviews.co.uk."),
    ("h", "Appendix B: glossary"),
    ("columns", [
        ("DASH", "Domestic Abuse, Stalking and Harassment risk assessment"),
        ("MASH", "Multi-Agency Safeguarding Hub"),
        ("NUH", "Nottingham University Hospitals NHS Trust"),
    ]),
]


class _Draft(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", "", 8)
        self.cell(0, 6, f"{E_AGENCY} - CSPR Child T (Tyler Brennan) - DRAFT v2", align="C",
                  new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 8, f"Draft v2 - restricted - Page {self.page_no()} of {{nb}}", align="C")


def build_review_e(path: Path) -> None:
    pdf = _Draft(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_author("Mark Ellery")
    pdf.set_title("CSPR Child T - Tyler Brennan - draft v2")
    pdf.set_margins(22, 18, 22)
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_page()
    for kind, content in E_BODY:
        if kind == "centred":
            size, weight, text = content  # type: ignore[misc]
            pdf.set_font("Helvetica", weight, size)
            pdf.cell(0, size * 0.6, text, align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(size * 0.5)
        elif kind == "columns":
            # Label and value pairs side by side, as a title block or a glossary is laid out.
            pdf.set_font("Helvetica", "", 10)
            pairs = len(content[0]) // 2  # type: ignore[index]
            widths = (30, 55, 25, 56)[: 2 * pairs] if pairs == 2 else (30, 136)
            for row in content:  # type: ignore[union-attr]
                for width, value in zip(widths, row):
                    pdf.cell(width, 6, value)
                pdf.ln(6)
            pdf.ln(6)
        elif kind in ("bullets", "numbered"):
            pdf.set_font("Helvetica", "", 11)
            for item in content:  # type: ignore[union-attr]
                if kind == "bullets":
                    # Drawn in the Symbol font, as Word exports do: the glyph's code means nothing as text.
                    pdf.set_font("Symbol", "", 11)
                    pdf.cell(8, 6, "\xb7")
                    pdf.set_font("Helvetica", "", 11)
                    text = item
                else:
                    marker, text = item.split(" ", 1)
                    pdf.cell(8, 6, marker)
                pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
                pdf.set_x(pdf.l_margin)
            pdf.ln(4)
        elif kind == "h":
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 14)
            pdf.multi_cell(0, 8, str(content), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif kind == "p":
            pdf.set_font("Helvetica", "", 11)
            pdf.multi_cell(0, 6, str(content), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        elif kind == "lines":
            pdf.set_font("Helvetica", "", 11)
            for line in content:  # type: ignore[union-attr]
                assert pdf.get_string_width(line) < pdf.epw, f"line too long for the page: {line}"
                pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        elif kind == "table":
            pdf.set_font("Helvetica", "", 10)
            with pdf.table(col_widths=(28, 108, 30), text_align="LEFT") as table:
                for row in content:  # type: ignore[union-attr]
                    cells = table.row()
                    for value in row:
                        cells.cell(value)
            pdf.ln(5)
        elif kind == "gap":
            # Start the next paragraph three lines from the foot of the page, so it carries over
            # a page break the way long paragraphs do in real exports.
            pdf.set_y(max(pdf.get_y(), pdf.h - pdf.b_margin - 3 * 6 - 1))
    pdf.output(str(path))


# -- registers ---------------------------------------------------------------------------------

REGISTER_D = """\
case: CSPR Child M (Sheffield)
people:
  - name: Maisie Calloway
    aliases: []
    role: subject child
    gender: female
    date_of_birth: 2017-06-22
    pseudonym: Poppy
  - name: Danielle Calloway
    aliases: [Dani]
    role: mother
    gender: female
    date_of_birth: 1995-09-12
    pseudonym: null
  - name: Ryan Pritchard
    aliases: []
    role: mother's partner
    gender: male
    date_of_birth: 1992-01-30
    pseudonym: null
  - name: Leo Calloway
    aliases: []
    role: half-brother
    gender: male
    date_of_birth: 2020-01-09
    pseudonym: null
  - name: Margaret Hollis
    aliases: []
    role: maternal grandmother
    gender: female
    date_of_birth: 1966-05-04
    pseudonym: null
addresses:
  - address: 14 Fenwick Close, Parson Cross, Sheffield, S5 8QX
    residents: [subject child, mother, mother's partner, half-brother]
  - address: Flat 2, 77 Wensley Street, Darnall, Sheffield, S4 7BN
    residents: [maternal grandmother]
"""

REGISTER_E = """\
case: CSPR Child T (Nottingham City)
people:
  - name: Tyler Brennan
    aliases: [Ty]
    role: subject child
    gender: male
    date_of_birth: 2012-11-03
    pseudonym: Sam
  - name: Kerry Brennan
    aliases: [Kez]
    role: mother
    gender: female
    date_of_birth: 1989-07-21
    pseudonym: null
  - name: Darren Lowe
    aliases: []
    role: mother's former partner
    gender: male
    date_of_birth: null
    pseudonym: null
  - name: Chloe Brennan-Lowe
    aliases: [Chloe Lowe, Chloe Brennan]
    role: half-sister
    gender: female
    date_of_birth: 2016-05-27
    pseudonym: null
  - name: Pauline Brennan
    aliases: []
    role: maternal grandmother
    gender: female
    date_of_birth: null
    pseudonym: null
addresses:
  - address: 9 Harrow Lane, Bulwell, Nottingham, NG6 8PL
    residents: [subject child, mother, half-sister]
  - address: Flat 14, Carrington Court, Sneinton, Nottingham, NG3 2FZ
    residents: [mother's former partner]
    label: a flat            # 'He also rented a flat'
"""


def build_converted(docx_path: Path, folder: Path, suffixes: tuple[str, ...] = (".odt", ".doc")) -> list[Path]:
    """`docx_path` saved by LibreOffice in each of `suffixes`, into `folder`, with its register beside each."""
    import shutil
    import subprocess
    import tempfile

    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is not installed: apt install libreoffice-writer-nogui")
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for suffix in suffixes:
        profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
        try:
            subprocess.run([soffice, "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to",
                            suffix.lstrip("."), "--outdir", str(folder), str(docx_path)],
                           check=True, capture_output=True, timeout=240)
        finally:
            shutil.rmtree(profile, ignore_errors=True)
        target = folder / f"{docx_path.stem}{suffix}"
        register = docx_path.with_name(f"{docx_path.stem}.register.yaml")
        if register.is_file():
            (folder / f"{docx_path.stem}.register.yaml").write_bytes(register.read_bytes())
        made.append(target)
    return made


def main() -> None:
    import sys

    build_review_d(HERE / "review-d.docx")
    build_review_e(HERE / "review-e.pdf")
    (HERE / "review-d.register.yaml").write_text(REGISTER_D, encoding="utf-8")
    (HERE / "review-e.register.yaml").write_text(REGISTER_E, encoding="utf-8")
    print("wrote review-d.docx, review-e.pdf and their registers in", HERE)
    if len(sys.argv) == 3 and sys.argv[1] == "--converted":
        made = build_converted(HERE / "review-d.docx", Path(sys.argv[2]))
        print("wrote", ", ".join(p.name for p in made), "in", sys.argv[2])


if __name__ == "__main__":
    main()
