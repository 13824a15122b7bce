"""The board pack: a PDF for the steering committee, built by `build_board_pack()` (no Qt)."""

from pmo_desktop.reports.board_pack import (
    PAGE_SIZE_NAMES,
    SECTIONS,
    BoardPackCancelled,
    BoardPackError,
    BoardPackOptions,
    BoardPackResult,
    build_board_pack,
    parse_language,
    parse_period,
    parse_sections,
    remember_options,
    remembered_options,
)

__all__ = ["PAGE_SIZE_NAMES", "SECTIONS", "BoardPackCancelled", "BoardPackError", "BoardPackOptions",
           "BoardPackResult", "build_board_pack", "parse_language", "parse_period", "parse_sections", "remember_options",
           "remembered_options"]
