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
    "Name, date of birth, phone or email": "Name, Geburtsdatum, Tel., E-Mail",
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
    # The form's heading, in the title's large type: short enough for a 1366-pixel screen.
    "Register a new patient": "Neue Person aufnehmen",
    "Register a new patient…": "Neue Person aufnehmen…",
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


# Records, Settings and the read-only lists (issue 16, second pass).
GERMAN.update({
    # Records: search, tabs, the patient's record
    "Find a patient: name, birth date, phone or e-mail":
        "Patientin / Patienten suchen: Name, Geburtsdatum, Telefon oder E-Mail",
    "patient search": "Patientensuche",
    "Patient record": "Patientenakte",
    "Lot recall": "Chargenrückruf",
    "Due list": "Fälligkeitsliste",
    "Day log": "Tagesprotokoll",
    " · last visit {date}": " · letzter Besuch {date}",
    "No patient matches.": "Keine passende Akte gefunden.",
    "Date": "Datum",
    "Practitioner": "Behandelnde Person",
    "Areas": "Bereiche",
    "Passes": "Durchgänge",
    "Time": "Zeit",
    "Status": "Status",
    "Amended": "Nachgetragen",
    "Sheet": "Blatt",
    "Export record…": "Akte exportieren…",
    "Erasure request…": "Löschantrag…",
    "Open / reprint sheet…": "Blatt öffnen / erneut drucken…",
    "Visit": "Behandlung",
    "Question": "Frage",
    "Answer": "Antwort",
    "Safe from": "Unbedenklich ab",
    "Note": "Notiz",
    "By": "Von",
    "Charts": "Diagramme",
    "Visits": "Behandlungen",
    "Screening history": "Verlauf der Ausschlusskriterien",
    "Consents": "Einwilligungen",
    "Photos": "Fotos",
    "Born {date}": "Geboren {date}",
    "no phone": "kein Telefon",
    "no e-mail": "keine E-Mail",
    "ANONYMISED {date}": "ANONYMISIERT {date}",
    "<b>Series:</b> {series}": "<b>Serie:</b> {series}",
    "yes": "ja",
    "no": "nein",
    "This visit cannot be shown in full: {error}":
        "Diese Behandlung kann nicht vollständig angezeigt werden: {error}",
    "No sheet was archived for this visit.":
        "Für diese Behandlung wurde kein Nachsorgeblatt archiviert.",
    "Export record": "Akte exportieren",
    "Erasure request": "Löschantrag",
    "Anonymise this patient? Name, birth date and contacts are removed for good;\n"
    "the treatment record is kept (retention). Reason / date of the request:":
        "Diese Person anonymisieren? Name, Geburtsdatum und Kontaktdaten werden endgültig "
        "entfernt;\ndie Behandlungsdokumentation bleibt erhalten (Aufbewahrungspflicht). "
        "Grund / Datum des Antrags:",
    "Aftercare sheet": "Nachsorgeblatt",
    "Exported {visits} visits and {sheets} sheets to {path}":
        "{visits} Behandlungen und {sheets} Blätter exportiert nach {path}",
    "visit detail (read-only)": "Behandlungsdetails (nur lesen)",
    # Records: consents
    "Signed consent": "Unterschriebene Einwilligung",
    "Print…": "Drucken…",
    "Print signed consent": "Unterschriebene Einwilligung drucken",
    "Printed.": "Gedruckt.",
    "Signed": "Unterschrieben",
    "Consent": "Einwilligung",
    "Version": "Version",
    "Signed by": "Unterschrieben von",
    "Witness": "Zeuge / Zeugin",
    "State": "Stand",
    "Open / reprint PDF…": "PDF öffnen / erneut drucken…",
    "Withdraw consent…": "Einwilligung widerrufen…",
    "Withdraw consent": "Einwilligung widerrufen",
    "Withdraw “{title}”? Treatment is refused until a new consent is signed.\n"
    "Reason (the patient's words, how it was received):":
        "„{title}“ widerrufen? Bis eine neue Einwilligung unterschrieben ist, wird nicht "
        "behandelt.\nGrund (in den Worten der Person, und wie er übermittelt wurde):",
    # Records: due list and day log
    "Practitioner / time": "Behandelnde Person / Uhrzeit",
    "Patient": "Patient/in",
    "Needling": "Needling",
    "Day": "Tag",
    "{count} visits": "{count} Behandlungen",
    "{visits} visits by {people} practitioners":
        "{visits} Behandlungen durch {people} behandelnde Personen",
    " days ahead": " Tage im Voraus",
    " days": " Tage",
    "Next due": "Nächster Termin fällig",
    "E-mail": "E-Mail",
    "Sessions": "Sitzungen",
    "Show sessions due within": "Sitzungen zeigen, die fällig werden innerhalb von",
    "and overdue by up to": "und bis zu überfällig seit",
    "overdue {days} d": "{days} T überfällig",
    "due": "fällig",
    "{done} of {planned}": "{done} von {planned}",
    "{count} patients: {due} due, {overdue} overdue (double-click to open the record)":
        "{count} Personen: {due} fällig, {overdue} überfällig (Doppelklick öffnet die Akte)",
    # Records: lot recall
    "Item": "Artikel",
    "GTIN": "GTIN",
    "Lot": "Charge",
    "Serial": "Seriennummer",
    "Scan a box from the recalled lot, or type the lot number":
        "Eine Packung der zurückgerufenen Charge scannen oder die Chargennummer eingeben",
    "lot or scanned label": "Charge oder gescanntes Etikett",
    "GTIN (optional)": "GTIN (optional)",
    "Find": "Suchen",
    "Export CSV…": "CSV exportieren…",
    "Printable list (PDF)…": "Druckbare Liste (PDF)…",
    "{query}: {visits} visits, {patients} patients":
        "{query}: {visits} Behandlungen, {patients} Personen",
    "{query}: no visit used this lot.": "{query}: keine Behandlung hat diese Charge verwendet.",
    "Save recall list": "Rückrufliste speichern",
    "Saved {count} rows to {path}": "{count} Zeilen gespeichert in {path}",
    "Saved the printable list to {path}": "Druckbare Liste gespeichert in {path}",
    # Settings: clinic and room
    "Clinic name": "Name der Praxis",
    "Address": "Adresse",
    "Website": "Website",
    "Booking link": "Buchungslink",
    "Logo": "Logo",
    "Time zone": "Zeitzone",
    "Paper size": "Papierformat",
    "Dates written as": "Datumsformat",
    "Room printer": "Drucker im Raum",
    "https://www.your-clinic.example": "https://www.ihre-praxis.example",
    "printed as a QR code on the sheet": "wird als QR-Code auf das Blatt gedruckt",
    "The language of the dates": "Die Sprache des Datumsformats",
    "e.g. {example}": "z. B. {example}",
    "System default printer": "Standarddrucker des Systems",
    "{name} (not found now)": "{name} (derzeit nicht gefunden)",
    "Choose…": "Auswählen…",
    "Remove": "Entfernen",
    "Choose the clinic's logo": "Logo der Praxis auswählen",
    "Images (*.png *.jpg *.jpeg)": "Bilder (*.png *.jpg *.jpeg)",
    "no logo": "kein Logo",
    "logo not found": "Logo nicht gefunden",
    "Start / stop pass": "Durchgang starten / stoppen",
    "Next area": "Nächster Bereich",
    "Previous area": "Vorheriger Bereich",
    "Lock the screen": "Bildschirm sperren",
    " min": " Min.",
    "Lock when idle for": "Sperren nach Untätigkeit von",
    "Type size": "Schriftgröße",
    "A foot pedal is a keyboard that sends one key. Click a field, then press the key or the "
    "pedal. The type size applies at the next start.":
        "Ein Fußpedal ist eine Tastatur, die eine einzige Taste sendet. Klicken Sie in ein "
        "Feld und drücken Sie dann die Taste oder das Pedal. Die Schriftgröße gilt ab dem "
        "nächsten Start.",
    "Press the key or pedal now…": "Jetzt Taste oder Pedal drücken…",
    "(none: click to choose)": "(keine: zum Auswählen klicken)",
    "key: {key}": "Taste: {key}",
    "none": "keine",
    # Settings: about
    "Console version": "Version der Konsole",
    "Database schema": "Datenbankschema",
    "Database file": "Datenbankdatei",
    "Data folder": "Datenordner",
    "Backups": "Sicherungen",
    "Aftercare sheets": "Nachsorgeblätter",
    "Log files": "Protokolldateien",
    ", newest {when}": ", neueste {when}",
    "{folder} ({count} kept{newest})": "{folder} ({count} aufbewahrt{newest})",
    # Settings: consent texts
    "consent template": "Einwilligungsvorlage",
    "sections: ## heading, then its text": "Abschnitte: ## Überschrift, dann ihr Text",
    "This change matters to patients: everyone signs again at their next visit":
        "Wesentliche Änderung für die Patienten: alle unterschreiben beim nächsten Besuch neu",

    "What changed (kept with the version)": "Was wurde geändert (wird mit der Version gespeichert)",
    "Save as a new version": "Als neue Version speichern",
    " months": " Monate",
    "after the period only": "nur nach Ablauf der Frist",
    "after the period, and at each new series": "nach Ablauf der Frist und bei jeder neuen Serie",
    "e.g. Room 2": "z. B. Raum 2",
    "Save renewal rule": "Erneuerungsregel speichern",
    "Valid for": "Gültig für",
    "renewed": "erneuert",
    "Room": "Raum",
    "Template": "Vorlage",
    "Title": "Titel",
    "Sections": "Abschnitte",
    "Declaration": "Erklärung",
    "Library version {version}. English is shown; other languages are kept as they are.":
        "Bibliotheksversion {version}. Angezeigt wird Englisch; andere Sprachen bleiben, "
        "wie sie sind.",
    "Only an admin can change the consent texts.":
        "Nur die Administration kann die Einwilligungstexte ändern.",
    "Photo use “{choice}”": "Fotonutzung „{choice}“",
    "Saved as library version {version}.": "Als Bibliotheksversion {version} gespeichert.",
    "Renewal rule saved.": "Erneuerungsregel gespeichert.",
    "These settings belong to this PC: they are kept in {path}, not in the clinic's database, "
    "so each room has its own.":
        "Diese Einstellungen gehören zu diesem PC: Sie liegen in {path}, nicht in der Datenbank "
        "der Praxis, daher hat jeder Raum seine eigenen.",
    # Settings: the sheet's texts per language, and the preview
    "English": "Englisch",
    "On the sheet": "Auf dem Blatt",
    "Language of the texts": "Sprache der Texte",
    "Save texts": "Texte speichern",
    "Words in {braces} are filled in by the sheet: keep them. An empty text goes back to the "
    "shipped one.":
        "Wörter in {Klammern} füllt das Blatt aus: lassen Sie sie stehen. Ein leerer Text "
        "kehrt zum ausgelieferten zurück.",
    "Needs review: {note}": "Prüfung nötig: {note}",
    "Row {row}: {message}": "Zeile {row}: {message}",
    "Not saved.": "Nicht gespeichert.",
    "Saved {count} change(s).": "{count} Änderung(en) gespeichert.",
    "Nothing changed.": "Nichts geändert.",
    "A sample visit, printed with the values being edited now (not yet saved). Nothing is "
    "stored.":
        "Eine Beispielbehandlung, gedruckt mit den gerade bearbeiteten (noch nicht "
        "gespeicherten) Werten. Nichts wird gespeichert.",
    "Language of the preview": "Sprache der Vorschau",
    "The library being edited has problems; fix them to see it here. First: {where}: {message}":
        "Die bearbeitete Bibliothek hat Fehler; beheben Sie sie, um sie hier zu sehen. "
        "Erster: {where}: {message}",
    "The sheet cannot be built with these values: {error}":
        "Mit diesen Werten kann das Blatt nicht erstellt werden: {error}",
    # Settings: the protocol library
    "Hard stop": "Absolutes Ausschlusskriterium",
    "Waiting period": "Wartezeit",
    "Needs clearance": "Ärztliche Freigabe nötig",
    "Prompt": "Hinweis",
    "Wait (e.g. 6 months)": "Wartezeit (z. B. 6 months)",
    "Id": "Kennung",
    "Device": "Gerät",
    "Min mm": "Min. mm",
    "Max mm": "Max. mm",
    "Step mm": "Schritt mm",
    "Warn above": "Warnen über",
    "Warning": "Warnung",
    "Never on": "Nie auf",
    "Cartridge": "Kartusche",
    "Needles": "Nadeln",
    "Concern": "Anliegen",
    "Kind": "Art",
    "Date asked": "Erfragtes Datum",
    "No numbing": "Keine Betäubung",
    "List": "Liste",
    "Rule as printed": "Regel wie gedruckt",
    "From h": "Ab Std.",
    "Until h": "Bis Std.",
    "What to expect": "Was zu erwarten ist",
    "Call the clinic if …": "Rufen Sie die Praxis an, wenn …",
    "Pass directions": "Richtungen der Durchgänge",
    "Endpoint": "Endpunkt",
    "Devices": "Geräte",
    "Cartridge types": "Kartuschentypen",
    "Zones": "Zonen",
    "Concerns": "Anliegen",
    "Zones and typical depths": "Zonen und typische Tiefen",
    "Contraindications": "Kontraindikationen",
    "Aftercare": "Nachsorge",
    "Rules (hours from the end of the visit)": "Regeln (Stunden ab Ende der Behandlung)",
    "When to call": "Wann anrufen",
    "Series & visit": "Serie & Behandlung",
    "Endpoints": "Endpunkte",
    "What changed and why (kept with the version)":
        "Was wurde warum geändert (wird mit der Version gespeichert)",
    "Save as new version": "Neue Version speichern",
    "Export…": "Export…",
    "Import…": "Import…",
    "Preview the sheet": "Blattvorschau",
    "Sessions in a series": "Sitzungen pro Serie",
    "Weeks between sessions": "Wochen zwischen den Sitzungen",
    " weeks": " Wochen",
    "Default target passes per area": "Standardziel an Durchgängen pro Bereich",
    "Numbing cream: default wait": "Betäubungscreme: übliche Einwirkzeit",
    "Numbing cream: shortest wait": "Betäubungscreme: kürzeste Einwirkzeit",
    "Numbing cream: longest wait": "Betäubungscreme: längste Einwirkzeit",
    "Maintenance advice": "Empfehlung zur Erhaltung",
    "Zone": "Zone",
    "Region": "Region",
    " by {name}": " von {name}",
    "Current library: version {version}, saved {when} UTC{who}{note}. Visits keep the version "
    "they were done under.":
        "Aktuelle Bibliothek: Version {version}, gespeichert {when} UTC{who}{note}. "
        "Behandlungen behalten die Version, unter der sie durchgeführt wurden.",
    "{count} problem(s) to fix before saving. First: {where}: {message}":
        "{count} Fehler vor dem Speichern zu beheben. Erster: {where}: {message}",
    "  Saved version {version}.": "  Version {version} gespeichert.",
    "Export the protocol library": "Protokollbibliothek exportieren",
    "Import a protocol library": "Eine Protokollbibliothek importieren",
    "Add": "Hinzufügen",
    "Up": "Nach oben",
    "Down": "Nach unten",
    "… and {count} more": "… und {count} weitere",
    # Left unfilled on main by the lock's and PIN panel's latest words
    "Pass running on {area}: {time}. It keeps counting; unlock to stop it.":
        "Durchgang läuft auf {area}: {time}. Er zählt weiter; entsperren, um ihn zu stoppen.",
    "Type a password instead": "Stattdessen ein Passwort eingeben",
    "Password": "Passwort",
})  # fmt: skip


