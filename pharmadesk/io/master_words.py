"""The words a product list uses for the product master's codes (OTC class, storage condition), in English and
Chinese, as suppliers' and other programs' exports write them: 甲类 / 乙类 / A / B, 常温 / 阴凉 / 冷藏 or ambient /
cool / cold, "2-8℃" and "阴凉处保存" included. Pure: the importer calls these and reports a ValidationError
per cell."""

from __future__ import annotations

import re

from pharmadesk.errors import QT_TRANSLATE_NOOP, ValidationError

_OTC_CLASSES = {"a": "a", "甲": "a", "甲类": "a", "otc甲": "a", "otc甲类": "a", "otc_a": "a", "otca": "a", "红": "a",
                "b": "b", "乙": "b", "乙类": "b", "otc乙": "b", "otc乙类": "b", "otc_b": "b", "otcb": "b", "绿": "b"}
_NOT_OTC = {"-", "无", "rx", "处方", "处方药", "none", "n/a"}       # a prescription drug's cell in the same column
_STORAGE = {"ambient": "ambient", "room": "ambient", "room_temperature": "ambient", "normal": "ambient",
            "cool": "cool", "cold": "cold", "refrigerated": "cold", "fridge": "cold", "2_8": "cold"}
_COLD = re.compile(r"冷藏|2\s*[-~～至]\s*8\s*(℃|°C|度)?")


def otc_class(value: str) -> str | None:
    """'甲类', 'OTC乙类', 'A', 'b' -> 'a' / 'b'; a prescription drug's '处方药' or '-' -> None."""
    key = re.sub(r"[\s\-()（）]+", "", value.lower()).replace("类别", "类")
    if value.strip().lower() in _NOT_OTC or key in _NOT_OTC:
        return None
    if key in _OTC_CLASSES:
        return _OTC_CLASSES[key]
    raise ValidationError(QT_TRANSLATE_NOOP("import", "Enter the OTC class as 甲类 or 乙类 (A or B)."))


def storage_condition(value: str) -> str:
    """'常温', '阴凉', '冷藏', 'ambient', 'cool', 'cold', or a label's phrase ('遮光，密封，在阴凉处保存', '2-8℃')."""
    key = re.sub(r"[\s\-]+", "_", value.strip().lower())
    if key in _STORAGE:
        return _STORAGE[key]
    if _COLD.search(value):
        return "cold"
    if "阴凉" in value or "凉暗" in value or "≤20" in value.replace(" ", "") or "20℃以下" in value:
        return "cool"
    if "常温" in value or "室温" in value:
        return "ambient"
    raise ValidationError(QT_TRANSLATE_NOOP(
        "import", "Enter the storage condition as 常温, 阴凉 or 冷藏 (ambient, cool or cold)."))
