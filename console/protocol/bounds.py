"""The largest protocol library the console accepts: every number, text, list and the file.

One place for the limits that the editor, saving and import all check (``protocol_check``).
They are not clinical defaults (those are data in ``resources/protocol``): they keep a typing
slip or a damaged or hostile file from becoming a version that every later visit and sheet
would carry. The shipped library sits far inside every one of them; a sheet built from the
largest allowed library still builds in well under a second (``bench/bench_protocol_bounds``).
"""

from __future__ import annotations

from decimal import Decimal

# -- the file ---------------------------------------------------------------------------------
# The shipped library exports to about 12 KB: a thousand times that is no clinic's own text.
MAX_FILE_BYTES = 2_000_000
# export › library › zones › zone › typical › concern › [from, to] is 7 levels: 16 is room,
# and stops a file nested thousands deep before anything walks it.
MAX_NESTING = 16

# -- depths (mm) ------------------------------------------------------------------------------
# No microneedling pen on the market goes past 3 mm; a device deeper than this is a slip (25
# for 2.5). Typical ranges and warnings live inside a device's range, so inside this too.
MAX_DEPTH_MM = Decimal("5")
# Finer than any pen's dial (SkinPen 0.25, Dermapen 0.1 mm); smaller steps are a slip too.
MIN_STEP_MM = Decimal("0.01")

# -- times ------------------------------------------------------------------------------------
# Aftercare advice runs from the end of the visit for at most a year (sun protection for a
# few months is the longest the sources give); the sheet prints its dates.
MAX_AFTERCARE_HOURS = Decimal(366 * 24)
# The longest waiting period any source gives is 12 months (isotretinoin): two years in any
# unit is room for a cautious clinic, and keeps the computed date a real date.
MAX_WAIT = {"months": 24, "weeks": 104, "days": 730}
# Whole numbers that are already bounded by their own checks (kept here as the one list):
NEEDLE_COUNT = (1, 100)
TARGET_PASSES = (1, 20)
SERIES_SESSIONS = (1, 20)
SERIES_INTERVAL_WEEKS = (1, 52)
NUMBING_WAIT_MINUTES = (1, 240)

# -- texts (characters) -----------------------------------------------------------------------
MAX_ID = 40  # ids are short keys stored on every visit row
# A name is printed in table cells and buttons (zones on the sheet, devices in prep).
MAX_NAME = 80
# A question, rule or line is a sentence or two on the sheet or the screening screen (the
# shipped ones are at most ~130); the sheet's build time grows with its characters.
MAX_TEXT = 240

# -- lists ------------------------------------------------------------------------------------
# About twice the shipped library (3 devices, 14 zones, 21 questions, 6 rules, 4 lines of
# what to expect, 6 reasons to call); a visit may treat every zone and the sheet prints every
# rule and line: these keep the largest sheet to a few pages, built in well under a second.
MAX_ITEMS = {
    "devices": 20,
    "cartridge_types": 60,
    "concerns": 20,
    "zones": 30,
    "endpoints": 3,
    "directions": 8,
    "contraindications": 60,
    "aftercare_rules": 20,
    "what_to_expect": 8,
    "red_flags": 12,
}
# Any other list or object in the file (excluded zones, a zone's typical ranges, keys of one
# item): more entries than this is not a library written by a console.
MAX_ENTRIES = 60