# Accounts, audit trail, the sheet's preview and the signature box (issue 16, second pass).
GERMAN.update({
    "Name": "Name",
    "Role": "Rolle",
    "practitioner": "behandelnde Person",
    "admin": "Administration",
    "current PIN": "aktuelle PIN",
    "new PIN": "neue PIN",
    "new PIN again": "neue PIN wiederholen",
    "Change my PIN": "Meine PIN ändern",
    "My PIN": "Meine PIN",
    "name as shown at sign-in": "Name, wie bei der Anmeldung angezeigt",
    "Add account": "Konto hinzufügen",
    "new PIN for the selected account": "neue PIN für das gewählte Konto",
    "Set PIN (clears a lockout)": "PIN festlegen (hebt eine Sperre auf)",
    "Deactivate selected": "Gewähltes deaktivieren",
    "Accounts (admin)": "Konten (Administration)",
    "Deactivated": "Deaktiviert",
    "Locked until {time}": "Gesperrt bis {time}",
    "No PIN: cannot sign in": "Keine PIN: Anmeldung nicht möglich",
    "Active": "Aktiv",
    "The two new PINs differ.": "Die beiden neuen PINs stimmen nicht überein.",
    "Your PIN has been changed.": "Ihre PIN wurde geändert.",
    "Account added: {name}.": "Konto hinzugefügt: {name}.",
    "Select an account in the table first.": "Wählen Sie zuerst ein Konto in der Tabelle.",
    "PIN set.": "PIN festgelegt.",
    "Deactivate account": "Konto deaktivieren",
    "Deactivate {name}? They can no longer sign in; their records stay theirs.":
        "{name} deaktivieren? Die Person kann sich nicht mehr anmelden; ihre Einträge "
        "bleiben ihr zugeordnet.",
    "{name} can no longer sign in.": "{name} kann sich nicht mehr anmelden.",
    "When": "Wann",
    "Who": "Wer",
    "Action": "Aktion",
    "Record": "Datensatz",
    "Detail": "Einzelheiten",
    "From": "Von",
    "to": "bis",
    "Verify trail": "Protokoll prüfen",
    "Check every entry against its hash chain and the backups":
        "Jeden Eintrag gegen seine Hash-Kette und die Sicherungen prüfen",
    "Everyone": "Alle",
    "Every action": "Jede Aktion",
    "{group} (all)": "{group} (alle)",
    "{total} entries": "{total} Einträge",
    "Newest {shown} of {total} entries shown; the export holds them all.":
        "Die neuesten {shown} von {total} Einträgen werden gezeigt; der Export enthält alle.",
    "Export the audit trail": "Prüfprotokoll exportieren",
    "CSV files (*.csv)": "CSV-Dateien (*.csv)",
    " Keep this file and its backups as they are and tell whoever looks after the clinic's "
    "records.":
        " Lassen Sie diese Datei und ihre Sicherungen unverändert und informieren Sie die "
        "Person, die die Unterlagen der Praxis betreut.",
    "Not exported: {error}": "Nicht exportiert: {error}",
    "Exported {count} entries to {path}": "{count} Einträge exportiert nach {path}",
    "Page {number}": "Seite {number}",
    "Print to room printer": "Im Raum drucken",
    "Save .ics…": ".ics speichern…",
    "Save the suggested next session as a calendar file (.ics)":
        "Die vorgeschlagene nächste Sitzung als Kalenderdatei (.ics) speichern",
    "Aftercare sheet ready: {pages} page(s), archived.":
        "Nachsorgeblatt fertig: {pages} Seite(n), archiviert.",
    "Print aftercare sheet": "Nachsorgeblatt drucken",
    "Save calendar file": "Kalenderdatei speichern",
    "Calendar file (*.ics)": "Kalenderdatei (*.ics)",
    "Printing…": "Wird gedruckt…",
    "Printing page {done} of {total}…": "Drucke Seite {done} von {total}…",
    " ({copies} copies)": " ({copies} Exemplare)",
    "Sent to {printer}{copies}.": "An {printer}{copies} gesendet.",
    "Calendar file saved: {name}": "Kalenderdatei gespeichert: {name}",
    "signature box: sign here": "Unterschriftsfeld: hier unterschreiben",
    "Sign above the line": "Über der Linie unterschreiben",
    "Read the text to the end first": "Lesen Sie zuerst den Text bis zum Ende",
})  # fmt: skip


