<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>FirstAdminForm</name>
    <message>
        <location filename="../../console/ui/first_run.py" line="23" />
        <source>Create the first admin account</source>
        <translation>Das erste Administrationskonto anlegen</translation>
    </message>
    <message>
        <location filename="../../console/ui/first_run.py" line="27" />
        <source>Nobody can sign in to this console yet. The admin manages settings, the protocol library, the other accounts and the audit trail. Use 4 to 12 digits as a PIN, or a password of at least 8 characters.</source>
        <translation>Noch kann sich niemand an dieser Konsole anmelden. Die Administration verwaltet die Einstellungen, die Protokollbibliothek, die anderen Konten und das Prüfprotokoll. Verwenden Sie 4 bis 12 Ziffern als PIN oder ein Passwort mit mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/first_run.py" line="36" />
        <source>e.g. Dr Amara Okafor</source>
        <translation>z. B. Dr. Amara Okafor</translation>
    </message>
    <message>
        <location filename="../../console/ui/first_run.py" line="46" />
        <source>Your name as it will appear</source>
        <translation>Ihr Name, wie er angezeigt wird</translation>
    </message>
    <message>
        <location filename="../../console/ui/first_run.py" line="47" />
        <source>PIN or password</source>
        <translation>PIN oder Passwort</translation>
    </message>
    <message>
        <location filename="../../console/ui/first_run.py" line="48" />
        <source>The same again</source>
        <translation>Noch einmal dasselbe</translation>
    </message>
    <message>
        <location filename="../../console/ui/first_run.py" line="61" />
        <source>Create admin account and sign in</source>
        <translation>Administrationskonto anlegen und anmelden</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../console/ui/lock.py" line="44" />
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <location filename="../../console/ui/lock.py" line="49" />
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <location filename="../../console/ui/lock.py" line="65" />
        <source>the practitioner</source>
        <translation>die behandelnde Person</translation>
    </message>
    <message>
        <location filename="../../console/ui/lock.py" line="68" />
        <source>Patient data is hidden. {name}: enter your PIN to carry on where you were. Someone else can choose their name and sign in; the visit stays as it is.</source>
        <translation>Patientendaten sind ausgeblendet. {name}: Geben Sie Ihre PIN ein, um dort weiterzumachen, wo Sie waren. Jemand anderes kann den eigenen Namen wählen und sich anmelden; die Behandlung bleibt, wie sie ist.</translation>
    </message>
    <message>
        <location filename="../../console/ui/lock.py" line="88" />
        <source>Choose your name first.</source>
        <translation>Wählen Sie zuerst Ihren Namen.</translation>
    </message>
</context>
<context>
    <name>NamePicker</name>
    <message>
        <location filename="../../console/ui/pin_widgets.py" line="75" />
        <source>sign in as {name}</source>
        <translation>als {name} anmelden</translation>
    </message>
