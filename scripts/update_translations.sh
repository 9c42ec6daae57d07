#!/bin/sh
# Refresh the translation sources from the code, then compile them.
#
#   scripts/update_translations.sh            # uses pyside6-lupdate / pyside6-lrelease from PATH
#   PYSIDE_BIN=/tmp/venv/bin scripts/update_translations.sh
#
# lupdate reads every pharmadesk/**/*.py: self.tr(...) in widgets (context = class name),
# QCoreApplication.translate("context", "...") and the domain's QT_TRANSLATE_NOOP("errors"/"actions", ...)
# markers. New strings arrive in the .ts files as "unfinished": translate them (Qt Linguist, or
# edit the XML), then run this script again so the .qm files match. tests/ui/test_language.py
# fails while any entry is unfinished or a shipped .qm differs from what lrelease makes of its .ts.
set -eu
cd "$(dirname "$0")/.."
BIN="${PYSIDE_BIN:+$PYSIDE_BIN/}"
OUT=resources/translations
FILES=$(find pharmadesk -name '*.py' | LC_ALL=C sort)
for lang in zh_CN en; do
    # -no-obsolete drops strings the code no longer has; -locations none keeps diffs small.
    "${BIN}pyside6-lupdate" $FILES -no-obsolete -locations none -target-language "$lang" -ts "$OUT/pharmadesk_$lang.ts"
    "${BIN}pyside6-lrelease" "$OUT/pharmadesk_$lang.ts" -qm "$OUT/pharmadesk_$lang.qm"
done
