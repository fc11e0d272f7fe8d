""" "Visie en routeplan" as an editable Word document (python-docx).

Same sections and tables as the PDF (one context, ``roadmap.reports``), with Word's own
heading styles (so the municipality's template restyles them), Word tables and the
charts as PNG images, so staff can paste the texts into their own collegevoorstel.
"""

import io
from collections.abc import Callable

from django.utils import dateformat
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from reporting.charts import charts_export


def _blocks(document, blocks) -> None:
    for kind, content in blocks:
        if kind == "ul":
            for line in content:
                document.add_paragraph(line, style="List Bullet")
        else:
            document.add_paragraph(content)


def _table(document, header: list[str], rows: list[list], *, caption: str = "") -> None:
    if caption:
        document.add_paragraph(caption, style="Caption")
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = str(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = "" if value is None else str(value)
    document.add_paragraph()


def _picture(document, png: bytes | None, title: str, width_cm: float) -> None:
    if png is None:
        return
    document.add_picture(io.BytesIO(png), width=Cm(width_cm))
    document.add_paragraph(title, style="Caption")


def document_docx(context: dict, *, progress: Callable[[int], None]) -> bytes:
    charts = [c for c in (context["radar"], context["progress"], context["timeline"]) if c]
    pngs = dict(
        zip(
            [c.key for c in charts],
            charts_export(charts, fmt="png", scale=2),
            strict=True,
        )
    )
    progress(60)
    sections = context["sections"]
    organisation = context["organisation"]
    document = Document()
    document.core_properties.title = f"{context['report_title']} – {organisation.name}"
    _language(document, "en-GB" if (get_language() or "nl").startswith("en") else "nl-NL")
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)

    _cover(document, context)
    document.add_heading(sections["summary"]["title"], level=1)
    _blocks(document, sections["summary"]["blocks"])
    document.add_page_break()
    numbered = ["decision", "occasion", "vision", "ambition", "organisation", "resources", "risks"]
    for number, anchor in enumerate(numbered, start=1):
        document.add_heading(f"{number}. {sections[anchor]['title']}", level=1)
        _blocks(document, sections[anchor]["blocks"])
        _section_extras(document, context, anchor, pngs)
    _planning(document, context, pngs)
    progress(85)
    _appendices(document, context)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _language(document, tag: str) -> None:
    """The text's language, for Word's spelling check and hyphenation: python-docx's
    template says en-US, and Word would mark every Dutch word as a spelling error."""
    document.core_properties.language = tag
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    language = run_defaults.find(qn("w:lang"))
    if language is None:
        language = run_defaults.makeelement(qn("w:lang"), {})
        run_defaults.append(language)
    language.set(qn("w:val"), tag)


def _cover(document, context: dict) -> None:
    organisation = context["organisation"]
    roadmap = context["roadmap"]
    if organisation.logo:
        try:
            with organisation.logo.open("rb") as handle:
                document.add_picture(io.BytesIO(handle.read()), width=Cm(4.5))
        except (OSError, ValueError):
            pass
    document.add_paragraph(organisation.name)
    document.add_heading(context["report_title"], level=0)
    document.add_paragraph(context["engagement"].title)
    document.add_paragraph(
        _("%(status)s · version %(version)s")
        % {"status": context["document_status"], "version": roadmap.document_version}
    )
    document.add_paragraph(dateformat.format(context["generated_at"], "j F Y"))
    if context["consultancy"]:
        document.add_paragraph(_("Drawn up with %(name)s") % {"name": context["consultancy"]})
    document.add_page_break()


def _section_extras(document, context: dict, anchor: str, pngs: dict) -> None:
    """The tables and charts that follow a section's text."""
    if anchor == "vision" and context["sources"].vision:
        _table(
            document,
            [_("Statement"), _("Agree"), _("With reservations"), _("Disagree")],
            [
                [s.text, s.agree, s.agree_with_reservations, s.disagree]
                for s in context["sources"].vision.statements
            ],
            caption=_("Support for the vision statements in the session"),
        )
    if anchor == "ambition":
        _table(
            document,
            [_("Dimension"), _("Now"), _("Target")],
            [[g["name"], g["current"], g["target"]] for g in context["gaps"]],
            caption=_("Level now and target per dimension"),
        )
        if context["radar"]:
            _picture(document, pngs.get(context["radar"].key), context["radar"].title, 13)
    if anchor == "resources" and context["has_estimates"]:
        _table(
            document,
            [_("Year"), _("Actions"), _("Estimated"), _("Cost"), _("FTE")],
            [
                [b["year"], b["actions"], b["estimated"], b["cost"], b["fte"]]
                for b in context["budgets"]
            ]
            + [
                [
                    _("Total"),
                    "",
                    "",
                    context["budget_total"]["cost"],
                    context["budget_total"]["fte"],
                ]
            ],
            caption=_("Estimated cost and FTE per year the actions start"),
        )


def _planning(document, context: dict, pngs: dict) -> None:
    roadmap = context["roadmap"]
    document.add_heading(f"8. {_('Implementation and planning')}", level=1)
    facts = context["document"].facts
    if context["span_label"]:
        document.add_paragraph(
            _(
                "The roadmap holds %(count)s actions, %(span)s, with at most %(capacity)s "
                "actions at the same time."
            )
            % {
                "count": facts.action_count,
                "span": context["span_label"],
                "capacity": roadmap.capacity,
            }
        )
    document.add_paragraph(
        _(
            "Data maturity is measured again in %(month)s; the roadmap is then adjusted to "
            "the new measurement."
        )
        % {"month": dateformat.format(context["next_measurement"], "F Y")}
    )
    if context["progress"]:
        _picture(document, pngs.get(context["progress"].key), context["progress"].title, 15)
    if context["timeline"]:
        section = document.add_section()
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
        _picture(document, pngs.get(context["timeline"].key), context["timeline"].title, 24)
        section = document.add_section()
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = section.page_height, section.page_width
    for year in context["overview"].years:
        document.add_heading(
            _("Year %(number)s: %(year)s") % {"number": year.number, "year": year.year}, level=2
        )
        _table(
            document,
            [_("When"), _("Action"), _("Owner"), _("Why")],
            [
                [
                    item.start.label
                    + (f" – {item.end.label}" if item.duration_quarters > 1 else ""),
                    f"{item.title}\n{item.dimension_name}"
                    + (f"\n{item.description}" if item.description else ""),
                    item.owner or "–",
                    "\n".join(item.public_reasons),
                ]
                for item in year.items
            ],
        )


def _appendices(document, context: dict) -> None:
    document.add_heading(_("Appendix C. Baseline"), level=1)
    _table(
        document,
        [_("Dimension"), _("Now"), _("Target"), pgettext("maturity", "Gap")],
        [[g["name"], g["current"], g["target"], g["size"]] for g in context["gaps"]],
    )
    document.add_heading(_("Appendix D. Method"), level=1)
    document.add_paragraph(
        _(
            "The route ran in four steps: a short survey among management, an inspiration and "
            "vision session in which participants voted on statements, a baseline of data "
            "maturity on seven dimensions with five levels, and this roadmap."
        )
    )