</context>
<context>
    <name>PatientFormWidget</name>
    <message>
        <location filename="../../console/ui/patient_form.py" line="35" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="36" />
        <source>As the patient writes it, any script</source>
        <translation>Wie die Person ihn schreibt, in jeder Schrift</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="37" />
        <source>Born</source>
        <translation>Geboren</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="38" />
        <source>Day first, e.g. 24.11.1990</source>
        <translation>Tag zuerst, z. B. 24.11.1990</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="39" />
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="40" />
        <location filename="../../console/ui/patient_form.py" line="42" />
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="41" />
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="43" />
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="44" />
        <source>Of the aftercare sheet, consent and calendar file</source>
        <translation>Des Nachsorgeblatts, der Einwilligung und der Kalenderdatei</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="45" />
        <source>Skin type</source>
        <translation>Hauttyp</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="46" />
        <source>Fitzpatrick I–VI; click again to clear</source>
        <translation>Fitzpatrick I–VI; erneut klicken zum Löschen</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="47" />
        <source>Allergies</source>
        <translation>Allergien</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="48" />
        <source>E.g. lidocaine, nickel</source>
        <translation>Z. B. Lidocain, Nickel</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="49" />
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="58" />
        <source>born {date}</source>
        <translation>geboren {date}</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="80" />
        <location filename="../../console/ui/patient_form.py" line="203" />
        <source>Register a new patient</source>
        <translation>Neue Patientin / neuen Patienten aufnehmen</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="99" />
        <source>The clinic's language</source>
        <translation>Sprache der Praxis</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="125" />
        <source>{field}: error</source>
        <translation>{field}: Fehler</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="145" />
        <source>Open the existing patient</source>
        <translation>Vorhandene Akte öffnen</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="148" />
        <source>A different person: register</source>
        <translation>Eine andere Person: aufnehmen</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="158" />
        <location filename="../../console/ui/patient_form.py" line="204" />
        <source>Register</source>
        <translation>Aufnehmen</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="161" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="193" />
        <source>Fitzpatrick type {type}</source>
        <translation>Fitzpatrick-Typ {type}</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="210" />
        <source>Edit patient details</source>
        <translation>Angaben der Patientin / des Patienten bearbeiten</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="211" />
        <source>Save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_form.py" line="293" />
        <source>Open it, or confirm that this is a different person.</source>
        <translation>Öffnen Sie sie, oder bestätigen Sie, dass es eine andere Person ist.</translation>
    </message>
</context>
<context>
    <name>PatientScreen</name>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="34" />
        <location filename="../../console/ui/resume_dialog.py" line="21" />
        <source>Screening</source>
        <translation>Ausschlusskriterien</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="35" />
        <location filename="../../console/ui/resume_dialog.py" line="22" />
        <source>Prep</source>
        <translation>Vorbereitung</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="36" />
        <location filename="../../console/ui/resume_dialog.py" line="23" />
        <source>Plan</source>
        <translation>Planung</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="37" />
        <location filename="../../console/ui/resume_dialog.py" line="24" />
        <source>Treat</source>
        <translation>Behandlung</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="38" />
        <location filename="../../console/ui/resume_dialog.py" line="25" />
        <source>Finish</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="53" />
        <source>in progress</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="54" />
        <source>stopped</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="56" />
        <source>no areas</source>
        <translation>keine Bereiche</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="73" />
        <source>Find a patient</source>
        <translation>Patientin / Patienten suchen</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="74" />
        <source>Name, date of birth, phone or email</source>
        <translation>Name, Geburtsdatum, Telefon oder E-Mail</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="82" />
        <source>Accents and case do not matter. Dates day first: 11/12/1990 is 11 December.</source>
        <translation>Akzente und Groß-/Kleinschreibung spielen keine Rolle. Datum mit dem Tag zuerst: 11/12/1990 ist der 11. Dezember.</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="86" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="86" />
        <source>Born</source>
        <translation>Geboren</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="86" />
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="86" />
        <source>Last visit</source>
        <translation>Letzter Besuch</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="104" />
        <source>Register a new patient…</source>
        <translation>Neue Patientin / neuen Patienten aufnehmen…</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="109" />
        <source>Find or register a patient</source>
        <translation>Patientin / Patienten suchen oder aufnehmen</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="130" />
        <location filename="../../console/ui/patient_screen.py" line="143" />
        <source>History at a glance</source>
        <translation>Verlauf auf einen Blick</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="131" />
        <source>Edit details…</source>
        <translation>Angaben bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="134" />
        <location filename="../../console/ui/patient_screen.py" line="284" />
        <source>Start visit</source>
        <translation>Behandlung beginnen</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="150" />
        <source>Type to search. Enter or double-click opens a patient; ↓ moves into the list.</source>
        <translation>Zum Suchen tippen. Enter oder Doppelklick öffnet die Akte; ↓ springt in die Liste.</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="194" />
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="207" />
        <source>No patient found. Register them?</source>
        <translation>Niemand gefunden. Neu aufnehmen?</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="209" />
        <source>The first 50: type more to narrow it down.</source>
        <translation>Die ersten 50: weiter tippen, um einzugrenzen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="211" />
        <source>{count} found</source>
        <translation>{count} gefunden</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="261" />
        <source>Born {date} (age {age})</source>
        <translation>Geboren {date} ({age} Jahre)</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="263" />
        <source>Fitzpatrick {type}</source>
        <translation>Fitzpatrick {type}</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="266" />
        <source>Notes: {notes}</source>
        <translation>Notizen: {notes}</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="269" />
        <source>Allergies: {allergies}</source>
        <translation>Allergien: {allergies}</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="277" />
        <source>No visits yet.</source>
        <translation>Noch keine Behandlungen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/patient_screen.py" line="282" />
        <source>Resume visit (at {step})</source>
        <translation>Behandlung fortsetzen (bei {step})</translation>
    </message>