# Photos and the consent screen's own words (issue 16, second pass). The consent's text itself
# comes in the patient's language from resources/, not from here.
GERMAN.update({
    "<b>New pictures</b>": "<b>Neue Bilder</b>",
    "<b>Views</b>: press a view's number to file the picture under it.":
        "<b>Ansichten</b>: Drücken Sie die Nummer einer Ansicht, um das Bild dort abzulegen.",
    "After, {time}": "Nachher, {time}",
    "Before, {time}": "Vorher, {time}",
    "Before / after…": "Vorher / nachher…",
    "Before and after": "Vorher und nachher",
    "Camera: {view}": "Kamera: {view}",
    "Camera…": "Kamera…",
    "Close": "Schließen",
    "Could not read {name}.": "{name} konnte nicht gelesen werden.",
    "Done": "Fertig",
    "Enlarge…": "Vergrößern…",
    "Fit": "Einpassen",
    "Ghost: {view}, {date}.": "Überlagerung: {view}, {date}.",
    "Import files…": "Dateien importieren…",
    "Import photos": "Fotos importieren",
    "Last visit's ghost": "Überlagerung vom letzten Besuch",
    "No camera found on this PC.": "Auf diesem PC wurde keine Kamera gefunden.",
    "No camera support installed (pip install .[camera]).":
        "Keine Kameraunterstützung installiert (pip install .[camera]).",
    "No earlier photo of the {view} view.": "Kein früheres Foto der Ansicht „{view}“.",
    "No photos of this patient yet.": "Noch keine Fotos dieser Person.",
    "No picture from the camera yet.": "Noch kein Bild von der Kamera.",
    "No view has both a before and an after photo in this visit.":
        "Bei dieser Behandlung hat keine Ansicht sowohl ein Vorher- als auch ein Nachher-Foto.",
    "No watched folder set for this room.":
        "Für diesen Raum ist kein überwachter Ordner festgelegt.",

    "Overlay": "Überlagern",
    "Photos of this visit": "Fotos dieser Behandlung",
    "Pictures (*.jpg *.jpeg *.png *.heic *.heif)": "Bilder (*.jpg *.jpeg *.png *.heic *.heif)",
    "Side by side": "Nebeneinander",
    "Stored: {view}, {stage}.": "Gespeichert: {view}, {stage}.",
    "Take photo": "Foto aufnehmen",
    "Take the selected view with the webcam": "Die gewählte Ansicht mit der Webcam aufnehmen",
    "View": "Ansicht",
    "Watched folder…": "Überwachter Ordner…",
    "Watching {folder}": "Überwacht: {folder}",
    "Wheel: zoom · drag: move (both sides)": "Mausrad: zoomen · ziehen: verschieben (beide Seiten)",
    "blend between the two dates": "Überblendung zwischen den beiden Daten",
    "earlier date": "früheres Datum",
    "ghost of the last visit": "Überlagerung vom letzten Besuch",
    "later date": "späteres Datum",
    "new pictures in the watched folder": "neue Bilder im überwachten Ordner",
    "timeline of the view": "Zeitleiste der Ansicht",
    "view": "Ansicht",
    "views: press its number to file the picture":
        "Ansichten: Nummer drücken, um das Bild abzulegen",
    "with": "mit",
    "{stage} photos…": "Fotos: {stage}…",
    "{view}: compare": "{view}: vergleichen",
    "<b>Photographs</b>: each use is its own choice":
        "<b>Fotos</b>: jede Verwendung ist eine eigene Entscheidung",
    "A new consent is asked for at the practitioner's choice.":
        "Eine neue Einwilligung wird auf Wunsch der behandelnden Person eingeholt.",
    "Ask for a new consent anyway": "Trotzdem eine neue Einwilligung einholen",
    "Checks your PIN, archives the signed PDF and goes on to Prep":
        "Prüft Ihre PIN, archiviert das unterschriebene PDF und geht weiter zur Vorbereitung",
    "Clear and sign again": "Neu unterschreiben",
    "Continue to Prep with the consent on record":
        "Mit der vorliegenden Einwilligung weiter zur Vorbereitung",
    "Countersign and continue": "Gegenzeichnen und weiter",
    "If the patient declines: why, in their words": "Bei Ablehnung: warum, in ihren Worten",
    "Patient declines: stop visit": "Lehnt ab: Besuch beenden",
    "Patient: type your full name, then sign below": "Ihr voller Name, dann unten unterschreiben",
    "Practitioner PIN": "Ihre PIN",  # the practitioner countersigns: their own
    "Read the text to the end before signing.":
        "Lesen Sie den Text bis zum Ende, bevor Sie unterschreiben.",
    "Scroll to the end of the text (Page Down) before signing.":
        "Vor dem Unterschreiben bis zum Ende des Textes blättern (Bild ab).",
    "Text read to the end: the patient can sign.":
        "Text bis zum Ende gelesen: die Person kann unterschreiben.",
    "Witness (optional)": "Zeuge (opt.)",
    "consent text: read to the end": "Einwilligungstext: bis zum Ende lesen",
    "how the patient's identity was checked": "wie die Identität der Person geprüft wurde",
    "patient's full name as they sign": "vollständiger Name der Person, wie sie unterschreibt",
    "practitioner PIN to countersign": "PIN der behandelnden Person zum Gegenzeichnen",
    "reason the patient declines": "Grund der Ablehnung",
    "witness name, optional": "Name des Zeugen / der Zeugin, optional",
})  # fmt: skip


