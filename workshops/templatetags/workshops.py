from django import template

from workshops.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str):
    """Render a slide's Markdown as sanitised HTML."""
    return render_markdown(text)


@register.filter
def minutes_seconds(seconds: int | None) -> str:
    if seconds is None:
        return ""
    return f"{seconds // 60}:{seconds % 60:02d}"
