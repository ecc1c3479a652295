"""Settings from environment variables."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sms_opt_out import contract
from sms_opt_out import settings as settings_module
from sms_opt_out.domain.keywords import Intent, MatchMode
from sms_opt_out.domain.languages import DEFAULT_LANGUAGES, DEFAULT_PROGRAM_NAME, LANGUAGES
from sms_opt_out.domain.preferences import Scope
from sms_opt_out.errors import ConfigurationError
from sms_opt_out.settings import Settings


def test_only_the_table_name_is_required() -> None:
    settings = Settings.from_environ({"OPT_OUT_TABLE_NAME": "t"})

    assert (settings.table_name, settings.scope, settings.rules.match_mode) == (
        "t",
        Scope.ALL,
        MatchMode.WORD,
    )
    assert tuple(settings.texts) == DEFAULT_LANGUAGES
    assert settings.texts["en"] == LANGUAGES["en"].texts.render(DEFAULT_PROGRAM_NAME, None, None)
    assert "SMS alerts" in settings.texts["en"].help_message and "STOP" in settings.texts["en"].help_message


def test_every_setting_is_read() -> None:
    settings = Settings.from_environ(
        {
            "OPT_OUT_TABLE_NAME": "t",
            "OPT_OUT_KEYWORDS": "BASTA, FINE, STOP",
            "OPT_IN_KEYWORDS": "",
            "MATCH_MODE": "exact",
            "OPT_OUT_SCOPE": "ALL",
            "OPT_OUT_CONFIRMATION": "bye",
            "OPT_IN_CONFIRMATION": "hi",
            "PROGRAM_NAME": "Acme alerts",
        }
    )

    assert settings.rules.classify_reply("fine").intent is Intent.OPT_OUT
    assert settings.rules.classify_reply("start").intent is Intent.OTHER
    assert (settings.scope, settings.rules.match_mode) == (Scope.ALL, MatchMode.EXACT)
    english = settings.texts["en"]
    assert (english.opt_out_confirmation, english.opt_in_confirmation) == ("bye", "hi")
    assert english.help_message.startswith("Acme alerts:")
    assert settings.texts["fr"].help_message.startswith("Acme alerts :")


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({}, "OPT_OUT_TABLE_NAME: must name"),
        ({"OPT_OUT_TABLE_NAME": "t", "MATCH_MODE": "FUZZY"}, "MATCH_MODE: 'FUZZY' is not one of WORD, EXACT"),
        (
            {"OPT_OUT_TABLE_NAME": "t", "OPT_OUT_SCOPE": "x"},
            "OPT_OUT_SCOPE: 'X' is not one of ORIGINATION, ALL",
        ),
        (
            {"OPT_OUT_TABLE_NAME": "t", "OPT_OUT_KEYWORDS": "", "OPT_OUT_WORDS": ""},
            "OPT_OUT_KEYWORDS: must include STOP",
        ),
        (
            {"OPT_OUT_TABLE_NAME": "t", "MATCH_MODE": "EXACT", "OPT_OUT_KEYWORDS": "QUIT,END"},
            "OPT_OUT_KEYWORDS: must include STOP",
        ),
        ({"OPT_OUT_TABLE_NAME": "t", "HELP_KEYWORDS": "HELP,STOP"}, "HELP_KEYWORDS: must not include STOP"),
        ({"OPT_OUT_TABLE_NAME": "t", "OPT_IN_KEYWORDS": "STOP"}, "OPT_IN_KEYWORDS: must not include STOP"),
    ],
)
def test_a_bad_setting_names_the_variable(environ: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigurationError, match=f"^{message}"):
        Settings.from_environ(environ)


class _Recording(dict[str, str]):
    """An environment that notes each variable asked for."""

    def __init__(self, values: dict[str, str]) -> None:
        super().__init__(values)
        self.asked: set[str] = set()

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        self.asked.add(key)
        return super().get(key, default)

    def __getitem__(self, key: str) -> str:
        self.asked.add(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        self.asked.add(str(key))
        return super().__contains__(key)


def test_the_runtime_reads_every_variable_of_the_contract(monkeypatch: pytest.MonkeyPatch) -> None:
    environ = _Recording({contract.TABLE_NAME_VARIABLE: "t"})
    monkeypatch.setattr(settings_module, "_lazy_variables", lambda env: environ)  # lazy reads recorded too
    Settings.from_environ(environ)
    named = {v for n, v in vars(contract).items() if n.endswith("_VARIABLE")}
    named |= {*contract.KEYWORD_VARIABLES.values(), *contract.TEXT_VARIABLES.values()}

    assert named - environ.asked == {contract.NAMESPACE_VARIABLE}, "METRICS_NAMESPACE is read by metrics"


def test_the_send_function_reads_the_reply_sides_settings_only_when_used() -> None:
    environ = {"OPT_OUT_TABLE_NAME": "t", "OPT_OUT_KEYWORDS": "QUIT", "OPT_OUT_WORDS": ""}

    settings = Settings.from_environ(environ, replies=False)  # no STOP: the reply function refuses it

    with pytest.raises(ConfigurationError, match=r"^OPT_OUT_KEYWORDS: must include STOP"):
        _ = settings.rules


def test_the_reply_function_reads_the_send_rules_only_when_used() -> None:
    settings = Settings.from_environ({"OPT_OUT_TABLE_NAME": "t", "QUIET_HOURS": "[1]"}, sends=False)

    with pytest.raises(ConfigurationError, match=r"^QUIET_HOURS"):
        _ = settings.send_rules


def test_only_the_variables_read_later_are_kept() -> None:
    settings = Settings.from_environ(
        {"OPT_OUT_TABLE_NAME": "t", "AWS_SECRET_ACCESS_KEY": "secret", "HELP_KEYWORDS_FR": "AIDE"}
    )

    assert settings.environ == {"HELP_KEYWORDS_FR": "AIDE"}


def _imported_by(program: str) -> set[str]:
    """The package's modules a fresh interpreter in the functions' folder has imported after ``program``."""
    program += "; import sys; print(sorted(m for m in sys.modules if m.startswith('sms_opt_out')))"
    env = {
        **os.environ,
        "OPT_OUT_TABLE_NAME": "t",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }
    found = subprocess.run(
        [sys.executable, "-c", program],
        cwd=Path(__file__).parent.parent / "lambda",  # the functions' code, as Lambda runs it
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return set(found.stdout.split("'")[1::2])


def test_the_send_function_does_not_import_the_classifier_or_the_delivery_side() -> None:
    """Its cold start (``make bench``) pays only for what the first send needs."""
    imported = _imported_by(
        "import send_text_message; send_text_message.guarded_sender(); send_text_message.send_metrics()"
    )

    assert "sms_opt_out.send.service" in imported
    assert (
        imported
        & {
            "sms_opt_out.domain.intents",
            "sms_opt_out.domain.keywords",
            "sms_opt_out.domain.languages",
            "sms_opt_out.delivery.events",
            "sms_opt_out.reply.service",
        }
        == set()
    )


def test_the_send_function_does_not_import_the_reply_sides_storage_or_what_rare_requests_need() -> None:
    """Receipts, leases, the audit trail and imports are the reply's and the operator's; the send rules'
    windows and regions wait for a request they cover (or QUIET_HOURS, FREQUENCY_CAPS set), Notify
    lookups for a Notify send."""
    imported = _imported_by(
        "import send_text_message; send_text_message.guarded_sender(); send_text_message.send_metrics()"
    )

    assert {"sms_opt_out.storage.consent_states", "sms_opt_out.send.rules"} <= imported
    assert (
        imported
        & {
            "sms_opt_out.storage.reply_receipts",
            "sms_opt_out.storage.consent_leases",
            "sms_opt_out.storage.audit_trail",
            "sms_opt_out.storage.opt_out_imports",
            "sms_opt_out.storage.suppressions",
            "sms_opt_out.domain.send_windows",
            "sms_opt_out.domain.number_regions",
            "sms_opt_out.sms.notify",
        }
        == set()
    )


def test_the_reply_function_does_not_import_the_send_side() -> None:
    imported = _imported_by("import process_reply; process_reply.reply_processor()")

    assert "sms_opt_out.reply.service" in imported
    assert (
        imported
        & {
            "sms_opt_out.send.service",
            "sms_opt_out.send.rules",
            "sms_opt_out.storage.idempotency",
            "sms_opt_out.storage.frequency_caps",
            "sms_opt_out.domain.send_windows",
        }
        == set()
    )


def test_send_rules_set_at_init_are_checked_then() -> None:
    """Fail closed: the windows' parsers are imported only when QUIET_HOURS or FREQUENCY_CAPS is set,
    and then a bad value stops the cold start."""
    assert Settings.from_environ({"OPT_OUT_TABLE_NAME": "t", "QUIET_HOURS": " "}).send_rules.quiet_hours == {}
    with pytest.raises(ConfigurationError, match=r"^FREQUENCY_CAPS\['US'\]"):
        Settings.from_environ({"OPT_OUT_TABLE_NAME": "t", "FREQUENCY_CAPS": '{"US": 0}'}, replies=False)
