"""Settings from environment variables."""

from __future__ import annotations

import pytest

from sms_opt_out import contract
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


def test_the_runtime_reads_every_variable_of_the_contract() -> None:
    environ = _Recording({contract.TABLE_NAME_VARIABLE: "t"})
    Settings.from_environ(environ)
    named = {v for n, v in vars(contract).items() if n.endswith("_VARIABLE")}
    named |= {*contract.KEYWORD_VARIABLES.values(), *contract.TEXT_VARIABLES.values()}

    assert named - environ.asked == {contract.NAMESPACE_VARIABLE}, "METRICS_NAMESPACE is read by metrics"