# The read-only visit detail in Records (issue 16, second pass).
GERMAN.update({
    " · session {number} of the series": " · Sitzung {number} der Serie",
    "<b>Amendments</b> (the original stays as recorded):":
        "<b>Nachträge</b> (das Original bleibt wie erfasst):",
    "<p><b>Notes:</b> {notes}<br><b>Adverse events:</b> {events}</p>":
        "<p><b>Notizen:</b> {notes}<br><b>Unerwünschte Ereignisse:</b> {events}</p>",
    "Area": "Bereich",
    "Each pass": "Jeder Durchgang",
    "No amendments.": "Keine Nachträge.",
    "Practitioner: <b>{name}</b> · device {device} · protocol version {version}":
        "Behandelnde Person: <b>{name}</b> · Gerät {device} · Protokollversion {version}",
    "completed, locked": "abgeschlossen, gesperrt",
    "none recorded": "keine erfasst",
    "open": "offen",
})  # fmt: skip


# Words that came with the merge of the map, fit and consent branches.
GERMAN.update({
    "Treatment map: arrows or Tab move between areas, Space chooses":
        "Behandlungskarte: Pfeiltasten oder Tab wechseln den Bereich, Leertaste wählt",
    "Matters to patients: all sign again": "Wichtig für Patienten: alle unterschreiben neu",
    "Continue with the consent on record": "Mit vorliegender Einwilligung weiter",
    "Sign a new one": "Neu unterschreiben lassen",
    "{found}; {count} share a name: check the birth date.":
        "{found}; {count} mit gleichem Namen: Geburtsdatum prüfen.",
    "Limit mm": "Grenze mm",
    # The consent in the patient's language
    "Library version {version}. English is shown; other languages are kept as they are, and "
    "shown only while they say the current material version.":
        "Bibliotheksversion {version}. Angezeigt wird Englisch; andere Sprachen bleiben, wie sie "
        "sind, und werden nur gezeigt, solange sie die aktuelle inhaltliche Version nennen.",
    "In each language: {states}": "In jeder Sprache: {states}",
    "language the consent text is shown in": "Sprache, in der die Einwilligung gezeigt wird",
    "Text shown in:": "Text in:",
    "Renewed": "Erneuert",
    # Settings › Photo views
    "photo views, in capture order": "Fotoansichten in Aufnahmereihenfolge",
    "Move &up": "Nach &oben",
    "Move d&own": "Nach &unten",
    "&New view": "&Neue Ansicht",
    "e.g. Cheeks, close": "z. B. Wangen, nah",
    "made from the name if left empty": "wird aus dem Namen gebildet, wenn leer",
    "id used by scripts": "Kennung für Skripte",
    "treated zone": "behandelte Zone",
    "positioning guide": "Anleitung zur Positionierung",
    "&Save view": "Ansicht &speichern",
    "&Retire view": "Ansicht s&tilllegen",
    "Treated zone": "Behandelte Zone",
    "Positioning guide": "Positionierung",
    "A view tied to a treated zone is offered at capture only on visits that plan that zone. "
    "A retired view is no longer taken; its photos stay in Records.":
        "Eine Ansicht mit Zone wird nur bei Besuchen angeboten, die diese Zone planen. Eine "
        "stillgelegte Ansicht wird nicht mehr aufgenommen; ihre Fotos bleiben in den Akten.",
    "Every visit (a general view)": "Jeder Besuch (allgemeine Ansicht)",
    " (retired)": " (stillgelegt)",
    "Only an admin can change the photo views.":
        "Nur eine Administratorin oder ein Administrator kann die Fotoansichten ändern.",
    "&Restore view": "Ansicht &wiederherstellen",
    "New view: write its name and guide, then Save.":
        "Neue Ansicht: Namen und Anleitung eintragen, dann speichern.",
    "added": "hinzugefügt",
    "saved": "gespeichert",
    "View “{name}” {done}.": "Ansicht „{name}“ {done}.",
    "View “{name}” is offered again.": "Ansicht „{name}“ wird wieder angeboten.",
    "View “{name}” retired: no longer taken; its photos stay in Records.":
        "Ansicht „{name}“ stillgelegt: nicht mehr aufgenommen; ihre Fotos bleiben in den Akten.",
})  # fmt: skip


