<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutTab</name>
    <message>
        <location filename="../../console/ui/settings/about.py" line="22" />
        <source>Console version</source>
        <translation>Version der Konsole</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/about.py" line="23" />
        <source>Database schema</source>
        <translation>Datenbankschema</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/about.py" line="24" />
        <source>Database file</source>
        <translation>Datenbankdatei</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/about.py" line="25" />
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/about.py" line="26" />
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/about.py" line="27" />
        <source>Aftercare sheets</source>
        <translation>Nachsorgeblätter</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/about.py" line="28" />
        <source>Log files</source>
        <translation>Protokolldateien</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/about.py" line="41" />
        <source>, newest {when}</source>
        <translation>, neueste {when}</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/about.py" line="48" />
        <source>{folder} ({count} kept{newest})</source>
        <translation>{folder} ({count} aufbewahrt{newest})</translation>
    </message>
</context>
<context>
    <name>AccountsView</name>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="33" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="34" />
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="35" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="38" />
        <source>practitioner</source>
        <translation>behandelnde Person</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="39" />
        <source>admin</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="71" />
        <source>current PIN</source>
        <translation>aktuelle PIN</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="72" />
        <source>new PIN</source>
        <translation>neue PIN</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="73" />
        <source>new PIN again</source>
        <translation>neue PIN wiederholen</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="74" />
        <source>Change my PIN</source>
        <translation>Meine PIN ändern</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="76" />
        <source>My PIN</source>
        <translation>Meine PIN</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="84" />
        <source>name as shown at sign-in</source>
        <translation>Name, wie bei der Anmeldung angezeigt</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="88" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="89" />
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="91" />
        <source>new PIN for the selected account</source>
        <translation>neue PIN für das gewählte Konto</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="92" />
        <source>Set PIN (clears a lockout)</source>
        <translation>PIN festlegen (hebt eine Sperre auf)</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="94" />
        <source>Deactivate selected</source>
        <translation>Gewähltes deaktivieren</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="96" />
        <source>Accounts (admin)</source>
        <translation>Konten (Administration)</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="124" />
        <source>Deactivated</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="126" />
        <source>Locked until {time}</source>
        <translation>Gesperrt bis {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="130" />
        <source>No PIN: cannot sign in</source>
        <translation>Keine PIN: Anmeldung nicht möglich</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="132" />
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="168" />
        <source>The two new PINs differ.</source>
        <translation>Die beiden neuen PINs stimmen nicht überein.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="172" />
        <source>Your PIN has been changed.</source>
        <translation>Ihre PIN wurde geändert.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="179" />
        <source>Account added: {name}.</source>
        <translation>Konto hinzugefügt: {name}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="187" />
        <location filename="../../console/ui/settings/accounts_view.py" line="231" />
        <source>Select an account in the table first.</source>
        <translation>Wählen Sie zuerst ein Konto in der Tabelle.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="189" />
        <source>PIN set.</source>
        <translation>PIN festgelegt.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="214" />
        <source>Deactivate account</source>
        <translation>Konto deaktivieren</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="238" />
        <source>Deactivate {name}? They can no longer sign in; their records stay theirs.</source>
        <translation>{name} deaktivieren? Die Person kann sich nicht mehr anmelden; ihre Einträge bleiben ihr zugeordnet.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/accounts_view.py" line="244" />
        <source>{name} can no longer sign in.</source>
        <translation>{name} kann sich nicht mehr anmelden.</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../console/ui/records/audit_view.py" line="34" />
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/audit_view.py" line="35" />
        <location filename="../../console/ui/records/audit_view.py" line="90" />
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/audit_view.py" line="36" />
        <location filename="../../console/ui/records/audit_view.py" line="91" />
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/audit_view.py" line="37" />
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/audit_view.py" line="38" />
        <source>Detail</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/audit_view.py" line="64" />
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/audit_view.py" line="67" />
        <source>Verify trail</source>
        <translation>Protokoll prüfen</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/audit_view.py" line="69" />
        <source>Check every entry against its hash chain and the backups</source>
        <translation>Jeden Eintrag gegen seine Hash-Kette und die Sicherungen prüfen</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/audit_view.py" line="92" />
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/audit_view.py" line="93" />
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/audit_view.py" line="119" />
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/audit_view.py" line="122" />
        <source>Every action</source>
        <translation>Jede Aktion</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/audit_view.py" line="126" />
        <source>{group} (all)</source>
        <translation>{group} (alle)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/audit_view.py" line="157" />
        <source>{total} entries</source>
        <translation>{total} Einträge</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/audit_view.py" line="160" />
        <source>Newest {shown} of {total} entries shown; the export holds them all.</source>
        <translation>Die neuesten {shown} von {total} Einträgen werden gezeigt; der Export enthält alle.</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/audit_view.py" line="186" />
        <source>Export the audit trail</source>
        <translation>Prüfprotokoll exportieren</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/audit_view.py" line="188" />
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/audit_view.py" line="203" />
        <source> Keep this file and its backups as they are and tell whoever looks after the clinic's records.</source>
        <translation> Lassen Sie diese Datei und ihre Sicherungen unverändert und informieren Sie die Person, die die Unterlagen der Praxis betreut.</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/audit_view.py" line="221" />
        <source>Not exported: {error}</source>
        <translation>Nicht exportiert: {error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/audit_view.py" line="225" />
        <source>Exported {count} entries to {path}</source>
        <translation>{count} Einträge exportiert nach {path}</translation>
    </message>
</context>
<context>
    <name>BeforeAfterButton</name>
    <message>
        <location filename="../../console/ui/photos/launch.py" line="43" />
        <source>Before / after…</source>
        <translation>Vorher / nachher…</translation>
    </message>
</context>
<context>
    <name>BodyMap</name>
    <message>
        <location filename="../../console/ui/steps/body_map.py" line="86" />
        <source>Treatment map: arrows or Tab move between areas, Space chooses</source>
        <translation>Behandlungskarte: Pfeiltasten oder Tab wechseln den Bereich, Leertaste wählt</translation>
    </message>
</context>
<context>
    <name>CameraCapture</name>
    <message>
        <location filename="../../console/ui/photos/camera.py" line="46" />
        <source>No camera support installed (pip install .[camera]).</source>
        <translation>Keine Kameraunterstützung installiert (pip install .[camera]).</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/camera.py" line="50" />
        <source>No camera found on this PC.</source>
        <translation>Auf diesem PC wurde keine Kamera gefunden.</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/camera.py" line="80" />
        <source>Camera: {view}</source>
        <translation>Kamera: {view}</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/camera.py" line="116" />
        <source>Take photo</source>
        <translation>Foto aufnehmen</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/camera.py" line="119" />
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/camera.py" line="122" />
        <source>Last visit's ghost</source>
        <translation>Überlagerung vom letzten Besuch</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/camera.py" line="140" />
        <source>No earlier photo of the {view} view.</source>
        <translation>Kein früheres Foto der Ansicht „{view}“.</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/camera.py" line="173" />
        <source>No picture from the camera yet.</source>
        <translation>Noch kein Bild von der Kamera.</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/camera.py" line="190" />
        <source>Stored: {view}, {stage}.</source>
        <translation>Gespeichert: {view}, {stage}.</translation>
    </message>
</context>
<context>
    <name>ClinicTab</name>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="140" />
        <source>https://www.your-clinic.example</source>
        <translation>https://www.ihre-praxis.example</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="142" />
        <source>printed as a QR code on the sheet</source>
        <translation>wird als QR-Code auf das Blatt gedruckt</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="158" />
        <source>The language of the dates</source>
        <translation>Die Sprache des Datumsformats</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="163" />
        <source>Clinic name</source>
        <translation>Name der Praxis</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="167" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="172" />
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="175" />
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="182" />
        <source>Booking link</source>
        <translation>Buchungslink</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="187" />
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="190" />
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="197" />
        <source>Paper size</source>
        <translation>Papierformat</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="204" />
        <source>Dates written as</source>
        <translation>Datumsformat</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="212" />
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="247" />
        <source>e.g. {example}</source>
        <translation>z. B. {example}</translation>
    </message>
</context>
<context>
    <name>ConsentEditor</name>
    <message>
        <location filename="../../console/ui/settings/consent_editor.py" line="69" />
        <source>consent template</source>
        <translation>Einwilligungsvorlage</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/consent_editor.py" line="73" />
        <source>sections: ## heading, then its text</source>
        <translation>Abschnitte: ## Überschrift, dann ihr Text</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/consent_editor.py" line="79" />
        <source>Matters to patients: all sign again</source>
        <translation>Wichtig für Patienten: alle unterschreiben neu</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/consent_editor.py" line="81" />
        <source>This change matters to patients: everyone signs again at their next visit</source>
        <translation>Wesentliche Änderung für die Patienten: alle unterschreiben beim nächsten Besuch neu</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/consent_editor.py" line="84" />
        <source>What changed (kept with the version)</source>
        <translation>Was wurde geändert (wird mit der Version gespeichert)</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/consent_editor.py" line="87" />
        <source>Save as a new version</source>
        <translation>Als neue Version speichern</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/consent_editor.py" line="92" />
        <source> months</source>
        <translation> Monate</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/consent_editor.py" line="94" />
        <source>after the period only</source>
        <translation>nur nach Ablauf der Frist</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/consent_editor.py" line="95" />
        <source>after the period, and at each new series</source>
        <translation>nach Ablauf der Frist und bei jeder neuen Serie</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/consent_editor.py" line="105" />
        <source>Valid for</source>
        <translation>Gültig für</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/consent_editor.py" line="108" />
        <source>Renewed</source>
        <translation>Erneuert</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/consent_editor.py" line="97" />
        <source>Save renewal rule</source>
        <translation>Erneuerungsregel speichern</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/consent_editor.py" line="117" />
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/consent_editor.py" line="118" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/consent_editor.py" line="119" />
        <source>Sections</source>
        <translation>Abschnitte</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/consent_editor.py" line="120" />
        <source>Declaration</source>
        <translation>Erklärung</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/consent_editor.py" line="123" />
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/consent_editor.py" line="150" />
        <source>Library version {version}. English is shown; other languages are kept as they are, and shown only while they say the current material version.</source>
        <translation>Bibliotheksversion {version}. Angezeigt wird Englisch; andere Sprachen bleiben, wie sie sind, und werden nur gezeigt, solange sie die aktuelle inhaltliche Version nennen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/consent_editor.py" line="155" />
        <source>In each language: {states}</source>
        <translation>In jeder Sprache: {states}</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/consent_editor.py" line="175" />
        <source>Only an admin can change the consent texts.</source>
        <translation>Nur die Administration kann die Einwilligungstexte ändern.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/consent_editor.py" line="189" />
        <source>Photo use “{choice}”</source>
        <translation>Fotonutzung „{choice}“</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/consent_editor.py" line="228" />
        <source>Saved as library version {version}.</source>
        <translation>Als Bibliotheksversion {version} gespeichert.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/consent_editor.py" line="242" />
        <source>Renewal rule saved.</source>
        <translation>Erneuerungsregel gespeichert.</translation>
    </message>
</context>
<context>
    <name>ConsentLanguageBar</name>
    <message>
        <location filename="../../console/ui/steps/consent_language.py" line="23" />
        <source>language the consent text is shown in</source>
        <translation>Sprache, in der die Einwilligung gezeigt wird</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/consent_language.py" line="29" />
        <source>Text shown in:</source>
        <translation>Text in:</translation>
    </message>
</context>
<context>
    <name>ConsentPdfDialog</name>
    <message>
        <location filename="../../console/ui/records/consents_tab.py" line="44" />
        <location filename="../../console/ui/records/consents_tab.py" line="80" />
        <source>Signed consent</source>
        <translation>Unterschriebene Einwilligung</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/consents_tab.py" line="50" />
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/consents_tab.py" line="69" />
        <source>Print signed consent</source>
        <translation>Unterschriebene Einwilligung drucken</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/consents_tab.py" line="85" />
        <source>Printed.</source>
        <translation>Gedruckt.</translation>
    </message>
</context>
<context>
    <name>ConsentScreen</name>
    <message>
        <location filename="../../console/ui/steps/consent.py" line="75" />
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/consent.py" line="92" />
        <source>Continue with the consent on record</source>
        <translation>Mit vorliegender Einwilligung weiter</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/consent.py" line="94" />
        <source>Sign a new one</source>
        <translation>Neu unterschreiben lassen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/consent.py" line="111" />
        <source>consent text: read to the end</source>
        <translation>Einwilligungstext: bis zum Ende lesen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/consent.py" line="127" />
        <source>&lt;b&gt;Photographs&lt;/b&gt;: each use is its own choice</source>
        <translation>&lt;b&gt;Fotos&lt;/b&gt;: jede Verwendung ist eine eigene Entscheidung</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/consent.py" line="136" />
        <source>Patient: type your full name, then sign below</source>
        <translation>Ihr voller Name, dann unten unterschreiben</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/consent.py" line="138" />
        <source>patient's full name as they sign</source>
        <translation>vollständiger Name der Person, wie sie unterschreibt</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/consent.py" line="141" />
        <source>Clear and sign again</source>
        <translation>Neu unterschreiben</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/consent.py" line="145" />
        <source>Witness (optional)</source>
        <translation>Zeuge (opt.)</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/consent.py" line="146" />
        <source>witness name, optional</source>
        <translation>Name des Zeugen / der Zeugin, optional</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/consent.py" line="148" />
        <source>how the patient's identity was checked</source>
        <translation>wie die Identität der Person geprüft wurde</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/consent.py" line="156" />
        <source>Practitioner PIN</source>
        <translation>Ihre PIN</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/consent.py" line="157" />
        <source>practitioner PIN to countersign</source>
        <translation>PIN der behandelnden Person zum Gegenzeichnen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/consent.py" line="162" />
        <source>Countersign and continue</source>
        <translation>Gegenzeichnen und weiter</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/consent.py" line="164" />
        <source>Checks your PIN, archives the signed PDF and goes on to Prep</source>
        <translation>Prüft Ihre PIN, archiviert das unterschriebene PDF und geht weiter zur Vorbereitung</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/consent.py" line="171" />
        <source>If the patient declines: why, in their words</source>
        <translation>Bei Ablehnung: warum, in ihren Worten</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/consent.py" line="173" />
        <source>reason the patient declines</source>
        <translation>Grund der Ablehnung</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/consent.py" line="174" />
        <source>Patient declines: stop visit</source>
        <translation>Lehnt ab: Besuch beenden</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/consent.py" line="279" />
        <source>Text read to the end: the patient can sign.</source>
        <translation>Text bis zum Ende gelesen: die Person kann unterschreiben.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/consent.py" line="281" />
        <source>Scroll to the end of the text (Page Down) before signing.</source>
        <translation>Vor dem Unterschreiben bis zum Ende des Textes blättern (Bild ab).</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/consent.py" line="296" />
        <source>A new consent is asked for at the practitioner's choice.</source>
        <translation>Eine neue Einwilligung wird auf Wunsch der behandelnden Person eingeholt.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/consent.py" line="316" />
        <source>Read the text to the end before signing.</source>
        <translation>Lesen Sie den Text bis zum Ende, bevor Sie unterschreiben.</translation>
    </message>
</context>
<context>
    <name>ConsentsTab</name>
    <message>
        <location filename="../../console/ui/records/consents_tab.py" line="30" />
        <source>Signed</source>
        <translation>Unterschrieben</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/consents_tab.py" line="31" />
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/consents_tab.py" line="32" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/consents_tab.py" line="33" />
        <source>Signed by</source>
        <translation>Unterschrieben von</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/consents_tab.py" line="34" />
        <source>Witness</source>
        <translation>Zeuge / Zeugin</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/consents_tab.py" line="35" />
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/consents_tab.py" line="108" />
        <source>Open / reprint PDF…</source>
        <translation>PDF öffnen / erneut drucken…</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/consents_tab.py" line="109" />
        <source>Withdraw consent…</source>
        <translation>Einwilligung widerrufen…</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/consents_tab.py" line="151" />
        <source>Withdraw consent</source>
        <translation>Einwilligung widerrufen</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/consents_tab.py" line="152" />
        <source>Withdraw “{title}”? Treatment is refused until a new consent is signed.
Reason (the patient's words, how it was received):</source>
        <translation>„{title}“ widerrufen? Bis eine neue Einwilligung unterschrieben ist, wird nicht behandelt.
Grund (in den Worten der Person, und wie er übermittelt wurde):</translation>
    </message>
</context>
<context>
    <name>CrashGuard</name>
    <message>
        <location filename="../../console/ui/shell/crash_guard.py" line="32" />
        <source>The clinic's server does not answer, so this could not be shown or saved. Treating goes on: passes are kept on this PC and sent when the server answers. Try again in a moment.</source>
        <translation>Der Server der Praxis antwortet nicht, deshalb konnte dies nicht angezeigt oder gespeichert werden. Die Behandlung läuft weiter: Durchgänge werden auf diesem PC gehalten und gesendet, sobald der Server antwortet. Versuchen Sie es gleich noch einmal.</translation>
    </message>
</context>
<context>
    <name>DayLogView</name>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="118" />
        <source>Practitioner / time</source>
        <translation>Behandelnde Person / Uhrzeit</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="119" />
        <source>Patient</source>
        <translation>Patient/in</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="120" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="121" />
        <source>Areas</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="122" />
        <source>Passes</source>
        <translation>Durchgänge</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="123" />
        <source>Needling</source>
        <translation>Needling</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="130" />
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="134" />
        <source>Day log</source>
        <translation>Tagesprotokoll</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="160" />
        <source>{count} visits</source>
        <translation>{count} Behandlungen</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="186" />
        <source>{visits} visits by {people} practitioners</source>
        <translation>{visits} Behandlungen durch {people} behandelnde Personen</translation>
    </message>
</context>
<context>
    <name>DueListView</name>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="36" />
        <source> days ahead</source>
        <translation> Tage im Voraus</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="40" />
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="45" />
        <source>Next due</source>
        <translation>Nächster Termin fällig</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="46" />
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="47" />
        <source>Patient</source>
        <translation>Patient/in</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="48" />
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="49" />
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="50" />
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="51" />
        <source>Last visit</source>
        <translation>Letzter Besuch</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="61" />
        <source>Show sessions due within</source>
        <translation>Sitzungen zeigen, die fällig werden innerhalb von</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="62" />
        <source>and overdue by up to</source>
        <translation>und bis zu überfällig seit</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="64" />
        <source>Due list</source>
        <translation>Fälligkeitsliste</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="81" />
        <source>overdue {days} d</source>
        <translation>{days} T überfällig</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="83" />
        <source>due</source>
        <translation>fällig</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="87" />
        <source>{done} of {planned}</source>
        <translation>{done} von {planned}</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/lists_view.py" line="97" />
        <source>{count} patients: {due} due, {overdue} overdue (double-click to open the record)</source>
        <translation>{count} Personen: {due} fällig, {overdue} überfällig (Doppelklick öffnet die Akte)</translation>
    </message>
</context>
<context>
    <name>FinishScreen</name>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="51" />
        <source>Erythema</source>
        <translation>Erythem</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="52" />
        <source>Pinpoint bleeding</source>
        <translation>Punktförmige Blutung</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="53" />
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="54" />
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="65" />
        <source>Finish</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="73" />
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="74" />
        <source>Depth</source>
        <translation>Tiefe</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="75" />
        <source>Passes</source>
        <translation>Durchgänge</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="76" />
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="77" />
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="82" />
        <source>Notes for the record</source>
        <translation>Notizen für die Dokumentation</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="85" />
        <source>Adverse events (leave empty if none)</source>
        <translation>Unerwünschte Ereignisse (leer lassen, wenn keine)</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="89" />
        <source>Complete visit  [Ctrl+Enter]</source>
        <translation>Behandlung abschließen  [Strg+Enter]</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="93" />
        <source>Locks the record, archives and prints the aftercare sheet</source>
        <translation>Sperrt die Dokumentation, archiviert und druckt das Nachsorgeblatt</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="96" />
        <source>Next patient</source>
        <translation>Nächste Person</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="111" />
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="113" />
        <source>Adverse events</source>
        <translation>Unerwünschte Ereignisse</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="210" />
        <source>{passes} passes, {time} of needling over {areas} area(s).</source>
        <translation>{passes} Durchgänge, {time} Needling auf {areas} Bereich(en).</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="217" />
        <source>Cartridge: {needles} needles, lot {lot}, exp {expiry}</source>
        <translation>Kartusche: {needles} Nadeln, Charge {lot}, verw. bis {expiry}</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="243" />
        <source>Completed and locked. Corrections are amendments (Records).</source>
        <translation>Abgeschlossen und gesperrt. Korrekturen sind Nachträge (Akten).</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="261" />
        <source>Complete visit</source>
        <translation>Behandlung abschließen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="263" />
        <source>Complete and lock this visit? Notes and adverse events cannot be changed afterwards, only amended.</source>
        <translation>Diese Behandlung abschließen und sperren? Notizen und unerwünschte Ereignisse können danach nicht mehr geändert, nur ergänzt werden.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="266" />
        <source>Complete and lock</source>
        <translation>Abschließen und sperren</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="305" />
        <source>No room printer is set (Settings): use Print… beside the sheet.</source>
        <translation>Kein Drucker im Raum eingestellt (Einstellungen): „Drucken…“ neben dem Blatt verwenden.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/finish.py" line="321" />
        <source>The visit is saved, but the backup failed: {reason}</source>
        <translation>Die Behandlung ist gespeichert, aber die Datensicherung ist fehlgeschlagen: {reason}</translation>
    </message>
</context>
<context>
    <name>FirstAdminForm</name>
    <message>
        <location filename="../../console/ui/shell/first_run.py" line="23" />
        <source>Create the first admin account</source>
        <translation>Das erste Administrationskonto anlegen</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/first_run.py" line="27" />
        <source>Nobody can sign in to this console yet. The admin manages settings, the protocol library, the other accounts and the audit trail. Use 4 to 12 digits as a PIN, or a password of at least 8 characters.</source>
        <translation>Noch kann sich niemand an dieser Konsole anmelden. Die Administration verwaltet die Einstellungen, die Protokollbibliothek, die anderen Konten und das Prüfprotokoll. Verwenden Sie 4 bis 12 Ziffern als PIN oder ein Passwort mit mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/first_run.py" line="36" />
        <source>e.g. Dr Amara Okafor</source>
        <translation>z. B. Dr. Amara Okafor</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/first_run.py" line="46" />
        <source>Your name as it will appear</source>
        <translation>Ihr Name, wie er angezeigt wird</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/first_run.py" line="47" />
        <source>PIN or password</source>
        <translation>PIN oder Passwort</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/first_run.py" line="48" />
        <source>The same again</source>
        <translation>Noch einmal dasselbe</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/first_run.py" line="61" />
        <source>Create admin account and sign in</source>
        <translation>Administrationskonto anlegen und anmelden</translation>
    </message>
</context>
<context>
    <name>HandoutPreview</name>
    <message>
        <location filename="../../console/ui/steps/handout_preview.py" line="136" />
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/handout_preview.py" line="137" />
        <source>Print to room printer</source>
        <translation>Im Raum drucken</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/handout_preview.py" line="138" />
        <source>Save .ics…</source>
        <translation>.ics speichern…</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/handout_preview.py" line="140" />
        <source>Save the suggested next session as a calendar file (.ics)</source>
        <translation>Die vorgeschlagene nächste Sitzung als Kalenderdatei (.ics) speichern</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/handout_preview.py" line="173" />
        <source>Aftercare sheet ready: {pages} page(s), archived.</source>
        <translation>Nachsorgeblatt fertig: {pages} Seite(n), archiviert.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/handout_preview.py" line="201" />
        <source>Draft from today's Settings: no sheet was archived for this visit.</source>
        <translation>Entwurf aus den heutigen Einstellungen: Für diese Behandlung wurde kein Blatt archiviert.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/handout_preview.py" line="219" />
        <source>Print aftercare sheet</source>
        <translation>Nachsorgeblatt drucken</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/handout_preview.py" line="227" />
        <source>Save calendar file</source>
        <translation>Kalenderdatei speichern</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/handout_preview.py" line="229" />
        <source>Calendar file (*.ics)</source>
        <translation>Kalenderdatei (*.ics)</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/handout_preview.py" line="264" />
        <source>Printing…</source>
        <translation>Wird gedruckt…</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/handout_preview.py" line="277" />
        <source>Printing page {done} of {total}…</source>
        <translation>Drucke Seite {done} von {total}…</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/handout_preview.py" line="285" />
        <source> ({copies} copies)</source>
        <translation> ({copies} Exemplare)</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/handout_preview.py" line="288" />
        <source>Sent to {printer}{copies}.</source>
        <translation>An {printer}{copies} gesendet.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/handout_preview.py" line="308" />
        <source>Calendar file saved: {name}</source>
        <translation>Kalenderdatei gespeichert: {name}</translation>
    </message>
</context>
<context>
    <name>HistoryCharts</name>
    <message>
        <location filename="../../console/ui/records/charts.py" line="57" />
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/charts.py" line="58" />
        <source>min</source>
        <translation>Min.</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/charts.py" line="59" />
        <source>passes</source>
        <translation>Durchgänge</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/charts.py" line="63" />
        <source>Session {number} done {date}</source>
        <translation>Sitzung {number} erfolgt am {date}</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/charts.py" line="64" />
        <source>Session {number} due {date}</source>
        <translation>Sitzung {number} fällig am {date}</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/charts.py" line="65" />
        <source>Session {number} overdue since {date}</source>
        <translation>Sitzung {number} überfällig seit {date}</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/charts.py" line="66" />
        <source>Session {number} planned {date}</source>
        <translation>Sitzung {number} geplant am {date}</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/charts.py" line="69" />
        <source>#{number} due</source>
        <translation>Nr. {number} fällig</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/charts.py" line="70" />
        <source>#{number} overdue</source>
        <translation>Nr. {number} überfällig</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/charts.py" line="78" />
        <source>Depth per zone (mm)</source>
        <translation>Tiefe je Zone (mm)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/charts.py" line="79" />
        <source>Time per zone (min)</source>
        <translation>Zeit je Zone (Min.)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/charts.py" line="80" />
        <source>Passes per zone</source>
        <translation>Durchgänge je Zone</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/charts.py" line="81" />
        <source>Series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/charts.py" line="127" />
        <source>today</source>
        <translation>heute</translation>
    </message>
</context>
<context>
    <name>JournalBanner</name>
    <message>
        <location filename="../../console/ui/widgets/journal_banner.py" line="40" />
        <source>saving on this PC</source>
        <translation>Speichern auf diesem PC</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/journal_banner.py" line="60" />
        <source>Saving on this PC since {time} — the clinic's server does not answer</source>
        <translation>Speichern auf diesem PC seit {time} – der Server der Praxis antwortet nicht</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/journal_banner.py" line="67" />
        <source>{count} event(s) kept on this PC were refused by the clinic's server: {reason}</source>
        <translation>{count} auf diesem PC gehaltene Eintragung(en) hat der Server der Praxis abgelehnt: {reason}</translation>
    </message>
</context>
<context>
    <name>KeyCaptureField</name>
    <message>
        <location filename="../../console/ui/settings/key_capture.py" line="26" />
        <source>Press the key or pedal now…</source>
        <translation>Jetzt Taste oder Pedal drücken…</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/key_capture.py" line="71" />
        <source>(none: click to choose)</source>
        <translation>(keine: zum Auswählen klicken)</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/key_capture.py" line="73" />
        <source>key: {key}</source>
        <translation>Taste: {key}</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/key_capture.py" line="73" />
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>LanguageTextsTab</name>
    <message>
        <location filename="../../console/ui/settings/texts_editor.py" line="30" />
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/texts_editor.py" line="31" />
        <source>On the sheet</source>
        <translation>Auf dem Blatt</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/texts_editor.py" line="32" />
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/texts_editor.py" line="41" />
        <source>Language of the texts</source>
        <translation>Sprache der Texte</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/texts_editor.py" line="56" />
        <source>Save texts</source>
        <translation>Texte speichern</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/texts_editor.py" line="58" />
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/texts_editor.py" line="70" />
        <source>Words in {braces} are filled in by the sheet: keep them. An empty text goes back to the shipped one.</source>
        <translation>Wörter in {Klammern} füllt das Blatt aus: lassen Sie sie stehen. Ein leerer Text kehrt zum ausgelieferten zurück.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/texts_editor.py" line="89" />
        <source>Needs review: {note}</source>
        <translation>Prüfung nötig: {note}</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/texts_editor.py" line="135" />
        <source>Row {row}: {message}</source>
        <translation>Zeile {row}: {message}</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/texts_editor.py" line="138" />
        <source>Not saved.</source>
        <translation>Nicht gespeichert.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/texts_editor.py" line="146" />
        <source>Saved {count} change(s).</source>
        <translation>{count} Änderung(en) gespeichert.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/texts_editor.py" line="148" />
        <source>Nothing changed.</source>
        <translation>Nichts geändert.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../console/ui/shell/lock.py" line="66" />
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/lock.py" line="78" />
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/lock.py" line="96" />
        <source>the practitioner</source>
        <translation>die behandelnde Person</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/lock.py" line="99" />
        <source>Patient data is hidden. {name}: enter your PIN to carry on where you were. Someone else can choose their name and sign in; the visit stays as it is.</source>
        <translation>Patientendaten sind ausgeblendet. {name}: Geben Sie Ihre PIN ein, um dort weiterzumachen, wo Sie waren. Jemand anderes kann den eigenen Namen wählen und sich anmelden; die Behandlung bleibt, wie sie ist.</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/lock.py" line="126" />
        <source>Pass running on {area}: {time}. It keeps counting; unlock to stop it.</source>
        <translation>Durchgang läuft auf {area}: {time}. Er zählt weiter; entsperren, um ihn zu stoppen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/lock.py" line="142" />
        <source>Choose your name first.</source>
        <translation>Wählen Sie zuerst Ihren Namen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/lock.py" line="145" />
        <source>Type your PIN, then press Enter.</source>
        <translation>Tippen Sie Ihre PIN und drücken Sie Enter.</translation>
    </message>
</context>
<context>
    <name>LogoPicker</name>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="278" />
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="279" />
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="294" />
        <source>Choose the clinic's logo</source>
        <translation>Logo der Praxis auswählen</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="296" />
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="314" />
        <source>no logo</source>
        <translation>kein Logo</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="314" />
        <source>logo not found</source>
        <translation>Logo nicht gefunden</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/ui/shell/main_window.py" line="43" />
        <source>1  Sign-in</source>
        <translation>1  Anmeldung</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/main_window.py" line="45" />
        <source>2  Patient</source>
        <translation>2  Patient/in</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/main_window.py" line="47" />
        <source>3  Screening</source>
        <translation>3  Ausschlüsse</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/main_window.py" line="49" />
        <source>4  Consent</source>
        <translation>4  Einwilligung</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/main_window.py" line="51" />
        <source>5  Prep</source>
        <translation>5  Vorbereitung</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/main_window.py" line="53" />
        <source>6  Plan</source>
        <translation>6  Planung</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/main_window.py" line="55" />
        <source>7  Treat</source>
        <translation>7  Behandlung</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/main_window.py" line="57" />
        <source>8  Finish</source>
        <translation>8  Abschluss</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/main_window.py" line="59" />
        <source>Records</source>
        <translation>Akten</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/main_window.py" line="61" />
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/main_window.py" line="115" />
        <source>Treatment Room Console</source>
        <translation>Konsole für den Behandlungsraum</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/main_window.py" line="85" />
        <source>who and which patient</source>
        <translation>wer angemeldet ist und welche Person behandelt wird</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/main_window.py" line="173" />
        <source>Stop the running pass first.</source>
        <translation>Stoppen Sie zuerst den laufenden Durchgang.</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/main_window.py" line="210" />
        <source>Signed in: {name}</source>
        <translation>Angemeldet: {name}</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/main_window.py" line="218" />
        <source>Patient: &lt;b&gt;{name}&lt;/b&gt;, born {date} (age {age})</source>
        <translation>Patient/in: &lt;b&gt;{name}&lt;/b&gt;, geboren {date} ({age} Jahre)</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/main_window.py" line="222" />
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
</context>
<context>
    <name>NamePicker</name>
    <message>
        <location filename="../../console/ui/widgets/pin.py" line="69" />
        <source>sign in as {name}</source>
        <translation>als {name} anmelden</translation>
    </message>
</context>
<context>
    <name>NamesAndPin</name>
    <message>
        <location filename="../../console/ui/widgets/pin.py" line="215" />
        <source>Type a password instead</source>
        <translation>Stattdessen ein Passwort eingeben</translation>
    </message>
</context>
<context>
    <name>PatientFormWidget</name>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="40" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="41" />
        <source>As the patient writes it, any script</source>
        <translation>Wie die Person ihn schreibt, in jeder Schrift</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="45" />
        <source>Born</source>
        <translation>Geboren</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="46" />
        <source>Day first, e.g. 24.11.1990</source>
        <translation>Tag zuerst, z. B. 24.11.1990</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="50" />
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="51" />
        <location filename="../../console/ui/steps/patient_form.py" line="56" />
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="55" />
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="60" />
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="61" />
        <source>Of the aftercare sheet, consent and calendar file</source>
        <translation>Des Nachsorgeblatts, der Einwilligung und der Kalenderdatei</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="65" />
        <source>Skin type</source>
        <translation>Hauttyp</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="66" />
        <source>Fitzpatrick I–VI; click again to clear</source>
        <translation>Fitzpatrick I–VI; erneut klicken zum Löschen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="70" />
        <source>Allergies</source>
        <translation>Allergien</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="71" />
        <source>E.g. lidocaine, nickel</source>
        <translation>Z. B. Lidocain, Nickel</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="73" />
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="78" />
        <source>born {date}</source>
        <translation>geboren {date}</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="100" />
        <location filename="../../console/ui/steps/patient_form.py" line="224" />
        <source>Register a new patient</source>
        <translation>Neue Person aufnehmen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="120" />
        <source>The clinic's language</source>
        <translation>Sprache der Praxis</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="146" />
        <source>{field}: error</source>
        <translation>{field}: Fehler</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="166" />
        <source>Open the existing patient</source>
        <translation>Vorhandene Akte öffnen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="169" />
        <source>A different person: register</source>
        <translation>Eine andere Person: aufnehmen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="179" />
        <location filename="../../console/ui/steps/patient_form.py" line="225" />
        <source>Register</source>
        <translation>Aufnehmen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="182" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="214" />
        <source>Fitzpatrick type {type}</source>
        <translation>Fitzpatrick-Typ {type}</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="231" />
        <source>Edit patient details</source>
        <translation>Angaben der Patientin / des Patienten bearbeiten</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="232" />
        <source>Save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient_form.py" line="314" />
        <source>Open it, or confirm that this is a different person.</source>
        <translation>Öffnen Sie sie, oder bestätigen Sie, dass es eine andere Person ist.</translation>
    </message>
</context>
<context>
    <name>PatientRecordView</name>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="38" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="39" />
        <source>Practitioner</source>
        <translation>Behandelnde Person</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="40" />
        <source>Areas</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="41" />
        <source>Passes</source>
        <translation>Durchgänge</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="42" />
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="43" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="44" />
        <source>Amended</source>
        <translation>Nachgetragen</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="45" />
        <source>Sheet</source>
        <translation>Blatt</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="83" />
        <source>Export record…</source>
        <translation>Akte exportieren…</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="84" />
        <source>Erasure request…</source>
        <translation>Löschantrag…</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="95" />
        <source>Open / reprint sheet…</source>
        <translation>Blatt öffnen / erneut drucken…</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="99" />
        <source>Archive a sheet now…</source>
        <translation>Jetzt ein Blatt archivieren…</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="101" />
        <source>Makes this visit's sheet from today's Settings and archives it (audited)</source>
        <translation>Erstellt das Blatt dieser Behandlung aus den heutigen Einstellungen und archiviert es (im Prüfprotokoll)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="121" />
        <source>Visit</source>
        <translation>Behandlung</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="122" />
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="123" />
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="124" />
        <source>Safe from</source>
        <translation>Unbedenklich ab</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="125" />
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="126" />
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="130" />
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="131" />
        <source>Visits</source>
        <translation>Behandlungen</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="132" />
        <source>Screening history</source>
        <translation>Verlauf der Ausschlusskriterien</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="134" />
        <source>Consents</source>
        <translation>Einwilligungen</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="136" />
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="167" />
        <source>Born {date}</source>
        <translation>Geboren {date}</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="168" />
        <source>no phone</source>
        <translation>kein Telefon</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="169" />
        <source>no e-mail</source>
        <translation>keine E-Mail</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="173" />
        <source>Fitzpatrick {type}</source>
        <translation>Fitzpatrick {type}</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="175" />
        <source>Allergies: {allergies}</source>
        <translation>Allergien: {allergies}</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="177" />
        <source>ANONYMISED {date}</source>
        <translation>ANONYMISIERT {date}</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="179" />
        <source>&lt;b&gt;Series:&lt;/b&gt; {series}</source>
        <translation>&lt;b&gt;Serie:&lt;/b&gt; {series}</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="234" />
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="255" />
        <source>This visit cannot be shown in full: {error}</source>
        <translation>Diese Behandlung kann nicht vollständig angezeigt werden: {error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="261" />
        <source>No sheet was archived for this visit.</source>
        <translation>Für diese Behandlung wurde kein Nachsorgeblatt archiviert.</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="270" />
        <source>Export record</source>
        <translation>Akte exportieren</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="280" />
        <source>Erasure request</source>
        <translation>Löschantrag</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="281" />
        <source>Anonymise this patient? Name, birth date and contacts are removed for good;
the treatment record is kept (retention). Reason / date of the request:</source>
        <translation>Diese Person anonymisieren? Name, Geburtsdatum und Kontaktdaten werden endgültig entfernt;
die Behandlungsdokumentation bleibt erhalten (Aufbewahrungspflicht). Grund / Datum des Antrags:</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="294" />
        <source>Aftercare sheet</source>
        <translation>Nachsorgeblatt</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="306" />
        <source>Archive a sheet now</source>
        <translation>Jetzt ein Blatt archivieren</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="307" />
        <source>No aftercare sheet was archived for this visit. Make one now? It is made from TODAY's Settings (clinic details, texts), not from the day of the visit, and the audit trail records that it was made late.</source>
        <translation>Für diese Behandlung wurde kein Nachsorgeblatt archiviert. Jetzt eines erstellen? Es entsteht aus den HEUTIGEN Einstellungen (Praxisangaben, Texte), nicht aus denen am Tag der Behandlung, und das Prüfprotokoll hält fest, dass es nachträglich erstellt wurde.</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="313" />
        <source>Archive sheet</source>
        <translation>Blatt archivieren</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/record_view.py" line="350" />
        <source>Exported {visits} visits and {sheets} sheets to {path}</source>
        <translation>{visits} Behandlungen und {sheets} Blätter exportiert nach {path}</translation>
    </message>
</context>
<context>
    <name>PatientScreen</name>
    <message>
        <location filename="../../console/ui/shell/resume_dialog.py" line="23" />
        <location filename="../../console/ui/steps/patient.py" line="43" />
        <source>Screening</source>
        <translation>Ausschlusskriterien</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/resume_dialog.py" line="24" />
        <location filename="../../console/ui/steps/patient.py" line="44" />
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/resume_dialog.py" line="25" />
        <location filename="../../console/ui/steps/patient.py" line="45" />
        <source>Prep</source>
        <translation>Vorbereitung</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/resume_dialog.py" line="26" />
        <location filename="../../console/ui/steps/patient.py" line="46" />
        <source>Plan</source>
        <translation>Planung</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/resume_dialog.py" line="27" />
        <location filename="../../console/ui/steps/patient.py" line="47" />
        <source>Treat</source>
        <translation>Behandlung</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/resume_dialog.py" line="28" />
        <location filename="../../console/ui/steps/patient.py" line="48" />
        <source>Finish</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="59" />
        <source>in progress</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="60" />
        <source>stopped</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="62" />
        <source>no areas</source>
        <translation>keine Bereiche</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="140" />
        <source>Find a patient</source>
        <translation>Patientin / Patienten suchen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="141" />
        <source>Name, date of birth, phone or email</source>
        <translation>Name, Geburtsdatum, Tel., E-Mail</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="149" />
        <source>Accents and case do not matter. Dates day first: 11/12/1990 is 11 December.</source>
        <translation>Akzente und Groß-/Kleinschreibung spielen keine Rolle. Datum mit dem Tag zuerst: 11/12/1990 ist der 11. Dezember.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="154" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="154" />
        <source>Born</source>
        <translation>Geboren</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="154" />
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="154" />
        <source>Last visit</source>
        <translation>Letzter Besuch</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="169" />
        <source>Register a new patient…</source>
        <translation>Neue Person aufnehmen…</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="174" />
        <source>Find or register a patient</source>
        <translation>Patientin / Patienten suchen oder aufnehmen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="195" />
        <location filename="../../console/ui/steps/patient.py" line="208" />
        <source>History at a glance</source>
        <translation>Verlauf auf einen Blick</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="196" />
        <source>Edit details…</source>
        <translation>Angaben bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="199" />
        <location filename="../../console/ui/steps/patient.py" line="416" />
        <source>Start visit</source>
        <translation>Behandlung beginnen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="215" />
        <source>Type to search. Enter or double-click opens a patient; ↓ moves into the list.</source>
        <translation>Zum Suchen tippen. Enter oder Doppelklick öffnet die Akte; ↓ springt in die Liste.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="296" />
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="316" />
        <source>No patient found. Register them?</source>
        <translation>Niemand gefunden. Neu aufnehmen?</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="318" />
        <source>The first 50: type more to narrow it down.</source>
        <translation>Die ersten 50: weiter tippen, um einzugrenzen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="320" />
        <source>{count} found</source>
        <translation>{count} gefunden</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="324" />
        <source>{found}; {count} share a name: check the birth date.</source>
        <translation>{found}; {count} mit gleichem Namen: Geburtsdatum prüfen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="392" />
        <source>Born {date} (age {age})</source>
        <translation>Geboren {date} ({age} Jahre)</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="394" />
        <source>Fitzpatrick {type}</source>
        <translation>Fitzpatrick {type}</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="397" />
        <source>Notes: {notes}</source>
        <translation>Notizen: {notes}</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="400" />
        <source>Allergies: {allergies}</source>
        <translation>Allergien: {allergies}</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="408" />
        <source>No visits yet.</source>
        <translation>Noch keine Behandlungen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/patient.py" line="414" />
        <source>Resume visit (at {step})</source>
        <translation>Behandlung fortsetzen (bei {step})</translation>
    </message>
</context>
<context>
    <name>PdfPagesView</name>
    <message>
        <location filename="../../console/ui/steps/handout_preview.py" line="71" />
        <source>Page {number}</source>
        <translation>Seite {number}</translation>
    </message>
</context>
<context>
    <name>PhotoCapture</name>
    <message>
        <location filename="../../console/ui/photos/capture.py" line="53" />
        <source>Photos of this visit</source>
        <translation>Fotos dieser Behandlung</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/capture.py" line="63" />
        <source>Watched folder…</source>
        <translation>Überwachter Ordner…</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/capture.py" line="68" />
        <source>new pictures in the watched folder</source>
        <translation>neue Bilder im überwachten Ordner</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/capture.py" line="70" />
        <source>Import files…</source>
        <translation>Dateien importieren…</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/capture.py" line="72" />
        <source>Camera…</source>
        <translation>Kamera…</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/capture.py" line="75" />
        <source>&lt;b&gt;New pictures&lt;/b&gt;</source>
        <translation>&lt;b&gt;Neue Bilder&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/capture.py" line="95" />
        <source>ghost of the last visit</source>
        <translation>Überlagerung vom letzten Besuch</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/capture.py" line="99" />
        <source>Last visit's ghost</source>
        <translation>Überlagerung vom letzten Besuch</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/capture.py" line="118" />
        <source>views: press its number to file the picture</source>
        <translation>Ansichten: Nummer drücken, um das Bild abzulegen</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/capture.py" line="125" />
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/capture.py" line="130" />
        <source>&lt;b&gt;Views&lt;/b&gt;: press a view's number to file the picture under it.</source>
        <translation>&lt;b&gt;Ansichten&lt;/b&gt;: Drücken Sie die Nummer einer Ansicht, um das Bild dort abzulegen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/capture.py" line="169" />
        <source>Take the selected view with the webcam</source>
        <translation>Die gewählte Ansicht mit der Webcam aufnehmen</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/capture.py" line="184" />
        <source>Import photos</source>
        <translation>Fotos importieren</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/capture.py" line="186" />
        <source>Pictures (*.jpg *.jpeg *.png *.heic *.heif)</source>
        <translation>Bilder (*.jpg *.jpeg *.png *.heic *.heif)</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/capture.py" line="199" />
        <source>No watched folder set for this room.</source>
        <translation>Für diesen Raum ist kein überwachter Ordner festgelegt.</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/capture.py" line="202" />
        <source>Watching {folder}</source>
        <translation>Überwacht: {folder}</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/capture.py" line="259" />
        <location filename="../../console/ui/photos/capture.py" line="288" />
        <source>Could not read {name}.</source>
        <translation>{name} konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/capture.py" line="352" />
        <source>No earlier photo of the {view} view.</source>
        <translation>Kein früheres Foto der Ansicht „{view}“.</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/capture.py" line="359" />
        <source>Ghost: {view}, {date}.</source>
        <translation>Überlagerung: {view}, {date}.</translation>
    </message>
</context>
<context>
    <name>PhotoCompare</name>
    <message>
        <location filename="../../console/ui/photos/compare.py" line="92" />
        <source>blend between the two dates</source>
        <translation>Überblendung zwischen den beiden Daten</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/compare.py" line="108" />
        <source>Side by side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/compare.py" line="109" />
        <source>Overlay</source>
        <translation>Überlagern</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/compare.py" line="110" />
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/compare.py" line="125" />
        <source>Wheel: zoom · drag: move (both sides)</source>
        <translation>Mausrad: zoomen · ziehen: verschieben (beide Seiten)</translation>
    </message>
</context>
<context>
    <name>PhotoSeriesTab</name>
    <message>
        <location filename="../../console/ui/photos/series_tab.py" line="45" />
        <source>view</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/series_tab.py" line="54" />
        <source>earlier date</source>
        <translation>früheres Datum</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/series_tab.py" line="55" />
        <source>later date</source>
        <translation>späteres Datum</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/series_tab.py" line="61" />
        <source>timeline of the view</source>
        <translation>Zeitleiste der Ansicht</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/series_tab.py" line="65" />
        <source>Enlarge…</source>
        <translation>Vergrößern…</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/series_tab.py" line="83" />
        <source>with</source>
        <translation>mit</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/series_tab.py" line="105" />
        <source>No photos of this patient yet.</source>
        <translation>Noch keine Fotos dieser Person.</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/series_tab.py" line="171" />
        <source>{view}: compare</source>
        <translation>{view}: vergleichen</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/series_tab.py" line="173" />
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>PhotoViewsEditor</name>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="37" />
        <source>photo views, in capture order</source>
        <translation>Fotoansichten in Aufnahmereihenfolge</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="39" />
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="41" />
        <source>Move d&amp;own</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="43" />
        <source>&amp;New view</source>
        <translation>&amp;Neue Ansicht</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="47" />
        <source>e.g. Cheeks, close</source>
        <translation>z. B. Wangen, nah</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="49" />
        <source>made from the name if left empty</source>
        <translation>wird aus dem Namen gebildet, wenn leer</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="50" />
        <source>id used by scripts</source>
        <translation>Kennung für Skripte</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="52" />
        <source>treated zone</source>
        <translation>behandelte Zone</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="56" />
        <source>positioning guide</source>
        <translation>Anleitung zur Positionierung</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="60" />
        <source>&amp;Save view</source>
        <translation>Ansicht &amp;speichern</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="62" />
        <location filename="../../console/ui/settings/photo_views_editor.py" line="183" />
        <source>&amp;Retire view</source>
        <translation>Ansicht s&amp;tilllegen</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="67" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="69" />
        <source>Id</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="71" />
        <source>Treated zone</source>
        <translation>Behandelte Zone</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="73" />
        <source>Positioning guide</source>
        <translation>Positionierung</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="83" />
        <source>A view tied to a treated zone is offered at capture only on visits that plan that zone. A retired view is no longer taken; its photos stay in Records.</source>
        <translation>Eine Ansicht mit Zone wird nur bei Besuchen angeboten, die diese Zone planen. Eine stillgelegte Ansicht wird nicht mehr aufgenommen; ihre Fotos bleiben in den Akten.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="123" />
        <source>Every visit (a general view)</source>
        <translation>Jeder Besuch (allgemeine Ansicht)</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="133" />
        <source> (retired)</source>
        <translation> (stillgelegt)</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="147" />
        <source>Only an admin can change the photo views.</source>
        <translation>Nur eine Administratorin oder ein Administrator kann die Fotoansichten ändern.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="183" />
        <source>&amp;Restore view</source>
        <translation>Ansicht &amp;wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="200" />
        <source>New view: write its name and guide, then Save.</source>
        <translation>Neue Ansicht: Namen und Anleitung eintragen, dann speichern.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="215" />
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="220" />
        <source>saved</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="225" />
        <source>View “{name}” {done}.</source>
        <translation>Ansicht „{name}“ {done}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="236" />
        <source>View “{name}” is offered again.</source>
        <translation>Ansicht „{name}“ wird wieder angeboten.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/photo_views_editor.py" line="242" />
        <source>View “{name}” retired: no longer taken; its photos stay in Records.</source>
        <translation>Ansicht „{name}“ stillgelegt: nicht mehr aufgenommen; ihre Fotos bleiben in den Akten.</translation>
    </message>
</context>
<context>
    <name>PhotosButton</name>
    <message>
        <location filename="../../console/ui/photos/launch.py" line="20" />
        <source>{stage} photos…</source>
        <translation>Fotos: {stage}…</translation>
    </message>
</context>
<context>
    <name>PinField</name>
    <message>
        <location filename="../../console/ui/widgets/pin.py" line="116" />
        <location filename="../../console/ui/widgets/pin.py" line="117" />
        <location filename="../../console/ui/widgets/pin.py" line="129" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/pin.py" line="129" />
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../console/ui/widgets/pin.py" line="156" />
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../console/ui/widgets/pin.py" line="178" />
        <source>delete last digit</source>
        <translation>letzte Ziffer löschen</translation>
    </message>
</context>
<context>
    <name>PlanScreen</name>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="116" />
        <source>Areas: arrows move, Enter chooses</source>
        <translation>Bereiche: Pfeiltasten wechseln, Enter wählt</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="123" />
        <location filename="../../console/ui/steps/plan.py" line="269" />
        <source>Choose an area</source>
        <translation>Bereich auswählen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="129" />
        <source>type it</source>
        <translation>eintippen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="131" />
        <source>depth in millimetres</source>
        <translation>Tiefe in Millimetern</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="133" />
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="141" />
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="148" />
        <source>I confirm</source>
        <translation>Ich bestätige</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="151" />
        <source>Reason (recorded)</source>
        <translation>Grund (wird erfasst)</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="153" />
        <source>reason for this depth</source>
        <translation>Grund für diese Tiefe</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="157" />
        <source>Add area to plan</source>
        <translation>Bereich zur Planung hinzufügen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="171" />
        <source>Concern</source>
        <translation>Anliegen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="173" />
        <location filename="../../console/ui/steps/plan.py" line="185" />
        <source>Depth</source>
        <translation>Tiefe</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="178" />
        <location filename="../../console/ui/steps/plan.py" line="185" />
        <source>Passes</source>
        <translation>Durchgänge</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="185" />
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="185" />
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="190" />
        <source>Remove area</source>
        <translation>Bereich entfernen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="191" />
        <source>Remove the area selected in the plan</source>
        <translation>Den in der Planung ausgewählten Bereich entfernen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="194" />
        <source>Start treating</source>
        <translation>Behandlung starten</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="232" />
        <source>Plan</source>
        <translation>Planung</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="294" />
        <source>{area} is in the plan: Delete on the map or Remove area takes it out.</source>
        <translation>{area} ist in der Planung: Entf auf der Karte oder „Bereich entfernen“ nimmt ihn heraus.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="340" />
        <source>Never above {limit} mm.</source>
        <translation>Nie über {limit} mm.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="344" />
        <source>Typical for {zone}: {low}–{high} mm.</source>
        <translation>Üblich für {zone}: {low}–{high} mm.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="371" />
        <source>Choose an area on the map or in the list.</source>
        <translation>Wählen Sie einen Bereich auf der Karte oder in der Liste.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="388" />
        <source>Give the reason for this depth.</source>
        <translation>Geben Sie den Grund für diese Tiefe an.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="442" />
        <source>Select a planned area first.</source>
        <translation>Wählen Sie zuerst einen geplanten Bereich.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="457" />
        <source>Add at least one area to the plan.</source>
        <translation>Fügen Sie der Planung mindestens einen Bereich hinzu.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/plan.py" line="462" />
        <source>Not ready to treat: {missing}</source>
        <translation>Noch nicht bereit zur Behandlung: {missing}</translation>
    </message>
</context>
<context>
    <name>PrepScreen</name>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="39" />
        <source>scan</source>
        <translation>gescannt</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="39" />
        <source>manual</source>
        <translation>eingetippt</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="55" />
        <source>Sterile seal intact</source>
        <translation>Sterilsiegel intakt</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="57" />
        <source>Scan the cartridge box's barcode here</source>
        <translation>Barcode der Kartusche scannen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="61" />
        <source>e.g. 2027-03 or 31.03.2027</source>
        <translation>z. B. 2027-03 oder 31.03.2027</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="62" />
        <source>optional, 14 digits</source>
        <translation>optional, 14 Ziffern</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="65" />
        <source>Record typed label</source>
        <translation>Etikett erfassen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="71" />
        <source>Yes: I opened a new sealed cartridge for this patient</source>
        <translation>Ja: Ich habe für diese Person eine neue, versiegelte Kartusche geöffnet</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="80" />
        <source>Needle cartridge (sterile, single use)</source>
        <translation>Nadelkartusche (steril, Einweg)</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="87" />
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="88" />
        <source>Cartridge type</source>
        <translation>Kartusche</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="90" />
        <source>Scan</source>
        <translation>Scannen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="91" />
        <source>Box will not scan? Type the label:</source>
        <translation>Verpackung lässt sich nicht scannen? Etikett eintippen:</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="92" />
        <source>GTIN (01)</source>
        <translation>GTIN (01)</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="93" />
        <source>Lot (10)</source>
        <translation>Charge (10)</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="94" />
        <source>Expiry (17)</source>
        <translation>Verfall (17)</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="95" />
        <source>Serial (21)</source>
        <translation>Seriennr. (21)</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="100" />
        <source>Recorded</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="103" />
        <source>Record gel</source>
        <translation>Gel erfassen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="107" />
        <source>Topical gel</source>
        <translation>Topisches Gel</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="109" />
        <location filename="../../console/ui/steps/prep.py" line="129" />
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="110" />
        <location filename="../../console/ui/steps/prep.py" line="130" />
        <source>Lot</source>
        <translation>Charge</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="118" />
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="119" />
        <source>Under occlusion</source>
        <translation>Unter Okklusion</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="120" />
        <source>Numbing cream applied</source>
        <translation>Creme aufgetragen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="122" />
        <source>Cream removed completely</source>
        <translation>Creme vollständig entfernt</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="127" />
        <source>Numbing cream (optional)</source>
        <translation>Betäubungscreme (optional)</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="131" />
        <source>Applied at</source>
        <translation>Aufgetragen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="132" />
        <source>Wait</source>
        <translation>Einwirkzeit</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="139" />
        <location filename="../../console/ui/steps/prep.py" line="247" />
        <source>Skin cleansed</source>
        <translation>Haut gereinigt</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="142" />
        <source>Continue to Plan</source>
        <translation>Weiter zur Planung</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="158" />
        <source>Prep</source>
        <translation>Vorbereitung</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="186" />
        <source>Choose the device…</source>
        <translation>Gerät auswählen…</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="223" />
        <source>{needles} needles · lot {lot} · exp {expiry}</source>
        <translation>{needles} Nadeln · Charge {lot} · verw. bis {expiry}</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="227" />
        <source> · serial {serial}</source>
        <translation> · Seriennr. {serial}</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="229" />
        <source> · no serial: new sealed cartridge confirmed</source>
        <translation> · keine Seriennr.: neue versiegelte Kartusche bestätigt</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="233" />
        <source>Recorded: {product}, lot {lot}</source>
        <translation>Erfasst: {product}, Charge {lot}</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="243" />
        <source>Skin cleansed at {time}</source>
        <translation>Haut gereinigt um {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="252" />
        <source>Still to do: {missing}</source>
        <translation>Noch offen: {missing}</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="254" />
        <source>Ready.</source>
        <translation>Bereit.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="265" />
        <source>Removed at {time}</source>
        <translation>Entfernt um {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="297" />
        <source>Choose the device first.</source>
        <translation>Wählen Sie zuerst das Gerät.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="300" />
        <source>Choose the cartridge type.</source>
        <translation>Wählen Sie den Kartuschentyp.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="305" />
        <source>Check the sterile seal and tick “Sterile seal intact”. A broken seal: do not use it.</source>
        <translation>Prüfen Sie das Sterilsiegel und haken Sie „Sterilsiegel intakt“ an. Bei beschädigtem Siegel: nicht verwenden.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/prep.py" line="425" />
        <source>No numbing cream is recorded.</source>
        <translation>Es ist keine Betäubungscreme erfasst.</translation>
    </message>
</context>
<context>
    <name>PreviewTab</name>
    <message>
        <location filename="../../console/ui/settings/preview.py" line="33" />
        <source>A sample visit, printed with the values being edited now (not yet saved). Nothing is stored.</source>
        <translation>Eine Beispielbehandlung, gedruckt mit den gerade bearbeiteten (noch nicht gespeicherten) Werten. Nichts wird gespeichert.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/preview.py" line="40" />
        <source>Language of the preview</source>
        <translation>Sprache der Vorschau</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/preview.py" line="45" />
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/preview.py" line="85" />
        <source>The library being edited has problems; fix them to see it here. First: {where}: {message}</source>
        <translation>Die bearbeitete Bibliothek hat Fehler; beheben Sie sie, um sie hier zu sehen. Erster: {where}: {message}</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/preview.py" line="101" />
        <source>The sheet cannot be built with these values: {error}</source>
        <translation>Mit diesen Werten kann das Blatt nicht erstellt werden: {error}</translation>
    </message>
</context>
<context>
    <name>ProtocolColumns</name>
    <message>
        <location filename="../../console/ui/settings/protocol_columns.py" line="15" />
        <source>Hard stop</source>
        <translation>Absolutes Ausschlusskriterium</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_columns.py" line="16" />
        <source>Waiting period</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_columns.py" line="17" />
        <source>Needs clearance</source>
        <translation>Ärztliche Freigabe nötig</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_columns.py" line="18" />
        <source>Prompt</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_columns.py" line="21" />
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_columns.py" line="22" />
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_columns.py" line="69" />
        <source>Wait (e.g. 6 months)</source>
        <translation>Wartezeit (z. B. 6 months)</translation>
    </message>
</context>
<context>
    <name>ProtocolEditor</name>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="61" />
        <location filename="../../console/ui/settings/protocol_editor.py" line="75" />
        <location filename="../../console/ui/settings/protocol_editor.py" line="85" />
        <location filename="../../console/ui/settings/protocol_editor.py" line="92" />
        <location filename="../../console/ui/settings/protocol_editor.py" line="106" />
        <location filename="../../console/ui/settings/protocol_editor.py" line="120" />
        <location filename="../../console/ui/settings/protocol_editor.py" line="298" />
        <source>Id</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="62" />
        <location filename="../../console/ui/settings/protocol_editor.py" line="77" />
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="63" />
        <source>Min mm</source>
        <translation>Min. mm</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="64" />
        <source>Max mm</source>
        <translation>Max. mm</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="65" />
        <source>Step mm</source>
        <translation>Schritt mm</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="66" />
        <source>Warn above</source>
        <translation>Warnen über</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="67" />
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="68" />
        <source>Never on</source>
        <translation>Nie auf</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="76" />
        <source>Cartridge</source>
        <translation>Kartusche</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="78" />
        <source>Needles</source>
        <translation>Nadeln</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="85" />
        <source>Concern</source>
        <translation>Anliegen</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="93" />
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="94" />
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="96" />
        <source>Date asked</source>
        <translation>Erfragtes Datum</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="97" />
        <source>Prompt</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="98" />
        <source>No numbing</source>
        <translation>Keine Betäubung</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="107" />
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="108" />
        <source>Rule as printed</source>
        <translation>Regel wie gedruckt</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="109" />
        <source>From h</source>
        <translation>Ab Std.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="110" />
        <source>Until h</source>
        <translation>Bis Std.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="115" />
        <location filename="../../console/ui/settings/protocol_editor.py" line="164" />
        <source>What to expect</source>
        <translation>Was zu erwarten ist</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="116" />
        <source>Call the clinic if …</source>
        <translation>Rufen Sie die Praxis an, wenn …</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="117" />
        <location filename="../../console/ui/settings/protocol_editor.py" line="173" />
        <source>Pass directions</source>
        <translation>Richtungen der Durchgänge</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="120" />
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="149" />
        <location filename="../../console/ui/settings/protocol_editor.py" line="150" />
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="150" />
        <source>Cartridge types</source>
        <translation>Kartuschentypen</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="153" />
        <source>Zones</source>
        <translation>Zonen</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="155" />
        <source>Concerns</source>
        <translation>Anliegen</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="156" />
        <source>Zones and typical depths</source>
        <translation>Zonen und typische Tiefen</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="159" />
        <source>Screening</source>
        <translation>Ausschlusskriterien</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="159" />
        <source>Contraindications</source>
        <translation>Kontraindikationen</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="161" />
        <source>Aftercare</source>
        <translation>Nachsorge</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="163" />
        <source>Rules (hours from the end of the visit)</source>
        <translation>Regeln (Stunden ab Ende der Behandlung)</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="165" />
        <source>When to call</source>
        <translation>Wann anrufen</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="169" />
        <source>Series &amp; visit</source>
        <translation>Serie &amp; Behandlung</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="172" />
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="212" />
        <source>What changed and why (kept with the version)</source>
        <translation>Was wurde warum geändert (wird mit der Version gespeichert)</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="213" />
        <source>Save as new version</source>
        <translation>Neue Version speichern</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="214" />
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="215" />
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="216" />
        <source>Preview the sheet</source>
        <translation>Blattvorschau</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="243" />
        <source>Sessions in a series</source>
        <translation>Sitzungen pro Serie</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="246" />
        <source>Weeks between sessions</source>
        <translation>Wochen zwischen den Sitzungen</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="249" />
        <source> weeks</source>
        <translation> Wochen</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="251" />
        <source>Default target passes per area</source>
        <translation>Standardziel an Durchgängen pro Bereich</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="254" />
        <source>Numbing cream: default wait</source>
        <translation>Betäubungscreme: übliche Einwirkzeit</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="257" />
        <location filename="../../console/ui/settings/protocol_editor.py" line="264" />
        <location filename="../../console/ui/settings/protocol_editor.py" line="271" />
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="261" />
        <source>Numbing cream: shortest wait</source>
        <translation>Betäubungscreme: kürzeste Einwirkzeit</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="268" />
        <source>Numbing cream: longest wait</source>
        <translation>Betäubungscreme: längste Einwirkzeit</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="286" />
        <source>Maintenance advice</source>
        <translation>Empfehlung zur Erhaltung</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="299" />
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="300" />
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="309" />
        <source>Limit mm</source>
        <translation>Grenze mm</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="310" />
        <source>Passes</source>
        <translation>Durchgänge</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="311" />
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="355" />
        <source> by {name}</source>
        <translation> von {name}</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="360" />
        <source>Current library: version {version}, saved {when} UTC{who}{note}. Visits keep the version they were done under.</source>
        <translation>Aktuelle Bibliothek: Version {version}, gespeichert {when} UTC{who}{note}. Behandlungen behalten die Version, unter der sie durchgeführt wurden.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="416" />
        <source>{count} problem(s) to fix before saving. First: {where}: {message}</source>
        <translation>{count} Fehler vor dem Speichern zu beheben. Erster: {where}: {message}</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="434" />
        <source>  Saved version {version}.</source>
        <translation>  Version {version} gespeichert.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="442" />
        <source>Export the protocol library</source>
        <translation>Protokollbibliothek exportieren</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/protocol_editor.py" line="452" />
        <source>Import a protocol library</source>
        <translation>Eine Protokollbibliothek importieren</translation>
    </message>
</context>
<context>
    <name>RecallView</name>
    <message>
        <location filename="../../console/ui/records/recall_view.py" line="29" />
        <source>Visit</source>
        <translation>Behandlung</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/recall_view.py" line="30" />
        <source>Patient</source>
        <translation>Patient/in</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/recall_view.py" line="31" />
        <source>Born</source>
        <translation>Geboren</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/recall_view.py" line="32" />
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/recall_view.py" line="33" />
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/recall_view.py" line="34" />
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/recall_view.py" line="35" />
        <source>GTIN</source>
        <translation>GTIN</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/recall_view.py" line="36" />
        <source>Lot</source>
        <translation>Charge</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/recall_view.py" line="37" />
        <source>Serial</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/recall_view.py" line="38" />
        <source>Practitioner</source>
        <translation>Behandelnde Person</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/recall_view.py" line="52" />
        <source>Scan a box from the recalled lot, or type the lot number</source>
        <translation>Eine Packung der zurückgerufenen Charge scannen oder die Chargennummer eingeben</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/recall_view.py" line="54" />
        <source>lot or scanned label</source>
        <translation>Charge oder gescanntes Etikett</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/recall_view.py" line="56" />
        <source>GTIN (optional)</source>
        <translation>GTIN (optional)</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/recall_view.py" line="58" />
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/recall_view.py" line="65" />
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/recall_view.py" line="66" />
        <source>Printable list (PDF)…</source>
        <translation>Druckbare Liste (PDF)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/recall_view.py" line="88" />
        <source>Lot recall</source>
        <translation>Chargenrückruf</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/recall_view.py" line="121" />
        <source>{query}: {visits} visits, {patients} patients</source>
        <translation>{query}: {visits} Behandlungen, {patients} Personen</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/recall_view.py" line="127" />
        <source>{query}: no visit used this lot.</source>
        <translation>{query}: keine Behandlung hat diese Charge verwendet.</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/recall_view.py" line="141" />
        <source>Save recall list</source>
        <translation>Rückrufliste speichern</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/recall_view.py" line="158" />
        <source>Saved {count} rows to {path}</source>
        <translation>{count} Zeilen gespeichert in {path}</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/recall_view.py" line="172" />
        <source>Saved the printable list to {path}</source>
        <translation>Druckbare Liste gespeichert in {path}</translation>
    </message>
</context>
<context>
    <name>RecordsScreen</name>
    <message>
        <location filename="../../console/ui/records/screen.py" line="31" />
        <source>Find a patient: name, birth date, phone or e-mail</source>
        <translation>Patientin / Patienten suchen: Name, Geburtsdatum, Telefon oder E-Mail</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/screen.py" line="32" />
        <source>patient search</source>
        <translation>Patientensuche</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/screen.py" line="49" />
        <source>Patient record</source>
        <translation>Patientenakte</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/screen.py" line="50" />
        <source>Lot recall</source>
        <translation>Chargenrückruf</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/screen.py" line="51" />
        <source>Due list</source>
        <translation>Fälligkeitsliste</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/screen.py" line="52" />
        <source>Day log</source>
        <translation>Tagesprotokoll</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/screen.py" line="91" />
        <source> · last visit {date}</source>
        <translation> · letzter Besuch {date}</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/screen.py" line="100" />
        <source>No patient matches.</source>
        <translation>Keine passende Akte gefunden.</translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message>
        <location filename="../../console/ui/shell/resume_dialog.py" line="35" />
        <source>Resume an interrupted visit</source>
        <translation>Unterbrochene Behandlung fortsetzen</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/resume_dialog.py" line="47" />
        <source>{name} — started {when} — stopped at {step}</source>
        <translation>{name} — begonnen {when} — unterbrochen bei {step}</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/resume_dialog.py" line="53" />
        <source>Resume selected visit</source>
        <translation>Gewählte Behandlung fortsetzen</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/resume_dialog.py" line="54" />
        <source>Not now</source>
        <translation>Jetzt nicht</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/resume_dialog.py" line="61" />
        <source>A visit was not finished (the console was closed or the PC stopped).
Every completed pass is kept. Resume it where it stopped?</source>
        <translation>Eine Behandlung wurde nicht abgeschlossen (die Konsole wurde geschlossen oder der PC ist ausgefallen).
Jeder abgeschlossene Durchgang ist gespeichert. Dort fortsetzen, wo sie unterbrochen wurde?</translation>
    </message>
</context>
<context>
    <name>RoomTab</name>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="334" />
        <source>Start / stop pass</source>
        <translation>Durchgang starten / stoppen</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="335" />
        <source>Next area</source>
        <translation>Nächster Bereich</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="336" />
        <source>Previous area</source>
        <translation>Vorheriger Bereich</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="337" />
        <source>Lock the screen</source>
        <translation>Bildschirm sperren</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="350" />
        <source>e.g. Room 2</source>
        <translation>z. B. Raum 2</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="353" />
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="362" />
        <source>Room printer</source>
        <translation>Drucker im Raum</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="382" />
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="385" />
        <source>Lock when idle for</source>
        <translation>Sperren nach Untätigkeit von</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="397" />
        <source>Type size</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="412" />
        <source>A foot pedal is a keyboard that sends one key. Click a field, then press the key or the pedal. The type size applies at the next start.</source>
        <translation>Ein Fußpedal ist eine Tastatur, die eine einzige Taste sendet. Klicken Sie in ein Feld und drücken Sie dann die Taste oder das Pedal. Die Schriftgröße gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="423" />
        <source>These settings belong to this PC: they are kept in {path}, not in the clinic's database, so each room has its own.</source>
        <translation>Diese Einstellungen gehören zu diesem PC: Sie liegen in {path}, nicht in der Datenbank der Praxis, daher hat jeder Raum seine eigenen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="435" />
        <source>System default printer</source>
        <translation>Standarddrucker des Systems</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/forms.py" line="441" />
        <source>{name} (not found now)</source>
        <translation>{name} (derzeit nicht gefunden)</translation>
    </message>
</context>
<context>
    <name>ScreeningScreen</name>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="39" />
        <source>Hard stops: any “yes” means no treatment today</source>
        <translation>Absolute Ausschlüsse: jedes „Ja“ bedeutet heute keine Behandlung</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="41" />
        <source>Waiting periods: give the date</source>
        <translation>Wartezeiten: Datum angeben</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="42" />
        <source>Needs clearance: record who cleared it, how, when and what was agreed</source>
        <translation>Freigabe nötig: erfassen, wer freigegeben hat, wie, wann und was vereinbart wurde</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="45" />
        <source>Reminders</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="138" />
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="139" />
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="143" />
        <source>{question}: no</source>
        <translation>{question}: nein</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="144" />
        <source>{question}: yes</source>
        <translation>{question}: ja</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="156" />
        <source>Date?</source>
        <translation>Datum?</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="159" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="172" />
        <source>Answer…</source>
        <translation>Antwort…</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="176" />
        <source>{question}: answer</source>
        <translation>{question}: Antwort</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="253" />
        <source>Check answers and continue to Consent</source>
        <translation>Antworten prüfen und weiter zur Einwilligung</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="255" />
        <source>Stop this visit (no treatment)</source>
        <translation>Termin beenden (keine Behandlung)</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="264" />
        <source>Screening</source>
        <translation>Ausschlusskriterien</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="266" />
        <source>Ask every question at every visit. Nothing is pre-answered.</source>
        <translation>Stellen Sie jede Frage bei jeder Behandlung. Nichts ist vorausgefüllt.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="269" />
        <source>question in focus</source>
        <translation>ausgewählte Frage</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="334" />
        <source>Question {number} of {count}: {question}   [Y] yes · [N] no · [↑↓] move · [Enter] check</source>
        <translation>Frage {number} von {count}: {question}   [Y] ja · [N] nein · [↑↓] wechseln · [Enter] prüfen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="373" />
        <source>Answer this question.</source>
        <translation>Beantworten Sie diese Frage.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="374" />
        <source>Some questions are not answered yet.</source>
        <translation>Einige Fragen sind noch nicht beantwortet.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="395" />
        <source>Screening clear.</source>
        <translation>Keine Ausschlusskriterien.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="402" />
        <source>Earliest safe date: {date}.</source>
        <translation>Frühestes sicheres Datum: {date}.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="416" />
        <source>Stop this visit</source>
        <translation>Termin beenden</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="417" />
        <source>Stop this visit without treatment? It is closed and cannot be resumed.</source>
        <translation>Diesen Termin ohne Behandlung beenden? Er wird geschlossen und kann nicht fortgesetzt werden.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="418" />
        <source>Stop the visit</source>
        <translation>Termin beenden</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../console/ui/settings/screen.py" line="58" />
        <location filename="../../console/ui/settings/screen.py" line="146" />
        <source>Clinic</source>
        <translation>Praxis</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/screen.py" line="59" />
        <location filename="../../console/ui/settings/screen.py" line="147" />
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/screen.py" line="60" />
        <location filename="../../console/ui/settings/screen.py" line="148" />
        <source>Protocol library</source>
        <translation>Protokollbibliothek</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/screen.py" line="61" />
        <source>Live preview</source>
        <translation>Live-Vorschau</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/screen.py" line="62" />
        <source>Texts per language</source>
        <translation>Texte je Sprache</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/screen.py" line="63" />
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/screen.py" line="64" />
        <source>Photo views</source>
        <translation>Fotoansichten</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/screen.py" line="65" />
        <source>About</source>
        <translation>Info</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/screen.py" line="67" />
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/screen.py" line="92" />
        <source>Save settings</source>
        <translation>Einstellungen speichern</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/screen.py" line="130" />
        <source>Only an admin can change settings: you are viewing them.</source>
        <translation>Nur eine Administratorin oder ein Administrator kann Einstellungen ändern: Sie sehen sie nur an.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/screen.py" line="154" />
        <location filename="../../console/ui/settings/screen.py" line="181" />
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/screen.py" line="162" />
        <source>the previous user</source>
        <translation>der vorherigen Person</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/screen.py" line="165" />
        <source>Unsaved changes by {name} ({edited}) were discarded when someone else signed in. Nothing of them was saved.</source>
        <translation>Nicht gespeicherte Änderungen von {name} ({edited}) wurden verworfen, als sich jemand anderes angemeldet hat. Nichts davon wurde gespeichert.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/screen.py" line="182" />
        <source>Audit</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/screen.py" line="213" />
        <source>Not saved: fix the fields marked in red.</source>
        <translation>Nicht gespeichert: korrigieren Sie die rot markierten Felder.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/screen.py" line="231" />
        <source>Saved {n} change(s).</source>
        <translation>{n} Änderung(en) gespeichert.</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/screen.py" line="231" />
        <source>Nothing had changed.</source>
        <translation>Es war nichts geändert.</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../console/ui/steps/signin.py" line="39" />
        <source>Who is treating?</source>
        <translation>Wer behandelt?</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/signin.py" line="41" />
        <source>Choose your name, then type your PIN and press Enter.</source>
        <translation>Wählen Sie Ihren Namen, tippen Sie dann Ihre PIN und drücken Sie Enter.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/signin.py" line="43" />
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/signin.py" line="73" />
        <source>{count} account(s) have no PIN yet: an admin can set one in Settings.</source>
        <translation>{count} Konto/Konten ohne PIN: die Administration kann in den Einstellungen eine festlegen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/signin.py" line="91" />
        <source>PIN for {name}</source>
        <translation>PIN für {name}</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/signin.py" line="100" />
        <source>Choose your name first.</source>
        <translation>Wählen Sie zuerst Ihren Namen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/signin.py" line="103" />
        <source>Type your PIN, then press Enter.</source>
        <translation>Tippen Sie Ihre PIN und drücken Sie Enter.</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../console/ui/steps/signature_pad.py" line="26" />
        <source>signature box: sign here</source>
        <translation>Unterschriftsfeld: hier unterschreiben</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/signature_pad.py" line="109" />
        <source>Sign above the line</source>
        <translation>Über der Linie unterschreiben</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/signature_pad.py" line="111" />
        <source>Read the text to the end first</source>
        <translation>Lesen Sie zuerst den Text bis zum Ende</translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <location filename="../../console/ui/settings/table_editor.py" line="132" />
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/table_editor.py" line="133" />
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/table_editor.py" line="134" />
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/table_editor.py" line="135" />
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings/table_editor.py" line="317" />
        <source>… and {count} more</source>
        <translation>… und {count} weitere</translation>
    </message>
</context>
<context>
    <name>TreatChart</name>
    <message>
        <location filename="../../console/ui/steps/treat_chart.py" line="17" />
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat_chart.py" line="36" />
        <source>1 pass</source>
        <translation>1 Durchgang</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat_chart.py" line="36" />
        <source>{n} passes</source>
        <translation>{n} Durchgänge</translation>
    </message>
</context>
<context>
    <name>TreatScreen</name>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="57" />
        <source>Vertical</source>
        <translation>Vertikal</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="58" />
        <source>Horizontal</source>
        <translation>Horizontal</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="59" />
        <source>Diagonal</source>
        <translation>Diagonal</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="60" />
        <source>Erythema</source>
        <translation>Erythem</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="61" />
        <source>Erythema (epidermis)</source>
        <translation>Erythem (Epidermis)</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="62" />
        <source>Uniform pinpoint bleeding</source>
        <translation>Gleichmäßige punktförmige Blutung</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="63" />
        <source>Uniform pinpoint bleeding (dermis reached)</source>
        <translation>Gleichmäßige punktförmige Blutung (Dermis erreicht)</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="64" />
        <source>No endpoint reached</source>
        <translation>Kein Endpunkt erreicht</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="103" />
        <source>pass timer</source>
        <translation>Zeit des Durchgangs</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="124" />
        <source>new depth</source>
        <translation>neue Tiefe</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="127" />
        <source>confirm</source>
        <translation>bestätigen</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="129" />
        <source>reason for an unusual depth</source>
        <translation>Grund für eine ungewöhnliche Tiefe</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="130" />
        <source>Change depth</source>
        <translation>Tiefe ändern</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="135" />
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="146" />
        <location filename="../../console/ui/steps/treat.py" line="229" />
        <source>Start pass  [{key}]</source>
        <translation>Starten  [{key}]</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="149" />
        <source>◀ Previous  [P]</source>
        <translation>◀ Zurück  [P]</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="151" />
        <source>Next area ▶  [N]</source>
        <translation>Weiter ▶  [N]</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="153" />
        <source>Finish  [F]</source>
        <translation>Abschluss  [F]</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="171" />
        <source>Direction  [D]</source>
        <translation>Richtung  [D]</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="173" />
        <source>Endpoint  [1] [2] [3]</source>
        <translation>Endpunkt  [1] [2] [3]</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="184" />
        <source>Areas</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="229" />
        <source>Stop pass  [{key}]</source>
        <translation>Stoppen  [{key}]</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="252" />
        <source>Press Enter to change the depth first, or clear the field.</source>
        <translation>Drücken Sie zuerst Enter, um die Tiefe zu ändern, oder leeren Sie das Feld.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="304" />
        <source>The console stopped while a pass was running on {areas}. That pass was not counted: repeat it if needed.</source>
        <translation>Die Konsole wurde beendet, während ein Durchgang auf {areas} lief. Dieser Durchgang wurde nicht gezählt: wiederholen Sie ihn bei Bedarf.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="376" />
        <source>this area</source>
        <translation>diesem Bereich</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="414" />
        <source>No areas planned</source>
        <translation>Keine Bereiche geplant</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="424" />
        <source>{area}  ({number} of {count})</source>
        <translation>{area}  ({number} von {count})</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="429" />
        <source>Depth {depth} mm</source>
        <translation>Tiefe {depth} mm</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="431" />
        <source>Pass {done} of {target} done</source>
        <translation>{done} von {target} erledigt</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="452" />
        <source>Kept on this PC, not yet on the clinic's server: it is sent, in order, as soon as the server answers.</source>
        <translation>Auf diesem PC gehalten, noch nicht auf dem Server der Praxis: wird in der Reihenfolge gesendet, sobald der Server antwortet.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="464" />
        <source>PASS RUNNING</source>
        <translation>DURCHGANG LÄUFT</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="469" />
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="472" />
        <source>Visit {time}</source>
        <translation>Gesamt {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="491" />
        <source>Pass {number} of {target} running</source>
        <translation>{number} von {target} läuft</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="510" />
        <location filename="../../console/ui/steps/treat.py" line="579" />
        <source>Stop the running pass first.</source>
        <translation>Stoppen Sie zuerst den laufenden Durchgang.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="515" />
        <source>That was the last area: press F to finish.</source>
        <translation>Das war der letzte Bereich: F drücken zum Abschließen.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/treat.py" line="558" />
        <source>{warning} Tick confirm and give a reason.</source>
        <translation>{warning} Haken Sie „bestätigen“ an und geben Sie einen Grund an.</translation>
    </message>
</context>
<context>
    <name>VisitDetail</name>
    <message>
        <location filename="../../console/ui/records/visit_detail.py" line="27" />
        <source>completed, locked</source>
        <translation>abgeschlossen, gesperrt</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/visit_detail.py" line="28" />
        <source>stopped</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/visit_detail.py" line="29" />
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/visit_detail.py" line="33" />
        <source>Practitioner: &lt;b&gt;{name}&lt;/b&gt; · device {device} · protocol version {version}</source>
        <translation>Behandelnde Person: &lt;b&gt;{name}&lt;/b&gt; · Gerät {device} · Protokollversion {version}</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/visit_detail.py" line="42" />
        <source> · session {number} of the series</source>
        <translation> · Sitzung {number} der Serie</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/visit_detail.py" line="92" />
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/visit_detail.py" line="93" />
        <source>Passes</source>
        <translation>Durchgänge</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/visit_detail.py" line="94" />
        <source>Each pass</source>
        <translation>Jeder Durchgang</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/visit_detail.py" line="95" />
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/visit_detail.py" line="103" />
        <source>&lt;p&gt;&lt;b&gt;Notes:&lt;/b&gt; {notes}&lt;br&gt;&lt;b&gt;Adverse events:&lt;/b&gt; {events}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Notizen:&lt;/b&gt; {notes}&lt;br&gt;&lt;b&gt;Unerwünschte Ereignisse:&lt;/b&gt; {events}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/visit_detail.py" line="108" />
        <source>none recorded</source>
        <translation>keine erfasst</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/visit_detail.py" line="117" />
        <source>&lt;b&gt;Amendments&lt;/b&gt; (the original stays as recorded):</source>
        <translation>&lt;b&gt;Nachträge&lt;/b&gt; (das Original bleibt wie erfasst):</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/visit_detail.py" line="123" />
        <source>No amendments.</source>
        <translation>Keine Nachträge.</translation>
    </message>
    <message>
        <location filename="../../console/ui/records/visit_detail.py" line="133" />
        <source>visit detail (read-only)</source>
        <translation>Behandlungsdetails (nur lesen)</translation>
    </message>
</context>
<context>
    <name>VisitHold</name>
    <message>
        <location filename="../../console/ui/steps/visit_hold_dialog.py" line="22" />
        <source>Another room has this visit open</source>
        <translation>Ein anderer Raum hat diesen Besuch geöffnet</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/visit_hold_dialog.py" line="25" />
        <source>Take it over only if that room is no longer working on it: it will not be able to save anything more to this visit.</source>
        <translation>Übernehmen Sie ihn nur, wenn dort nicht mehr daran gearbeitet wird: Jener Raum kann danach nichts mehr zu diesem Besuch speichern.</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/visit_hold_dialog.py" line="30" />
        <source>Take it over</source>
        <translation>Übernehmen</translation>
    </message>
</context>
<context>
    <name>VisitPairDialog</name>
    <message>
        <location filename="../../console/ui/photos/visit_pair.py" line="19" />
        <source>Before and after</source>
        <translation>Vorher und nachher</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/visit_pair.py" line="34" />
        <source>View</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/visit_pair.py" line="43" />
        <source>No view has both a before and an after photo in this visit.</source>
        <translation>Bei dieser Behandlung hat keine Ansicht sowohl ein Vorher- als auch ein Nachher-Foto.</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/visit_pair.py" line="57" />
        <source>Before, {time}</source>
        <translation>Vorher, {time}</translation>
    </message>
    <message>
        <location filename="../../console/ui/photos/visit_pair.py" line="60" />
        <source>After, {time}</source>
        <translation>Nachher, {time}</translation>
    </message>
</context>
<context>
    <name>_ClearanceForm</name>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="66" />
        <source>Cleared by (name)</source>
        <translation>Freigegeben von (Name)</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="72" />
        <source>Their role</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="74" />
        <source>How?</source>
        <translation>Wie?</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="81" />
        <source>Date?</source>
        <translation>Datum?</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="85" />
        <source>What was agreed</source>
        <translation>Was vereinbart wurde</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="87" />
        <source>{question}: clearance name</source>
        <translation>{question}: Freigabe, Name</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="88" />
        <source>{question}: clearance role</source>
        <translation>{question}: Freigabe, Funktion</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="89" />
        <source>{question}: clearance how</source>
        <translation>{question}: Freigabe, wie</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="90" />
        <source>{question}: clearance date</source>
        <translation>{question}: Freigabe, Datum</translation>
    </message>
    <message>
        <location filename="../../console/ui/steps/screening.py" line="91" />
        <source>{question}: clearance note</source>
        <translation>{question}: Freigabe, Vereinbarung</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <location filename="../../console/ui/widgets/common.py" line="44" />
        <source>error message</source>
        <translation>Fehlermeldung</translation>
    </message>
</context>
</TS>