</context>
<context>
    <name>PinField</name>
    <message>
        <location filename="../../console/ui/pin_widgets.py" line="115" />
        <location filename="../../console/ui/pin_widgets.py" line="116" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../console/ui/pin_widgets.py" line="139" />
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../console/ui/pin_widgets.py" line="157" />
        <source>delete last digit</source>
        <translation>letzte Ziffer löschen</translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message>
        <location filename="../../console/ui/resume_dialog.py" line="32" />
        <source>Resume an interrupted visit</source>
        <translation>Unterbrochene Behandlung fortsetzen</translation>
    </message>
    <message>
        <location filename="../../console/ui/resume_dialog.py" line="44" />
        <source>{name} — started {when} — stopped at {step}</source>
        <translation>{name} — begonnen {when} — unterbrochen bei {step}</translation>
    </message>
    <message>
        <location filename="../../console/ui/resume_dialog.py" line="50" />
        <source>Resume selected visit</source>
        <translation>Gewählte Behandlung fortsetzen</translation>
    </message>
    <message>
        <location filename="../../console/ui/resume_dialog.py" line="51" />
        <source>Not now</source>
        <translation>Jetzt nicht</translation>
    </message>
    <message>
        <location filename="../../console/ui/resume_dialog.py" line="58" />
        <source>A visit was not finished (the console was closed or the PC stopped).
Every completed pass is kept. Resume it where it stopped?</source>
        <translation>Eine Behandlung wurde nicht abgeschlossen (die Konsole wurde geschlossen oder der PC ist ausgefallen).
Jeder abgeschlossene Durchgang ist gespeichert. Dort fortsetzen, wo sie unterbrochen wurde?</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../console/ui/signin_screen.py" line="39" />
        <source>Who is treating?</source>
        <translation>Wer behandelt?</translation>
    </message>
    <message>
        <location filename="../../console/ui/signin_screen.py" line="41" />
        <source>Choose your name, then type your PIN and press Enter.</source>
        <translation>Wählen Sie Ihren Namen, tippen Sie dann Ihre PIN und drücken Sie Enter.</translation>
    </message>
    <message>
        <location filename="../../console/ui/signin_screen.py" line="43" />
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../console/ui/signin_screen.py" line="73" />
        <source>{count} account(s) have no PIN yet: an admin can set one in Settings.</source>
        <translation>{count} Konto/Konten ohne PIN: die Administration kann in den Einstellungen eine festlegen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/signin_screen.py" line="92" />
        <source>PIN for {name}</source>
        <translation>PIN für {name}</translation>
    </message>
    <message>
        <location filename="../../console/ui/signin_screen.py" line="102" />
        <source>Choose your name first.</source>
        <translation>Wählen Sie zuerst Ihren Namen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/signin_screen.py" line="105" />
        <source>Type your PIN, then press Enter.</source>
        <translation>Tippen Sie Ihre PIN und drücken Sie Enter.</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <location filename="../../console/ui/widgets.py" line="30" />
        <source>error message</source>
        <translation>Fehlermeldung</translation>
    </message>
</context>
</TS>