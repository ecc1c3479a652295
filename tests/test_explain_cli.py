"""``sms-opt-out explain``: the reply function's reading of texts, with no AWS access at all."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from sms_opt_out.domain.intents import RevocationPolicy
from sms_opt_out.domain.keywords import explain
from sms_opt_out.ops.cli import main
from sms_opt_out.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def run(*argv: str, stdin: str = "") -> tuple[int, str]:
    out = io.StringIO()
    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        return main(["explain", *argv], out=out), out.getvalue()
    finally:
        sys.stdin = old


def test_json_gives_one_object_per_text_with_intent_language_and_reason() -> None:
    code, out = run("--json", "Which bus stop?", "Número equivocado", "AYUDA por favor")

    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [(o["text"], o["intent"], o.get("language")) for o in lines] == [
        ("Which bus stop?", "OPT_OUT", "en"),
        ("Número equivocado", "OPT_OUT", "es"),
        ("AYUDA por favor", "HELP", "es"),
    ]
    assert all(o["reason"] and o["policy"] == "STRICT" for o in lines)


def test_the_policy_option_reads_as_the_construct_prop_would() -> None:
    code, out = run("--json", "--policy", "contextual", "Which bus stop?")

    (found,) = [json.loads(line) for line in out.splitlines()]
    assert (code, found["intent"], found["policy"]) == (0, "AMBIGUOUS", "CONTEXTUAL")
    assert "BUS STOP" in found["reason"]


def test_texts_come_one_per_line_from_standard_input() -> None:
    code, out = run("--json", stdin="stop\n\nI'll stop by tomorrow\n")

    assert code == 0
    assert [json.loads(line)["text"] for line in out.splitlines()] == ["stop", "I'll stop by tomorrow"]


def test_the_table_shows_intent_language_text_and_reason() -> None:
    code, out = run("sotp")

    assert code == 0
    assert out.splitlines() == [
        "OPT_OUT   en  sotp",
        "          the reply is the keyword STOP (reading SOTP as STOP)",
    ]


def test_a_bad_policy_is_refused_naming_the_choices(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        run("--policy", "LOOSE", "stop")

    assert exited.value.code == 2
    assert "STRICT" in capsys.readouterr().err


@pytest.mark.parametrize("policy", list(RevocationPolicy))
def test_explain_reads_as_the_reply_function_under_the_construct_defaults(policy: RevocationPolicy) -> None:
    rules = Settings.from_environ({"OPT_OUT_TABLE_NAME": "t", "REVOCATION_POLICY": policy.value}).rules

    for text in ("Which bus stop?", "stop by tomorrow", "ST0P", "Arrêtez", "ya no me manden", "hello"):
        assert explain(text, policy) == rules.classify_reply(text)
        assert explain(text, policy).reason == rules.classify_reply(text).reason


def test_explain_needs_no_credentials_region_or_table(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": f"{ROOT / 'lambda'}:{ROOT}"}

    done = subprocess.run(
        [sys.executable, "-m", "sms_opt_out.ops.cli", "explain", "--json", "STOP"],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["intent"] == "OPT_OUT"
