"""Consent as use cases: is it needed and why, take it, use the one on record, decline, withdraw.

``take`` is the one call the Consent screen and the CLI/demo make: it checks the signature and
the practitioner's PIN, writes the signed PDF atomically (0600) and registers it with the
consent rows, the visit link and the audit row in one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from console.access import auth
from console.aftercare.archive import sha256_hex
from console.consent import document, languages
from console.consent.signature import Signature
from console.context import AppContext
from console.data import consents_repo, patients_repo, practitioners_repo, settings_repo
from console.errors import DomainError, NotFound
from console.files.private import write_private
from console.model import consent_rules as rules
from console.model.consent_rules import Coverage, Policy, SignedConsent
from console.model.consent_templates import (
    PHOTO_CHOICES,
    Template,
    TemplateSet,
    default_body,
    from_body,
)
from console.settings import service as settings_service
from console.texts import languages as language_texts
from console.visit.lifecycle import VisitLifecycle
from console.visit.storage import guarded

MAX_NAME = 120
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class SigningRequest:
    """What the patient and practitioner gave on the Consent step."""

    library_version: int  # the version whose text was shown: refused if it changed meanwhile
    signer_name: str
    signature: Signature
    practitioner_pin: str
    photo_choices: dict[str, bool] = field(default_factory=dict)
    witness_name: str = ""
    identity_check: str = ""
    language: str = "en"


@dataclass(frozen=True)
class Taken:
    consent_ids: tuple[str, ...]
    pdf_path: Path
    pdf_sha256: str
    coverage: Coverage


@dataclass(frozen=True)
class ConsentListing:
    consent: SignedConsent
    title: str
    state: str


def _clean_name(text: str, field_name: str, *, required: bool) -> str:
    name = " ".join(text.split())
    if not name:
        if required:
            raise DomainError("Type your full name as you sign.", field_name)
        return ""
    if len(name) > MAX_NAME or _CONTROL.search(name):
        raise DomainError(f"A name of up to {MAX_NAME} letters, please.", field_name)
    if not any(ch.isalpha() for ch in name):
        raise DomainError("A name has letters in it.", field_name)
    return name


def _require_language(templates: TemplateSet, language: str) -> None:
    # Never hash and store one language while the text fell back to another.
    if not templates.has_language(language):
        raise DomainError(
            f"The consent has no current text in the language {language!r}: "
            "show it in another language and sign that.",
            "language",
        )


class ConsentService:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.db = ctx.db

    # -- reading ----------------------------------------------------------------------------
    def policy(self) -> Policy:
        return Policy(
            valid_months=int(settings_repo.get(self.db, "consent.valid_months")),
            renew=str(settings_repo.get(self.db, "consent.renew")),
        )

    def templates(self) -> TemplateSet:
        return consents_repo.current_templates(self.db)

    def treatment_template(self, templates: TemplateSet | None = None) -> Template:
        return (templates or self.templates()).of_kind("treatment")[0]

    def shown_language(
        self, visit_id: str, chosen: str | None = None, templates: TemplateSet | None = None
    ) -> languages.Shown:
        """The language the consent is shown in for this visit's patient, and why."""
        row = consents_repo.visit_row(self.db, visit_id)
        patient = patients_repo.get(self.db, str(row["patient_id"])) or {}
        clinic = language_texts.clinic_language(settings_repo.get_all(self.db))
        return languages.choose(
            templates or self.templates(), patient.get("preferred_language") or None, clinic, chosen
        )

    def languages(self, templates: TemplateSet | None = None) -> list[tuple[str, str]]:
        """(code, name) of the languages the consent can be shown in, for the switch."""
        return [
            (code, language_texts.language(code).name)
            for code in languages.available(templates or self.templates())
        ]

    def language_states(self) -> list[tuple[str, str]]:
        """Each shipped language and how the consent stands in it (Settings › Consent)."""
        shipped = from_body(0, default_body())
        return languages.states(self.templates(), shipped)

    def coverage(self, visit_id: str) -> Coverage:
        """Whether a consent on record covers this visit, and the reason in words."""
        visit = consents_repo.visit_facts(self.db, visit_id)
        return rules.coverage(
            consents_repo.for_patient(self.db, visit.patient_id),
            self.treatment_template(),
            visit,
            self.policy(),
            self.ctx.now(),
            self.ctx.timezone(),
        )

    def missing(self, visit_id: str) -> list[str]:
        """What consent still stands between this visit and the first pass (empty: nothing)."""
        cov = self.coverage(visit_id)
        if not cov.covered:
            return [f"No valid consent. {cov.reason}"]
        linked = consents_repo.linked_consent_id(self.db, visit_id)
        if linked is None or cov.consent is None or linked != cov.consent.id:
            return ["Confirm the patient's consent on the Consent step."]
        return []

    def for_patient(self, patient_id: str) -> list[ConsentListing]:
        consents = consents_repo.for_patient(self.db, patient_id)
        templates, policy = self.templates(), self.policy()
        zone, now = self.ctx.timezone(), self.ctx.now()
        out = []
        for i, c in enumerate(consents):
            newer = any(o.template_id == c.template_id for o in consents[:i])
            try:
                template: Template | None = templates.get(c.template_id)
            except DomainError:
                template = None
            old = consents_repo.templates_at(self.db, c.library_version).get(c.template_id)
            title = old.wording(c.language).title
            out.append(ConsentListing(c, title, rules.state(c, newer, template, policy, now, zone)))
        return out

    def patient_exists(self, patient_id: str) -> bool:
        return patients_repo.get(self.db, patient_id) is not None

    def archived_pdf(self, consent_id: str) -> bytes:
        """The signed PDF exactly as archived, after checking it against the stored SHA-256."""
        c = consents_repo.get(self.db, consent_id)
        if not c.pdf_path:
            raise NotFound("The signed PDF of this consent was deleted (erasure request).")
        path = self.ctx.data_dir / c.pdf_path
        try:
            data = path.read_bytes()
        except FileNotFoundError as exc:
            raise DomainError(
                f"The signed consent is missing ({path}). Restore it from a backup."
            ) from exc
        if sha256_hex(data) != c.pdf_sha256:
            raise DomainError(
                f"The signed consent {path.name} was changed after signing (its fingerprint "
                "does not match the record). It was not opened for printing."
            )
        return data

    def record_print(self, consent_id: str, *, printer: str, ok: bool, message: str = "") -> None:
        """Log a print of the signed PDF (done or failed) in the audit trail."""
        c = consents_repo.get(self.db, consent_id)
        self.ctx.audit(
            "consent.print",
            entity="patient",
            entity_id=c.patient_id,
            detail={
                "consent_id": consent_id,
                "printer": printer,
                "ok": ok,
                "message": message,
            },
        )

    # -- use cases ---------------------------------------------------------------------------
    @guarded
    def use_on_record(self, visit_id: str) -> Coverage:
        """The consent on record covers this visit: note that it did, and which one."""
        self._open_visit(visit_id)
        cov = self.coverage(visit_id)
        if not cov.covered or cov.consent is None:
            raise DomainError(cov.reason)
        now = self.ctx.now()
        with self.db.atomic():
            consents_repo.link_visit(
                self.db, visit_id=visit_id, consent_id=cov.consent.id, at=now, how="on_record"
            )
            consents_repo.advance_visit_past_consent(self.db, visit_id)
            self.ctx.audit(
                "consent.on_record",
                entity="visit",
                entity_id=visit_id,
                detail={"consent_id": cov.consent.id},
            )
        return cov

    @guarded
    def take(self, visit_id: str, request: SigningRequest) -> Taken:
        """Check, countersign, archive and record a signed consent for this visit."""
        by = self.ctx.require_practitioner()
        visit = self._open_visit(visit_id)
        templates = self.templates()
        if templates.version != request.library_version:
            raise DomainError(
                "The consent text was changed in Settings while it was on screen: "
                "show it again and sign the new text."
            )
        signer = _clean_name(request.signer_name, "signer_name", required=True)
        witness = _clean_name(request.witness_name, "witness_name", required=False)
        identity = " ".join(request.identity_check.split())[:200]
        _require_language(templates, request.language)  # before the PIN is spent
        request.signature.check()
        unknown = set(request.photo_choices) - set(PHOTO_CHOICES)
        if unknown:
            raise DomainError(f"Unknown photo use {sorted(unknown)[0]!r}.", "photo")
        # The countersignature: the signed-in practitioner's own PIN, checked (and audited,
        # with lockout) like a sign-in.
        auth.sign_in(self.ctx, by, request.practitioner_pin, purpose="consent_countersign")

        path, digest, ids = self.record_signing(
            visit_id=visit_id,
            patient_id=str(visit["patient_id"]),
            by=by,
            templates=templates,
            signer=signer,
            signature=request.signature,
            witness=witness,
            identity=identity,
            language=request.language,
            choices=request.photo_choices,
            now=self.ctx.now(),
        )
        return Taken(ids, path, digest, self.coverage(visit_id))

    def record_signing(
        self,
        *,
        visit_id: str,
        patient_id: str,
        by: str,
        templates: TemplateSet,
        signer: str,
        signature: Signature,
        witness: str,
        identity: str,
        language: str,
        choices: dict[str, bool],
        now: datetime,
    ) -> tuple[Path, str, tuple[str, ...]]:
        """Write the signed PDF (atomic, 0600) and register it with its rows, the visit link
        and the audit row in one transaction; the file is removed if that fails.

        The checks (names, strokes, PIN) are the caller's: ``take`` for a patient in the room,
        the demo for its made-up clinic.
        """
        _require_language(templates, language)
        zone = self.ctx.timezone()
        local = now.astimezone(zone)
        parts = [
            document.SignedPart(
                t,
                language,
                t.text_sha256(language),
                {c: bool(choices.get(c, False)) for c in t.choices},
            )
            for t in templates.templates
        ]
        patient = patients_repo.get(self.db, patient_id) or {}
        practitioner = practitioners_repo.get(self.db, by) or {}
        settings = settings_repo.get_all(self.db)
        facts = document.SigningFacts(
            clinic_name=str(settings["clinic.name"]),
            paper=str(settings["clinic.paper"]),
            patient_name=str(patient.get("full_name", "")),
            signer_name=signer,
            identity_check=identity,
            signed_utc=f"{now.astimezone(UTC):%Y-%m-%d %H:%M:%S}",
            signed_local=f"{local:%Y-%m-%d %H:%M:%S} {local.tzname()} ({zone.key})",
            room=str(settings_service.get(self.ctx, "room.name")),
            practitioner_name=str(practitioner.get("display_name", by)),
            countersigned=f"PIN checked {local:%H:%M:%S}",
            witness_name=witness,
            library_version=templates.version,
        )
        data = document.build(parts, signature, facts, language_texts.load(language, settings))
        digest = sha256_hex(data)
        signature_digest = sha256_hex(signature.png())
        document_id = f"{local:%Y%m%d-%H%M%S}-{visit_id[:8]}"
        relative = Path("consents") / f"{local.year:04d}" / f"{document_id}.pdf"
        target = self.ctx.data_dir / relative
        write_private(target, data)
        ids: list[str] = []
        try:
            with self.db.atomic():
                for part in parts:
                    ids.append(
                        consents_repo.insert_consent(
                            self.db,
                            patient_id=patient_id,
                            visit_id=visit_id,
                            template_id=part.template.id,
                            library_version=templates.version,
                            material_version=part.template.material_version,
                            language=language,
                            text_sha256=part.text_sha256,
                            choices=part.choices,
                            signer_name=signer,
                            identity_check=identity,
                            strokes=signature.to_json(),
                            signature_sha256=signature_digest,
                            signed_at=now,
                            signed_local=local.isoformat(),
                            room=facts.room,
                            practitioner_id=by,
                            witness_name=witness,
                            document_id=document_id,
                            pdf_path=relative.as_posix(),
                            pdf_sha256=digest,
                        )
                    )
                consents_repo.link_visit(
                    self.db, visit_id=visit_id, consent_id=ids[0], at=now, how="signed"
                )
                consents_repo.advance_visit_past_consent(self.db, visit_id)
                self.ctx.audit(
                    "consent.sign",
                    entity="visit",
                    entity_id=visit_id,
                    detail={
                        "consent_ids": ids,
                        "sha256": digest,
                        "path": relative.as_posix(),
                        "library_version": templates.version,
                    },
                )
        except BaseException:
            # No row points at the file: remove it so the archive holds only registered ones.
            target.unlink(missing_ok=True)
            raise
        return target, digest, tuple(ids)

    @guarded
    def decline(self, visit_id: str, reason: str) -> None:
        """The patient declines: recorded with the reason, and the visit stops (no treatment)."""
        by = self.ctx.require_practitioner()
        text = " ".join(reason.split())
        if not text:
            raise DomainError("Say why the patient declines (their words).", "reason")
        self._open_visit(visit_id)
        templates = self.templates()
        with self.db.atomic():
            consents_repo.insert_decline(
                self.db,
                visit_id=visit_id,
                template_id=self.treatment_template(templates).id,
                library_version=templates.version,
                at=self.ctx.now(),
                by=by,
                reason=text,
            )
            self.ctx.audit(
                "consent.decline", entity="visit", entity_id=visit_id, detail={"reason": text}
            )
            VisitLifecycle(self.ctx).stop_visit(visit_id, f"Consent declined: {text}")

    @guarded
    def withdraw(self, consent_id: str, reason: str) -> None:
        """A dated, reasoned withdrawal; treatment is refused until a new consent is signed."""
        by = self.ctx.require_practitioner()
        text = " ".join(reason.split())
        if not text:
            raise DomainError("Say why, or in whose words, consent is withdrawn.", "reason")
        c = consents_repo.get(self.db, consent_id)
        if c.withdrawn_at is not None:
            raise DomainError("This consent was already withdrawn.")
        with self.db.atomic():
            consents_repo.insert_withdrawal(
                self.db, consent_id=consent_id, at=self.ctx.now(), by=by, reason=text
            )
            self.ctx.audit(
                "consent.withdraw",
                entity="patient",
                entity_id=c.patient_id,
                detail={"consent_id": consent_id, "reason": text},
            )

    @guarded
    def save_templates(self, body: dict[str, Any], note: str) -> TemplateSet:
        """Store edited templates as the next library version (admins only)."""
        by = auth.require_admin(self.ctx)
        now = self.ctx.now()
        with self.db.atomic():
            saved = consents_repo.save_templates(self.db, body, now=now, by=by, note=note)
            self.ctx.audit(
                "consent.templates",
                entity="consent_templates",
                entity_id=str(saved.version),
                detail={"note": note},
            )
        return saved

    def room_name(self) -> str:
        return str(settings_service.get(self.ctx, "room.name"))

    def can_edit_templates(self) -> bool:
        return auth.is_admin(self.db, self.ctx.practitioner_id)

    def template_body(self) -> dict[str, Any]:
        return consents_repo.template_body(self.db, self.templates().version)

    # -- helpers -----------------------------------------------------------------------------
    def _open_visit(self, visit_id: str) -> dict[str, Any]:
        row = consents_repo.visit_row(self.db, visit_id)
        if row["status"] != "open":
            raise DomainError(f"This visit is {row['status']}: consent is taken in an open visit.")
        return row


def signed_at_local(c: SignedConsent, ctx: AppContext) -> datetime:
    return c.signed_at.astimezone(ctx.timezone())
