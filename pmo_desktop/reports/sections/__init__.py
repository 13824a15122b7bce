"""One module per board-pack section. Each has `TITLE` and `build(data, ctx) -> list[Flowable]`.

The order here is the order in the pack and the names are what `--sections` accepts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pmo_desktop.reports.base import DrawLater, RenderState, Styles


@dataclass
class SectionContext:
    styles: Styles
    width: float  # the body frame
    height: float
    tick: Callable[[], None]  # advance the progress bar (and honour a cancel request)
    cover_size: tuple[float, float] = (0, 0)  # the cover page's frame
    sections: tuple[str, ...] = ()  # the sections in this pack, in order
    state: RenderState | None = None

    def chart(self, flowable):
        """A costly drawing (matplotlib image, reportlab Drawing), drawn only in passes that are saved."""
        return DrawLater(flowable, self.state) if self.state is not None else flowable


def _modules():
    from pmo_desktop.reports.sections import (
        appendix,
        benefits,
        capacity,
        changes,
        contents,
        cover,
        financials,
        milestones,
        programmes,
        projects,
        risks,
        roadmap,
        status,
        summary,
        trends,
    )

    return {"cover": cover, "contents": contents, "summary": summary, "status": status, "trends": trends,
            "roadmap": roadmap,
            "financials": financials, "capacity": capacity, "benefits": benefits, "risks": risks, "milestones": milestones, "changes": changes,
            "programmes": programmes, "projects": projects, "appendix": appendix}


SECTION_MODULES = _modules()
