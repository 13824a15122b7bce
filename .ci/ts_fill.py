"""Fill translations into a Qt Linguist .ts file from a JSON of {English: translation}.

For batch work on many texts at once (Qt Linguist is the tool for reviewing them one by one):
    python .ci/ts_fill.py resources/i18n/pmo_desktop_zh_CN.ts new-texts.json
Only messages still unfinished are filled; a text already translated is left as it is. Prints what is
still unfinished afterwards. Uses the standard library's XML parser on our own file.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET  # our own checked-in file, not untrusted input


def fill(ts_path: str, texts: dict[str, str]) -> list[str]:
    tree = ET.parse(ts_path)
    left = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        if source in texts:
            translation.text = texts[source]
            del translation.attrib["type"]
        else:
            left.append(source)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    with open(ts_path, encoding="utf-8") as fh:
        body = fh.read()
    if "<!DOCTYPE TS>" not in body:
        body = body.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
        with open(ts_path, "w", encoding="utf-8") as fh:
            fh.write(body)
    return left


if __name__ == "__main__":
    ts, source = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as fh:
        remaining = fill(ts, json.load(fh))
    for text in remaining:
        print("unfinished:", text)