# The visit's steps, the window and Settings' frame (issue 16, third pass). Keys in brackets stay
# the keys the console listens to; Ctrl is written as German keyboards label it (Strg).
GERMAN.update({
    # The window and its sidebar
    "1  Sign-in": "1  Anmeldung",
    "2  Patient": "2  Patient/in",
    "3  Screening": "3  Ausschlüsse",  # the sidebar is 220 pixels wide
    "4  Consent": "4  Einwilligung",
    "5  Prep": "5  Vorbereitung",
    "6  Plan": "6  Planung",
    "7  Treat": "7  Behandlung",
    "8  Finish": "8  Abschluss",
    "Records": "Akten",
    "Settings": "Einstellungen",
    "Treatment Room Console": "Konsole für den Behandlungsraum",
    "who and which patient": "wer angemeldet ist und welche Person behandelt wird",
    "Stop the running pass first.": "Stoppen Sie zuerst den laufenden Durchgang.",
    "Signed in: {name}": "Angemeldet: {name}",
    "Patient: <b>{name}</b>, born {date} (age {age})":
        "Patient/in: <b>{name}</b>, geboren {date} ({age} Jahre)",
    "Not signed in": "Nicht angemeldet",
    # Screening
    "Hard stops: any “yes” means no treatment today":
        "Absolute Ausschlüsse: jedes „Ja“ bedeutet heute keine Behandlung",
    "Waiting periods: give the date": "Wartezeiten: Datum angeben",
    "Needs clearance: record who cleared it, how, when and what was agreed":
        "Freigabe nötig: erfassen, wer freigegeben hat, wie, wann und was vereinbart wurde",
    "Reminders": "Hinweise",
    "No": "Nein",
    "Yes": "Ja",
    "{question}: no": "{question}: nein",
    "{question}: yes": "{question}: ja",
    "Date?": "Datum?",
    "Answer…": "Antwort…",
    "{question}: answer": "{question}: Antwort",
    "Check answers and continue to Consent": "Antworten prüfen und weiter zur Einwilligung",
    "Stop this visit (no treatment)": "Termin beenden (keine Behandlung)",
    "Ask every question at every visit. Nothing is pre-answered.":
        "Stellen Sie jede Frage bei jeder Behandlung. Nichts ist vorausgefüllt.",
    "question in focus": "ausgewählte Frage",
    "Question {number} of {count}: {question}   [Y] yes · [N] no · [↑↓] move · [Enter] check":
        "Frage {number} von {count}: {question}   [Y] ja · [N] nein · [↑↓] wechseln · "
        "[Enter] prüfen",
    "Answer this question.": "Beantworten Sie diese Frage.",
    "Some questions are not answered yet.": "Einige Fragen sind noch nicht beantwortet.",
    "Screening clear.": "Keine Ausschlusskriterien.",
    "Earliest safe date: {date}.": "Frühestes sicheres Datum: {date}.",
    "Stop this visit": "Termin beenden",
    "Stop this visit without treatment? It is closed and cannot be resumed.":
        "Diesen Termin ohne Behandlung beenden? Er wird geschlossen und kann nicht "
        "fortgesetzt werden.",
    "Stop the visit": "Termin beenden",
    "Cleared by (name)": "Freigegeben von (Name)",
    "Their role": "Funktion",
    "How?": "Wie?",
    "What was agreed": "Was vereinbart wurde",
    "{question}: clearance name": "{question}: Freigabe, Name",
    "{question}: clearance role": "{question}: Freigabe, Funktion",
    "{question}: clearance how": "{question}: Freigabe, wie",
    "{question}: clearance date": "{question}: Freigabe, Datum",
    "{question}: clearance note": "{question}: Freigabe, Vereinbarung",
    # Prep
    "scan": "gescannt",
    "manual": "eingetippt",
    "Sterile seal intact": "Sterilsiegel intakt",
    "Scan the cartridge box's barcode here": "Barcode der Kartusche scannen",
    "e.g. 2027-03 or 31.03.2027": "z. B. 2027-03 oder 31.03.2027",
    "optional, 14 digits": "optional, 14 Ziffern",
    "Record typed label": "Etikett erfassen",
    "Yes: I opened a new sealed cartridge for this patient":
        "Ja: Ich habe für diese Person eine neue, versiegelte Kartusche geöffnet",
    "Needle cartridge (sterile, single use)": "Nadelkartusche (steril, Einweg)",
    "Cartridge type": "Kartusche",
    "Scan": "Scannen",
    "Box will not scan? Type the label:": "Verpackung lässt sich nicht scannen? Etikett eintippen:",
    "GTIN (01)": "GTIN (01)",
    "Lot (10)": "Charge (10)",
    "Expiry (17)": "Verfall (17)",
    "Serial (21)": "Seriennr. (21)",
    "Recorded": "Erfasst",
    "Record gel": "Gel erfassen",
    "Topical gel": "Topisches Gel",
    "Product": "Produkt",
    "Under occlusion": "Unter Okklusion",
    "Numbing cream applied": "Creme aufgetragen",  # in the box titled Betäubungscreme
    "Cream removed completely": "Creme vollständig entfernt",
    "Numbing cream (optional)": "Betäubungscreme (optional)",
    "Applied at": "Aufgetragen",
    "Wait": "Einwirkzeit",
    "Skin cleansed": "Haut gereinigt",
    "Continue to Plan": "Weiter zur Planung",
    "Choose the device…": "Gerät auswählen…",
    "{needles} needles · lot {lot} · exp {expiry}":
        "{needles} Nadeln · Charge {lot} · verw. bis {expiry}",
    " · serial {serial}": " · Seriennr. {serial}",
    " · no serial: new sealed cartridge confirmed":
        " · keine Seriennr.: neue versiegelte Kartusche bestätigt",
    "Recorded: {product}, lot {lot}": "Erfasst: {product}, Charge {lot}",
    "Skin cleansed at {time}": "Haut gereinigt um {time}",
    "Still to do: {missing}": "Noch offen: {missing}",
    "Ready.": "Bereit.",
    "Removed at {time}": "Entfernt um {time}",
    "Choose the device first.": "Wählen Sie zuerst das Gerät.",
    "Choose the cartridge type.": "Wählen Sie den Kartuschentyp.",
    "Check the sterile seal and tick “Sterile seal intact”. A broken seal: do not use it.":
        "Prüfen Sie das Sterilsiegel und haken Sie „Sterilsiegel intakt“ an. "
        "Bei beschädigtem Siegel: nicht verwenden.",
    "No numbing cream is recorded.": "Es ist keine Betäubungscreme erfasst.",
    # Plan
    "Areas: arrows move, Enter chooses": "Bereiche: Pfeiltasten wechseln, Enter wählt",
    "Choose an area": "Bereich auswählen",
    "type it": "eintippen",
    "depth in millimetres": "Tiefe in Millimetern",
    "mm": "mm",
    "Details": "Details",
    "I confirm": "Ich bestätige",
    "Reason (recorded)": "Grund (wird erfasst)",
    "reason for this depth": "Grund für diese Tiefe",
    "Add area to plan": "Bereich zur Planung hinzufügen",
    "Depth": "Tiefe",
    "Remove area": "Bereich entfernen",
    "Remove the area selected in the plan": "Den in der Planung ausgewählten Bereich entfernen",
    "Start treating": "Behandlung starten",
    "{area} is in the plan: Delete on the map or Remove area takes it out.":
        "{area} ist in der Planung: Entf auf der Karte oder „Bereich entfernen“ nimmt ihn heraus.",
    "Never above {limit} mm.": "Nie über {limit} mm.",
    "Typical for {zone}: {low}–{high} mm.": "Üblich für {zone}: {low}–{high} mm.",
    "Choose an area on the map or in the list.":
        "Wählen Sie einen Bereich auf der Karte oder in der Liste.",
    "Give the reason for this depth.": "Geben Sie den Grund für diese Tiefe an.",
    "Select a planned area first.": "Wählen Sie zuerst einen geplanten Bereich.",
    "Add at least one area to the plan.": "Fügen Sie der Planung mindestens einen Bereich hinzu.",
    "Not ready to treat: {missing}": "Noch nicht bereit zur Behandlung: {missing}",
    # Treat
    "Vertical": "Vertikal",
    "Horizontal": "Horizontal",
    "Diagonal": "Diagonal",
    "Erythema": "Erythem",
    "Erythema (epidermis)": "Erythem (Epidermis)",
    "Uniform pinpoint bleeding": "Gleichmäßige punktförmige Blutung",
    "Uniform pinpoint bleeding (dermis reached)":
        "Gleichmäßige punktförmige Blutung (Dermis erreicht)",
    "No endpoint reached": "Kein Endpunkt erreicht",
    "pass timer": "Zeit des Durchgangs",
    "new depth": "neue Tiefe",
    "confirm": "bestätigen",
    "reason for an unusual depth": "Grund für eine ungewöhnliche Tiefe",
    "Change depth": "Tiefe ändern",
    # The four buttons share one row of a 1366-pixel screen at the larger type size: the
    # big state line above the timer ("DURCHGANG LÄUFT" / "Bereit") names the pass.
    "Start pass  [{key}]": "Starten  [{key}]",
    "Stop pass  [{key}]": "Stoppen  [{key}]",
    "◀ Previous  [P]": "◀ Zurück  [P]",
    "Next area ▶  [N]": "Weiter ▶  [N]",
    "Finish  [F]": "Abschluss  [F]",
    "Direction  [D]": "Richtung  [D]",
    "Endpoint  [1] [2] [3]": "Endpunkt  [1] [2] [3]",
    "The console stopped while a pass was running on {areas}. That pass was not counted: "
    "repeat it if needed.":
        "Die Konsole wurde beendet, während ein Durchgang auf {areas} lief. Dieser Durchgang "
        "wurde nicht gezählt: wiederholen Sie ihn bei Bedarf.",
    "this area": "diesem Bereich",
    "No areas planned": "Keine Bereiche geplant",
    "{area}  ({number} of {count})": "{area}  ({number} von {count})",
    "Depth {depth} mm": "Tiefe {depth} mm",
    "Pass {done} of {target} done": "{done} von {target} erledigt",
    "PASS RUNNING": "DURCHGANG LÄUFT",
    "Ready": "Bereit",
    "Visit {time}": "Gesamt {time}",
    "Pass {number} of {target} running": "{number} von {target} läuft",
    "That was the last area: press F to finish.":
        "Das war der letzte Bereich: F drücken zum Abschließen.",
    "{warning} Tick confirm and give a reason.":
        "{warning} Haken Sie „bestätigen“ an und geben Sie einen Grund an.",
    # Finish
    "Pinpoint bleeding": "Punktförmige Blutung",
    "None": "Keiner",
    "not recorded": "nicht erfasst",
    "Depth (mm)": "Tiefe (mm)",
    "Notes for the record": "Notizen für die Dokumentation",
    "Adverse events (leave empty if none)": "Unerwünschte Ereignisse (leer lassen, wenn keine)",
    "Complete visit  [Ctrl+Enter]": "Behandlung abschließen  [Strg+Enter]",
    "Locks the record, archives and prints the aftercare sheet":
        "Sperrt die Dokumentation, archiviert und druckt das Nachsorgeblatt",
    "Next patient": "Nächste Person",
    "Adverse events": "Unerwünschte Ereignisse",
    "{passes} passes, {time} of needling over {areas} area(s).":
        "{passes} Durchgänge, {time} Needling auf {areas} Bereich(en).",
    "Cartridge: {needles} needles, lot {lot}, exp {expiry}":
        "Kartusche: {needles} Nadeln, Charge {lot}, verw. bis {expiry}",
    "Completed and locked. Corrections are amendments (Records).":
        "Abgeschlossen und gesperrt. Korrekturen sind Nachträge (Akten).",
    "Complete visit": "Behandlung abschließen",
    "Complete and lock this visit? Notes and adverse events cannot be changed afterwards, "
    "only amended.":
        "Diese Behandlung abschließen und sperren? Notizen und unerwünschte Ereignisse können "
        "danach nicht mehr geändert, nur ergänzt werden.",
    "Complete and lock": "Abschließen und sperren",
    "No room printer is set (Settings): use Print… beside the sheet.":
        "Kein Drucker im Raum eingestellt (Einstellungen): „Drucken…“ neben dem Blatt verwenden.",
    "The visit is saved, but the backup failed: {reason}":
        "Die Behandlung ist gespeichert, aber die Datensicherung ist fehlgeschlagen: {reason}",
    # A visit without an archived sheet (Records and the preview)
    "Draft from today's Settings: no sheet was archived for this visit.":
        "Entwurf aus den heutigen Einstellungen: Für diese Behandlung wurde kein Blatt archiviert.",
    "Archive a sheet now…": "Jetzt ein Blatt archivieren…",
    "Makes this visit's sheet from today's Settings and archives it (audited)":
        "Erstellt das Blatt dieser Behandlung aus den heutigen Einstellungen und archiviert es "
        "(im Prüfprotokoll)",
    "Archive a sheet now": "Jetzt ein Blatt archivieren",
    "No aftercare sheet was archived for this visit. Make one now? It is made from TODAY's "
    "Settings (clinic details, texts), not from the day of the visit, and the audit trail "
    "records that it was made late.":
        "Für diese Behandlung wurde kein Nachsorgeblatt archiviert. Jetzt eines erstellen? Es "
        "entsteht aus den HEUTIGEN Einstellungen (Praxisangaben, Texte), nicht aus denen am Tag "
        "der Behandlung, und das Prüfprotokoll hält fest, dass es nachträglich erstellt wurde.",
    "Archive sheet": "Blatt archivieren",
    # Settings' frame
    "Clinic": "Praxis",
    "Protocol library": "Protokollbibliothek",
    "Live preview": "Live-Vorschau",
    "Texts per language": "Texte je Sprache",
    "Photo views": "Fotoansichten",
    "About": "Info",
    "Save settings": "Einstellungen speichern",
    "Only an admin can change settings: you are viewing them.":
        "Nur eine Administratorin oder ein Administrator kann Einstellungen ändern: Sie sehen "
        "sie nur an.",
    "Accounts": "Konten",
    "Audit": "Prüfprotokoll",
    "the previous user": "der vorherigen Person",
    "Unsaved changes by {name} ({edited}) were discarded when someone else signed in. "
    "Nothing of them was saved.":
        "Nicht gespeicherte Änderungen von {name} ({edited}) wurden verworfen, als sich jemand "
        "anderes angemeldet hat. Nichts davon wurde gespeichert.",
    "Not saved: fix the fields marked in red.":
        "Nicht gespeichert: korrigieren Sie die rot markierten Felder.",
    "Saved {n} change(s).": "{n} Änderung(en) gespeichert.",
    "Nothing had changed.": "Es war nichts geändert.",
})  # fmt: skip


