"""People's skills as chips with their levels (Python 5, SQL 4) in the register, and a small editor to
add, remove and grade them. What is stored is unchanged: the editor writes "Python:5; SQL:4" through
the register, so it is checked, undoable and the same as a paste."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from pmo_desktop.capacity.model import CapacityInputError, parse_skills
from pmo_desktop.gui.registers.register_model import RAW_ROLE
from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.gui.widgets.tr import QT_TRANSLATE_NOOP, tr

LEVELS = {1: QT_TRANSLATE_NOOP("", "Aware"), 2: QT_TRANSLATE_NOOP("", "Working"), 3: QT_TRANSLATE_NOOP("", "Practitioner"),
          4: QT_TRANSLATE_NOOP("", "Advanced"), 5: QT_TRANSLATE_NOOP("", "Expert")}
_CHIP_BG, _CHIP_TEXT, _LEVEL_BG = QColor("#E8EAF6"), QColor("#263238"), QColor("#3949AB")


def skills_of(text: str | None) -> list[tuple[str, int]]:
    try:
        return sorted(parse_skills(text).items(), key=lambda kv: kv[0].casefold())
    except CapacityInputError:
        return []


def skills_text(skills: list[tuple[str, int]]) -> str:
    return "; ".join(f"{name}:{level}" for name, level in skills)


class SkillChipsDelegate(QStyledItemDelegate):
    """Paints "Skill n" chips; double-click (or F2) opens the skills editor."""

    def paint(self, painter: QPainter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the cell's background and selection, then the chips
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        skills = skills_of(index.data(RAW_ROLE))
        metrics = QFontMetrics(option.font)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x, y = option.rect.x() + 4, option.rect.y() + 3
        h = option.rect.height() - 6
        right = option.rect.right() - 4
        for name, level in skills:
            name_w = metrics.horizontalAdvance(name) + 10
            level_w = metrics.horizontalAdvance("5") + 10
            if x + name_w + level_w > right:
                painter.setPen(QPen(_CHIP_TEXT))
                painter.drawText(QRectF(x, y, right - x, h), Qt.AlignmentFlag.AlignVCenter, "…")
                break
            chip = QRectF(x, y, name_w + level_w, h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_CHIP_BG)
            painter.drawRoundedRect(chip, 4, 4)
            painter.setBrush(_LEVEL_BG)
            painter.drawRoundedRect(QRectF(x + name_w, y, level_w, h), 4, 4)
            painter.setPen(QPen(_CHIP_TEXT))
            painter.drawText(QRectF(x, y, name_w, h), Qt.AlignmentFlag.AlignCenter, name)
            painter.setPen(QPen(QColor("#FFFFFF")))
            painter.drawText(QRectF(x + name_w, y, level_w, h), Qt.AlignmentFlag.AlignCenter, str(level))
            x += name_w + level_w + 6
        painter.restore()

    def helpEvent(self, event, view, option, index):  # noqa: N802 - Qt override
        skills = skills_of(index.data(RAW_ROLE))
        if skills:
            from PySide6.QtWidgets import QToolTip

            QToolTip.showText(event.globalPos(), "\n".join(f"{n}: {lvl} – {shown(LEVELS.get(lvl, ''))}" for n, lvl in skills),
                              view)
            return True
        return super().helpEvent(event, view, option, index)

    def createEditor(self, parent, option, index):  # noqa: N802
        return None  # edited in SkillsDialog (editorEvent)

    def editorEvent(self, event, model, option, index) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.MouseButtonDblClick and index.flags() & Qt.ItemFlag.ItemIsEditable:
            edit_skills(option.widget, model, index)
            return True
        return super().editorEvent(event, model, option, index)


def edit_skills(parent, model, index) -> bool:
    """Open the editor for one person's skills; on OK the register stores them as one undoable step."""
    dialog = SkillsDialog(skills_of(index.data(RAW_ROLE)), parent)
    dialog.setWindowTitle((tr("Skills") + f" — {index.siblingAtColumn(0).data() or ''}").rstrip(" —"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return bool(model.setData(index, skills_text(dialog.skills())))


class SkillsDialog(QDialog):
    def __init__(self, skills: list[tuple[str, int]], parent=None):
        super().__init__(parent)
        self.setObjectName("skillsDialog")
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([tr("Skill"), tr("Level (1 aware – 5 expert)")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 200)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for name, level in skills:
            self.add_skill(name, level)
        add = QPushButton(tr("Add skill"))
        add.clicked.connect(lambda: self.add_skill("", 3, edit=True))
        remove = QPushButton(tr("Remove"))
        remove.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Each skill with a level from 1 (aware) to 5 (expert).")))
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(440, 360)

    def add_skill(self, name: str, level: int, *, edit: bool = False) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, 0, QTableWidgetItem(name))
        box = QSpinBox()
        box.setRange(1, 5)
        box.setValue(level)
        box.setSuffix("")
        box.setToolTip(", ".join(f"{n} {shown(w)}" for n, w in LEVELS.items()))
        self.table.setCellWidget(r, 1, box)
        if edit:
            self.table.setCurrentCell(r, 0)
            self.table.editItem(self.table.item(r, 0))

    def remove_selected(self) -> None:
        for r in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(r)

    def skills(self) -> list[tuple[str, int]]:
        out = []
        for r in range(self.table.rowCount()):
            name = (self.table.item(r, 0).text() if self.table.item(r, 0) else "").strip()
            if name:
                out.append((name, self.table.cellWidget(r, 1).value()))
        return out
