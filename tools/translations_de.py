"""German for the UI strings marked so far: fills resources/translations/console_de.ts.

Run after tools/translations.sh has collected new strings (it keeps what is filled in); then
run tools/translations.sh again to compile. Written by the development team: a German-speaking
practitioner should review it (the patient-facing texts have their own review note).
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

GERMAN = {
    "A different person: register": "Eine andere Person: aufnehmen",
    "Accents and case do not matter. Dates day first: 11/12/1990 is 11 December.":
        "Akzente und Groß-/Kleinschreibung spielen keine Rolle. Datum mit dem Tag zuerst: "
        "11/12/1990 ist der 11. Dezember.",
    "Allergies": "Allergien",
    "Allergies: {allergies}": "Allergien: {allergies}",
    "As the patient writes it, any script": "Wie die Person ihn schreibt, in jeder Schrift",
    "Born": "Geboren",
    "Born {date} (age {age})": "Geboren {date} ({age} Jahre)",
    "Cancel": "Abbrechen",
    "Day first, e.g. 24.11.1990": "Tag zuerst, z. B. 24.11.1990",
    "E.g. lidocaine, nickel": "Z. B. Lidocain, Nickel",
    "Edit details…": "Angaben bearbeiten…",
    "Edit patient details": "Angaben der Patientin / des Patienten bearbeiten",
    "Email": "E-Mail",
    "Find a patient": "Patientin / Patienten suchen",
    "Find or register a patient": "Patientin / Patienten suchen oder aufnehmen",
    "Finish": "Abschluss",
    "Fitzpatrick I–VI; click again to clear": "Fitzpatrick I–VI; erneut klicken zum Löschen",
    "Fitzpatrick type {type}": "Fitzpatrick-Typ {type}",
    "Fitzpatrick {type}": "Fitzpatrick {type}",
    "History at a glance": "Verlauf auf einen Blick",
    "Language": "Sprache",
    "Last visit": "Letzter Besuch",
    "Name": "Name",
    "Name, date of birth, phone or email": "Name, Geburtsdatum, Telefon oder E-Mail",
    "No patient found. Register them?": "Niemand gefunden. Neu aufnehmen?",
    "No visits yet.": "Noch keine Behandlungen.",
    "Notes": "Notizen",
    "Notes: {notes}": "Notizen: {notes}",
    "Of the aftercare sheet, consent and calendar file":
        "Des Nachsorgeblatts, der Einwilligung und der Kalenderdatei",
    "Open it, or confirm that this is a different person.":
        "Öffnen Sie sie, oder bestätigen Sie, dass es eine andere Person ist.",
    "Open the existing patient": "Vorhandene Akte öffnen",
    "Optional": "Optional",
    "Phone": "Telefon",
    "Plan": "Planung",
    "Prep": "Vorbereitung",
    "Register": "Aufnehmen",
    "Register a new patient": "Neue Patientin / neuen Patienten aufnehmen",
    "Register a new patient…": "Neue Patientin / neuen Patienten aufnehmen…",
    "Resume visit (at {step})": "Behandlung fortsetzen (bei {step})",
    "Save changes": "Änderungen speichern",
    "Screening": "Ausschlusskriterien",
    "Skin type": "Hauttyp",
    "Start visit": "Behandlung beginnen",
    "The clinic's language": "Sprache der Praxis",
    "The first 50: type more to narrow it down.": "Die ersten 50: weiter tippen, um einzugrenzen.",
    "Treat": "Behandlung",
    "Type to search. Enter or double-click opens a patient; ↓ moves into the list.":
        "Zum Suchen tippen. Enter oder Doppelklick öffnet die Akte; ↓ springt in die Liste.",
    "born {date}": "geboren {date}",
    "error message": "Fehlermeldung",
    "in progress": "läuft",
    "never": "nie",
    "no areas": "keine Bereiche",
    "stopped": "abgebrochen",
    "{count} found": "{count} gefunden",
    "{field}: error": "{field}: Fehler",
    "Create the first admin account": "Das erste Administrationskonto anlegen",
    "Nobody can sign in to this console yet. The admin manages settings, the protocol library, "
    "the other accounts and the audit trail. Use 4 to 12 digits as a PIN, or a password of at "
    "least 8 characters.":
        "Noch kann sich niemand an dieser Konsole anmelden. Die Administration verwaltet die "
        "Einstellungen, die Protokollbibliothek, die anderen Konten und das Prüfprotokoll. "
        "Verwenden Sie 4 bis 12 Ziffern als PIN oder ein Passwort mit mindestens 8 Zeichen.",
    "e.g. Dr Amara Okafor": "z. B. Dr. Amara Okafor",
    "Your name as it will appear": "Ihr Name, wie er angezeigt wird",
    "PIN or password": "PIN oder Passwort",
    "The same again": "Noch einmal dasselbe",
    "Create admin account and sign in": "Administrationskonto anlegen und anmelden",
    "Locked": "Gesperrt",
    "Unlock": "Entsperren",
    "the practitioner": "die behandelnde Person",
    "Patient data is hidden. {name}: enter your PIN to carry on where you were. Someone else "
    "can choose their name and sign in; the visit stays as it is.":
        "Patientendaten sind ausgeblendet. {name}: Geben Sie Ihre PIN ein, um dort "
        "weiterzumachen, wo Sie waren. Jemand anderes kann den eigenen Namen wählen und sich "
        "anmelden; die Behandlung bleibt, wie sie ist.",
    "Choose your name first.": "Wählen Sie zuerst Ihren Namen.",
    "sign in as {name}": "als {name} anmelden",
    "PIN": "PIN",
    "Sign in": "Anmelden",
    "delete last digit": "letzte Ziffer löschen",
    "Who is treating?": "Wer behandelt?",
    "Choose your name, then type your PIN and press Enter.":
        "Wählen Sie Ihren Namen, tippen Sie dann Ihre PIN und drücken Sie Enter.",
    "{count} account(s) have no PIN yet: an admin can set one in Settings.":
        "{count} Konto/Konten ohne PIN: die Administration kann in den Einstellungen eine "
        "festlegen.",
    "PIN for {name}": "PIN für {name}",
    "Type your PIN, then press Enter.": "Tippen Sie Ihre PIN und drücken Sie Enter.",
    "Resume an interrupted visit": "Unterbrochene Behandlung fortsetzen",
    "{name} — started {when} — stopped at {step}":
        "{name} — begonnen {when} — unterbrochen bei {step}",
    "Resume selected visit": "Gewählte Behandlung fortsetzen",
    "Not now": "Jetzt nicht",
    "A visit was not finished (the console was closed or the PC stopped).\nEvery completed "
    "pass is kept. Resume it where it stopped?":
        "Eine Behandlung wurde nicht abgeschlossen (die Konsole wurde geschlossen oder der PC "
        "ist ausgefallen).\nJeder abgeschlossene Durchgang ist gespeichert. Dort fortsetzen, "
        "wo sie unterbrochen wurde?",
}  # fmt: skip


def fill(ts: Path) -> list[str]:
    """Fill every message German knows; returns the sources still without a translation."""
    tree = ET.parse(ts)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in GERMAN:
            translation.text = GERMAN[source]
            translation.attrib.pop("type", None)
        elif not (translation.text or "").strip():
            missing.append(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    left = fill(Path(__file__).resolve().parents[1] / "resources/translations/console_de.ts")
    for source in left:
        print(f"no German yet: {source}", file=sys.stderr)
    sys.exit(1 if left else 0)