# Treat: the pedal pressed in the depth field while a typed depth waits (issue 14).
GERMAN.update({
    "Press Enter to change the depth first, or clear the field.":
        "Drücken Sie zuerst Enter, um die Tiefe zu ändern, oder leeren Sie das Feld.",
})  # fmt: skip


# Records' history charts and Treat's chart (issue 16).
GERMAN.update({
    "Depth per zone (mm)": "Tiefe je Zone (mm)",
    "Time per zone (min)": "Zeit je Zone (Min.)",
    "Passes per zone": "Durchgänge je Zone",
    "Series": "Serie",
    "min": "Min.",
    "passes": "Durchgänge",
    "today": "heute",
    "Session {number} done {date}": "Sitzung {number} erfolgt am {date}",
    "Session {number} due {date}": "Sitzung {number} fällig am {date}",
    "Session {number} overdue since {date}": "Sitzung {number} überfällig seit {date}",
    "Session {number} planned {date}": "Sitzung {number} geplant am {date}",
    "#{number} due": "Nr. {number} fällig",
    "#{number} overdue": "Nr. {number} überfällig",
    "seconds": "Sekunden",
    "1 pass": "1 Durchgang",
    "{n} passes": "{n} Durchgänge",
})  # fmt: skip


# Clinic mode: the room's journal while the clinic's server does not answer (issue 13).
GERMAN.update({
    "saving on this PC": "Speichern auf diesem PC",
    "Saving on this PC since {time} — the clinic's server does not answer":
        "Speichern auf diesem PC seit {time} – der Server der Praxis antwortet nicht",
    "{count} event(s) kept on this PC were refused by the clinic's server: {reason}":
        "{count} auf diesem PC gehaltene Eintragung(en) hat der Server der Praxis "
        "abgelehnt: {reason}",
    "Kept on this PC, not yet on the clinic's server: it is sent, in order, as soon as the "
    "server answers.":
        "Auf diesem PC gehalten, noch nicht auf dem Server der Praxis: wird in der "
        "Reihenfolge gesendet, sobald der Server antwortet.",
})  # fmt: skip

# A visit another room holds (issue 13, two rooms at once).
GERMAN.update({
    "Another room has this visit open": "Ein anderer Raum hat diesen Besuch geöffnet",
    "Take it over only if that room is no longer working on it: it will not be able to save "
    "anything more to this visit.":
        "Übernehmen Sie ihn nur, wenn dort nicht mehr daran gearbeitet wird: Jener Raum kann "
        "danach nichts mehr zu diesem Besuch speichern.",
    "Take it over": "Übernehmen",
})  # fmt: skip


# A screen that needs the clinic's server while it does not answer (issue 13).
GERMAN.update({
    "The clinic's server does not answer, so this could not be shown or saved. Treating goes "
    "on: passes are kept on this PC and sent when the server answers. Try again in a moment.":
        "Der Server der Praxis antwortet nicht, deshalb konnte dies nicht angezeigt oder "
        "gespeichert werden. Die Behandlung läuft weiter: Durchgänge werden auf diesem PC "
        "gehalten und gesendet, sobald der Server antwortet. Versuchen Sie es gleich noch einmal.",
})  # fmt: skip


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
