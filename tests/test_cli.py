"""The operator CLI and the Python API beneath it, against moto DynamoDB and the SMS simulator."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from sandbox.local_aws import table_definition
from sms_opt_out.domain.consent import is_blocked
from sms_opt_out.domain.phone_numbers import ALL_NUMBERS
from sms_opt_out.domain.preferences import Action, PreferenceEvent, Scope
from sms_opt_out.errors import InvalidFieldError
from sms_opt_out.ops import migration
from sms_opt_out.ops.cli import NOT_DECIDING_EXIT_CODE, main
from sms_opt_out.ops.registry import OptOutRegistry
from sms_opt_out.storage.audit_trail import AuditTrail
from sms_opt_out.storage.frequency_caps import FrequencyCaps
from sms_opt_out.storage.opt_out_imports import ImportWrite
from sms_opt_out.storage.opt_out_store import OptOutStore
from tests.conftest import CUSTOMER, OUR_NUMBER, TABLE

OTHER = "+18445550199"


def cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["--table", TABLE, *argv], out=out)
    return code, out.getvalue()


def web_opt_in(*, at: str, customer: str = CUSTOMER) -> None:
    """Given: an opt-in through the web form, with its consent reference."""
    assert cli("opt-in", customer, "--channel", "web", "--consent-reference", "form-7", "--at", at)[0] == 0


def history_items(dynamodb: Any, customer: str = CUSTOMER) -> list[dict[str, Any]]:
    return AuditTrail(TABLE, dynamodb).history(customer)


def write_csv(path: Path, rows: list[list[str]], header: tuple[str, ...] = migration.CSV_COLUMNS) -> Path:
    with path.open("w", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_an_opt_out_from_the_web_blocks_every_number(dynamodb: Any) -> None:
    code, out = cli("opt-out", "+1 415 555 0123", "--channel", "web", "--reference", "ticket-81")

    assert (code, out.strip()) == (0, f"recorded OPT_OUT of {CUSTOMER} for all our numbers via web")
    registry = OptOutRegistry(TABLE)
    assert registry.is_opted_out(CUSTOMER, OUR_NUMBER) and registry.is_opted_out(CUSTOMER, OTHER)
    (item,) = history_items(dynamodb)
    assert (item["SK"].split("#")[0], item["Channel"], item["Reference"]) == (ALL_NUMBERS, "web", "ticket-81")


def test_an_opt_in_needs_proof_of_consent_which_is_stored(
    dynamodb: Any, capsys: pytest.CaptureFixture
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli("opt-in", CUSTOMER, "--channel", "call-center")
    assert exited.value.code == 2
    assert "--consent-reference" in capsys.readouterr().err
    with pytest.raises(
        InvalidFieldError, match="consent_reference: an opt-in from another channel needs proof"
    ):
        OptOutRegistry(TABLE).opt_in(CUSTOMER, channel="web", consent_reference=" ")

    code, _ = cli(
        "opt-in",
        CUSTOMER,
        "--channel",
        "call-center",
        "--consent-reference",
        "call-2025-118",
        "--from",
        OUR_NUMBER,
    )

    assert code == 0
    (item,) = history_items(dynamodb)
    assert (item["Action"], item["OID"], item["Reference"]) == ("OPT_IN", OUR_NUMBER, "call-2025-118")


def test_status_shows_each_numbers_state_and_the_decision(dynamodb: Any) -> None:
    cli("opt-out", CUSTOMER, "--channel", "web", "--from", OUR_NUMBER, "--at", "2025-05-01T12:00:00Z")

    code, out = cli("--scope", "ORIGINATION", "status", CUSTOMER, "--from", OTHER)
    assert code == 0
    assert out.splitlines()[0] == f"texts from {OTHER}: CAN_SEND (scope ORIGINATION)"
    assert OUR_NUMBER in out and "OPT_OUT" in out and "2025-05-01T12:00:00.000Z" in out

    code, out = cli("status", CUSTOMER, "--from", OTHER, "--json")  # the default scope: ALL
    payload = json.loads(out)
    assert payload["decision"] == "OPTED_OUT"
    assert payload["states"] == [
        {"origination": OUR_NUMBER, "action": "OPT_OUT", "timestamp": "2025-05-01T12:00:00.000Z",
         "channel": "web", "keyword": "OPT_OUT"}
    ]  # fmt: skip


def test_an_event_dated_before_the_current_state_is_kept_in_history_only(dynamodb: Any) -> None:
    cli("opt-out", CUSTOMER, "--channel", "web", "--at", "2025-05-02T00:00:00Z")
    code, out = cli(
        "opt-in", CUSTOMER, "--channel", "web", "--consent-reference", "f-7", "--at", "2025-05-01T00:00:00Z"
    )

    assert (code, out.splitlines()[1]) == (
        NOT_DECIDING_EXIT_CODE,
        "not in force: OPT_OUT of 2025-05-02T00:00:00.000Z via web for all our numbers decides, "
        "so the sender does not do what this OPT_IN asks",
    ), "never 'recorded' alone for an event the sender does not follow"

    assert OptOutRegistry(TABLE).is_opted_out(CUSTOMER, OUR_NUMBER)
    assert [i["Action"] for i in OptOutRegistry(TABLE).history(CUSTOMER)] == ["OPT_IN", "OPT_OUT"]


def test_history_as_a_table_json_or_csv(dynamodb: Any) -> None:
    cli("opt-out", CUSTOMER, "--channel", "email", "--at", "2025-05-01T00:00:00Z")
    web_opt_in(at="2025-05-03T00:00:00Z")

    _, table = cli("history", CUSTOMER)
    _, as_json = cli("history", CUSTOMER, "--json")
    _, as_csv = cli("history", CUSTOMER, "--csv")

    assert table.splitlines()[0].split()[:4] == ["time", "action", "keyword", "channel"]
    assert len(table.splitlines()) == 3
    assert [(e["Action"], e["Channel"]) for e in json.loads(as_json)] == [
        ("OPT_OUT", "email"),
        ("OPT_IN", "web"),
    ]
    rows = list(csv.DictReader(io.StringIO(as_csv)))
    assert [(r["action"], r["reference"]) for r in rows] == [("OPT_OUT", ""), ("OPT_IN", "form-7")]


def test_an_import_reports_bad_rows_by_line_and_imports_the_rest(dynamodb: Any, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "old.csv",
        [
            ["+14155550101", "", "2024-01-05T10:00:00Z", "legacy"],
            ["not a number", "", "", ""],
            ["+14155550102", OUR_NUMBER, "", ""],
            ["+14155550103", "", "last tuesday", ""],
            ["+14155550101", OUR_NUMBER, "2024-01-06T10:00:00Z", ""],
        ],
    )

    code, out = cli("import", str(path))

    assert code == 3, "an invalid row makes the import exit 3, the valid ones imported"
    assert "imported                               3" in out
    assert "line 3: number: " in out and "line 5: timestamp: 'last tuesday' is not an ISO-8601 time" in out
    registry = OptOutRegistry(TABLE, scope=Scope.ORIGINATION)
    assert registry.is_opted_out("+14155550101", OTHER) and registry.is_opted_out("+14155550102", OUR_NUMBER)
    assert not registry.is_opted_out("+14155550102", OTHER)
    (first, second) = sorted(history_items(dynamodb, "+14155550101"), key=lambda i: i["Timestamp"])
    assert (first["Channel"], first["Source"], second["Source"]) == ("import", "legacy", "old.csv")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_an_import_draws_a_progress_bar_on_a_terminal_only(
    dynamodb: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_csv(tmp_path / "list.csv", [[f"+1415555{n:04d}", "", "", ""] for n in range(150)])
    terminal, pipe = Terminal(), io.StringIO()

    monkeypatch.setattr("sys.stderr", terminal)
    cli("import", str(path))
    monkeypatch.setattr("sys.stderr", pipe)
    cli("import", str(path))

    drawings = terminal.getvalue().split("\r")[1:]
    assert drawings[0] == f"importing [{'#' * 20:<30}]  67% 100/150 rows"
    assert drawings[-1] == f"importing [{'#' * 30}] 100% 150/150 rows\n"
    assert pipe.getvalue() == ""


def test_an_export_to_an_opt_out_list_draws_a_progress_bar_on_a_terminal(
    dynamodb: Any, sms: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    boto3.client("pinpoint-sms-voice-v2").create_opt_out_list(OptOutListName="managed")
    for n in range(4):
        cli("opt-out", f"+1415555010{n}", "--channel", "web")
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)

    cli("export", "--to-opt-out-list", "managed")

    drawings = terminal.getvalue().split("\r")[1:]
    assert drawings[0] == f"putting [{'#' * 8:<30}]  25% 1/4 numbers on managed"
    assert drawings[-1].startswith(f"putting [{'#' * 30}] 100% 4/4 numbers on managed\n")


def test_running_an_import_twice_adds_nothing(dynamodb: Any, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", [[f"+1415555{n:04d}", "", "", ""] for n in range(120)])
    store = OptOutStore.of(TABLE, dynamodb)

    first = migration.OptOutImporter(store).run(migration.read_csv(path.open()), source="list.csv")
    second = migration.OptOutImporter(store).run(migration.read_csv(path.open()), source="list.csv")

    assert (first.imported, first.write_requests, first.read_requests) == (120, 2, 2)
    assert (second.imported, second.already_present, second.write_requests) == (0, 120, 0)
    assert len(history_items(dynamodb, "+14155550000")) == 1


def test_an_interrupted_import_resumes_where_it_stopped(
    dynamodb: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [[f"+1415555{n:04d}", "", "2024-01-01T00:00:00Z", ""] for n in range(200)]
    path = write_csv(tmp_path / "list.csv", rows)
    store = OptOutStore.of(TABLE, dynamodb)
    real_write = store.imports.write_imported
    calls = []

    def interrupted(events: list[PreferenceEvent]) -> ImportWrite:
        calls.append(len(events))
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real_write(events)

    monkeypatch.setattr(store.imports, "write_imported", interrupted)
    with pytest.raises(KeyboardInterrupt):
        migration.OptOutImporter(store).run(migration.read_csv(path.open()), source="list.csv")
    monkeypatch.setattr(store.imports, "write_imported", real_write)

    resumed = migration.OptOutImporter(store).run(migration.read_csv(path.open()), source="list.csv")

    assert (resumed.already_present, resumed.imported, resumed.write_requests) == (100, 100, 1)
    states = store.states.consent_states(r[0] for r in rows)
    assert all(is_blocked(s, OUR_NUMBER, Scope.ORIGINATION) for s in states.values())
    assert all(len(history_items(dynamodb, r[0])) == 1 for r in rows[::37])


def test_an_import_never_overwrites_a_later_reply_on_an_existing_state_item(dynamodb: Any) -> None:
    store = OptOutStore.of(TABLE, dynamodb)
    store.writes.apply(
        PreferenceEvent(CUSTOMER, OTHER, "2023-01-01T00:00:00.000Z", Action.OPT_OUT, "STOP", "SMS", "in-1")
    )
    row = migration.ImportRow(2, CUSTOMER, OUR_NUMBER, "2024-01-01T00:00:00Z")
    later_start = PreferenceEvent(
        CUSTOMER, OUR_NUMBER, "2025-01-01T00:00:00.000Z", Action.OPT_IN, "START", "SMS", "in-9"
    )
    real_states = store.states.consent_states

    def states_then_reply(customers: Any) -> Any:
        states = real_states(customers)
        store.writes.apply(later_start)  # the reply processor, just after the importer's read
        return states

    store.states.consent_states = states_then_reply  # type: ignore[method-assign]
    report = migration.OptOutImporter(store).run([row], source="x")

    assert (report.imported, report.superseded, report.write_requests) == (0, 1, 1)
    state = real_states([CUSTOMER])[CUSTOMER]
    assert not is_blocked(state, OUR_NUMBER, Scope.ORIGINATION) and is_blocked(
        state, OTHER, Scope.ORIGINATION
    )


def test_import_from_an_opt_out_list_follows_every_page(dynamodb: Any, sms: Any) -> None:
    client = boto3.client("pinpoint-sms-voice-v2")
    client.create_opt_out_list(OptOutListName="legacy")
    for n in range(120):
        client.put_opted_out_number(OptOutListName="legacy", OptedOutNumber=f"+1415555{n:04d}")

    code, out = cli("import", "--from-opt-out-list", "legacy")

    assert code == 0 and "imported                             120" in out
    assert len(sms.calls("DescribeOptedOutNumbers")) == 3
    (item,) = history_items(dynamodb, "+14155550119")
    assert (item["Channel"], item["Source"]) == ("import", "opt-out-list:legacy")


def test_an_export_imports_back_into_the_same_state(dynamodb: Any, tmp_path: Path) -> None:
    cli("opt-out", "+14155550101", "--channel", "web", "--at", "2025-01-01T00:00:00Z")
    cli("opt-out", "+14155550102", "--channel", "web", "--from", OUR_NUMBER, "--at", "2025-01-02T00:00:00Z")
    cli("opt-out", "+14155550103", "--channel", "web", "--at", "2025-01-03T00:00:00Z")
    web_opt_in(customer="+14155550103", at="2025-02-01T00:00:00Z")
    exported = tmp_path / "out.csv"

    code, _ = cli("export", "--csv", str(exported))

    assert code == 0
    rows = list(csv.DictReader(exported.open()))
    assert [(r["number"], r["origination"]) for r in rows] == [
        ("+14155550101", ""),
        ("+14155550102", OUR_NUMBER),
    ]
    dynamodb.create_table(TableName="Restored", **table_definition())
    assert main(["--table", "Restored", "import", str(exported)], out=io.StringIO()) == 0
    restored = OptOutRegistry("Restored", scope=Scope.ORIGINATION)
    assert [s.timestamp for s in restored.status("+14155550101")] == ["2025-01-01T00:00:00.000Z"]
    assert restored.is_opted_out("+14155550102", OUR_NUMBER) and not restored.is_opted_out(
        "+14155550102", OTHER
    )


def test_an_export_leaves_out_an_opt_out_that_a_later_opt_in_for_all_numbers_undid(dynamodb: Any) -> None:
    cli("opt-out", "+14155550101", "--channel", "web", "--from", OUR_NUMBER, "--at", "2025-01-01T00:00:00Z")
    web_opt_in(customer="+14155550101", at="2025-02-01T00:00:00Z")
    cli("opt-out", "+14155550102", "--channel", "web", "--at", "2025-01-01T00:00:00Z")
    cli("opt-in", "+14155550102", "--channel", "web", "--consent-reference", "f-1", "--from", OUR_NUMBER)

    _, out = cli("export", "--csv", "-")

    rows = [(r["number"], r["origination"]) for r in csv.DictReader(io.StringIO(out))]
    assert rows == [("+14155550102", "")], "still opted out of every number but ours"


def test_an_export_to_an_opt_out_list_hands_numbers_back_to_managed_opt_outs(dynamodb: Any, sms: Any) -> None:
    boto3.client("pinpoint-sms-voice-v2").create_opt_out_list(OptOutListName="managed")
    cli("opt-out", "+14155550101", "--channel", "web")
    cli("opt-out", "+14155550101", "--channel", "web", "--from", OUR_NUMBER)

    code, _ = cli("export", "--to-opt-out-list", "managed")

    assert code == 0
    assert [c["OptedOutNumber"] for c in sms.calls("PutOptedOutNumber")] == ["+14155550101"]


def test_an_interrupted_import_says_how_to_resume(
    dynamodb: Any, tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_csv(tmp_path / "list.csv", [["+14155550101", "", "", ""]])

    def interrupted(*_: Any, **__: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(migration.OptOutImporter, "run", interrupted)

    assert cli("import", str(path))[0] == 130
    assert capsys.readouterr().err == "sms-opt-out: interrupted (run the same import again to resume it)\n"


def test_a_file_that_is_not_utf8_is_refused_before_any_write(
    dynamodb: Any, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("number,source\n+14155550101,café\n".encode("latin-1"))

    code, _ = cli("import", str(path))

    assert code == 1
    assert capsys.readouterr().err == (
        f"sms-opt-out: error: FILE: {path}: is not UTF-8 text (bytes e9); save it as UTF-8 and import again\n"
    )
    assert history_items(dynamodb, "+14155550101") == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--table", TABLE, "status", "555-0100"], "sms-opt-out: error: number: "),
        (["--table", "Missing", "status", CUSTOMER], "sms-opt-out: error: table 'Missing' not found"),
        (
            ["--table", TABLE, "import", "/nonexistent.csv"],
            "sms-opt-out: error: FILE: /nonexistent.csv: No such file",
        ),
        (["status", CUSTOMER], "sms-opt-out: error: --table: name the table with --table or --stack"),
        (
            ["--table", TABLE, "export", "--csv", "/nonexistent/out.csv"],
            "sms-opt-out: error: /nonexistent/out.csv: No such file or directory",
        ),
    ],
)
def test_errors_are_one_line_and_exit_non_zero(
    dynamodb: Any,
    capsys: pytest.CaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    message: str,
) -> None:
    monkeypatch.delenv("OPT_OUT_TABLE_NAME")

    assert main(argv, out=io.StringIO()) == 1
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.fast
def test_missing_credentials_are_explained(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture, tmp_path: Path
) -> None:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")

    assert main(["--table", TABLE, "status", CUSTOMER], out=io.StringIO()) == 1
    assert capsys.readouterr().err.startswith("sms-opt-out: error: no AWS credentials found")


@pytest.mark.fast
def test_the_table_is_found_from_a_stack_output() -> None:
    session = boto3.session.Session()
    cloudformation = session.client("cloudformation")
    stubber = Stubber(cloudformation)
    outputs = [{"OutputKey": "TableName", "OutputValue": "SmsOptOut-prod-Table1234"}]
    stubber.add_response(
        "describe_stacks",
        {
            "Stacks": [
                {
                    "StackName": "SmsOptOut-prod",
                    "CreationTime": "2025-01-01T00:00:00Z",
                    "StackStatus": "CREATE_COMPLETE",
                    "Outputs": outputs,
                }
            ]
        },
        {"StackName": "SmsOptOut-prod"},
    )
    clients = {"cloudformation": cloudformation}
    session.client = lambda name, **kw: clients.get(name) or boto3.session.Session.client(session, name, **kw)

    with stubber:
        registry = OptOutRegistry.from_stack("SmsOptOut-prod", session=session)

    assert registry.table_name == "SmsOptOut-prod-Table1234"


def in_an_hour() -> str:
    return (datetime.now(UTC) + timedelta(hours=1)).isoformat()


@pytest.mark.parametrize(
    ("at", "message"),
    [
        ("2062-05-01T12:00:00Z", "sms-opt-out: error: at: 2062-05-01T12:00:00.000Z is in the future"),
        ("9999-12-31T23:59:59-01:00", "sms-opt-out: error: at: '9999-12-31T23:59:59-01:00' is outside"),
    ],
)
def test_an_event_time_in_the_future_is_refused_in_one_line(
    dynamodb: Any, capsys: pytest.CaptureFixture, at: str, message: str
) -> None:
    code, _ = cli("opt-in", CUSTOMER, "--channel", "web", "--consent-reference", "form-7", "--at", at)

    err = capsys.readouterr().err
    assert code == 1 and err.startswith(message) and err.count("\n") == 1
    assert history_items(dynamodb) == []


def test_the_python_api_refuses_an_event_time_in_the_future(dynamodb: Any) -> None:
    registry = OptOutRegistry(TABLE)

    with pytest.raises(InvalidFieldError, match=r"^at: .* is in the future: more than 60 s after now"):
        registry.opt_in(CUSTOMER, channel="web", consent_reference="form-7", at=in_an_hour())
    registry.opt_out(CUSTOMER, channel="web", at=datetime.now(UTC) + timedelta(seconds=30))

    assert registry.is_opted_out(CUSTOMER, OUR_NUMBER)


def test_import_rows_dated_in_the_future_are_reported_by_line_and_the_rest_imported(
    dynamodb: Any, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "old.csv",
        [
            ["+14155550101", "", in_an_hour(), ""],
            ["+14155550102", "", "2024-01-05T10:00:00Z", ""],
            ["+14155550103", "", "9999-12-31T23:59:59-01:00", ""],
        ],
    )

    code, out = cli("import", str(path))

    assert code == 3 and "imported                               1" in out
    assert "line 2: timestamp: " in out and "is in the future" in out
    assert "line 4: timestamp: '9999-12-31T23:59:59-01:00' is outside" in out
    registry = OptOutRegistry(TABLE)
    assert [registry.is_opted_out(f"+1415555010{n}", OUR_NUMBER) for n in (1, 2, 3)] == [False, True, False]


def test_a_field_over_the_csv_limit_ends_the_import_in_one_line_naming_it(
    dynamodb: Any, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = write_csv(
        tmp_path / "big.csv",
        [["+14155550101", "", "", ""], ["+14155550102", "", "", "x" * (csv.field_size_limit() + 1)]],
    )

    code, _ = cli("import", str(path))

    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"sms-opt-out: error: FILE: {path}: line 3: field larger than field limit")
    assert history_items(dynamodb, "+14155550101") == [], "refused before any write"


POOL = "pool-0a1b2c3d4e5f60718293a4b5c6d7e8f9"
POOL_ARN = f"arn:aws:sms-voice:us-east-1:123456789012:pool/{POOL}"


def test_the_operator_tools_take_a_pool_by_id_or_arn_and_all_numbers_as_star(dynamodb: Any) -> None:
    registry = OptOutRegistry(TABLE, scope=Scope.ORIGINATION)

    code, out = cli("opt-out", CUSTOMER, "--channel", "web", "--from", POOL_ARN)

    assert (code, out.strip()) == (0, f"recorded OPT_OUT of {CUSTOMER} for {POOL} via web")
    assert registry.is_opted_out(CUSTOMER, POOL) and registry.is_opted_out(CUSTOMER, POOL_ARN)
    assert not registry.is_opted_out(CUSTOMER, OUR_NUMBER) and not registry.is_opted_out(CUSTOMER, "*")
    code, out = cli("--scope", "ORIGINATION", "status", CUSTOMER, "--from", POOL, "--json")
    assert code == 0 and (json.loads(out)["from"], json.loads(out)["decision"]) == (POOL, "OPTED_OUT")
    assert (
        cli("opt-out", "+14155550199", "--channel", "web", "--from", "*")[1]
        .strip()
        .endswith("for all our numbers via web")
    )
    assert registry.is_opted_out("+14155550199", "*") and registry.is_opted_out("+14155550199", POOL)


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        ("phone-0a1b2c3d", "a phone number ID or ARN is not looked up here: give a number of ours"),
        ("pool-", "is not an E.164 phone number (+ and 7 to 15 digits); give a number of ours"),
    ],
)
def test_an_origination_of_no_listed_form_is_refused_naming_the_forms(
    dynamodb: Any, capsys: pytest.CaptureFixture[str], given: str, reason: str
) -> None:
    code, _ = cli("status", CUSTOMER, "--from", given)

    (line,) = capsys.readouterr().err.splitlines()
    assert code == 1 and line.startswith("sms-opt-out: error: --from: ") and reason in line
    with pytest.raises(InvalidFieldError, match=r"^origination: "):
        OptOutRegistry(TABLE).is_opted_out(CUSTOMER, given)


def test_an_endpoint_url_without_a_scheme_is_one_line_naming_the_option(
    dynamodb: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--endpoint-url", "127.0.0.1:5055", "--table", TABLE, "status", CUSTOMER], out=io.StringIO())

    (line,) = capsys.readouterr().err.splitlines()
    assert code == 1 and line.startswith("sms-opt-out: error: --endpoint-url: '127.0.0.1:5055' is not a URL")
    assert "http://127.0.0.1:5055" in line


def test_an_export_keeps_each_opt_outs_source_and_imports_back_unchanged(
    dynamodb: Any, tmp_path: Path
) -> None:
    given = write_csv(
        tmp_path / "given.csv",
        [
            ["+14155550101", "", "2024-01-05T10:00:00.000Z", "crm"],
            ["+14155550102", OUR_NUMBER, "2024-02-05T10:00:00.000Z", "legacy"],
            ["+14155550103", POOL, "2024-03-05T10:00:00.000Z", "legacy"],
            ["+14155550104", "", "2024-04-05T10:00:00.000Z", ""],
        ],
    )
    assert main(["--table", TABLE, "import", str(given)], out=io.StringIO()) == 0
    cli("opt-out", "+14155550105", "--channel", "web", "--at", "2025-01-01T00:00:00Z")
    exported = tmp_path / "exported.csv"
    assert cli("export", "--csv", str(exported))[0] == 0

    dynamodb.create_table(TableName="Restored", **table_definition())
    assert main(["--table", "Restored", "import", str(exported)], out=io.StringIO()) == 0
    again = io.StringIO()
    assert main(["--table", "Restored", "export", "--csv", "-"], out=again) == 0

    assert [r["source"] for r in csv.DictReader(exported.open())] == [
        "crm",
        "legacy",
        "legacy",
        "given.csv",
        "web",
    ]
    assert again.getvalue().splitlines() == exported.read_text().splitlines(), "unchanged, sources and all"


# explain-send -------------------------------------------------------------------------------

FLORIDIAN = "+13055550123"


def test_explain_send_says_a_promotional_text_would_go_inside_the_window(dynamodb: Any) -> None:
    code, out = cli("explain-send", FLORIDIAN, "--at", "2026-07-15T16:00:00Z")

    assert code == 0
    assert out.splitlines() == [
        "issued in US-FL, time zones America/New_York",
        "frequency cap 3 in 24 hours; sent in the last 24 hours: 0",
        "yes: a promotional text may go now (2026-07-15T16:00:00Z)",
    ]


def test_explain_send_says_why_not_and_when(dynamodb: Any) -> None:
    code, out = cli("explain-send", FLORIDIAN, "--at", "2026-07-15T03:00:00Z", "--json")
    night = json.loads(out)
    _, quiet = cli(
        "explain-send", FLORIDIAN, "--at", "2026-07-15T12:30:00Z", "--quiet-hours", '{"US": "20:00-09:00"}'
    )

    assert code == 0 and night["decision"] == "SENDING_HOURS" and night["notBefore"] == "2026-07-15T12:00:00Z"
    assert quiet.splitlines()[-1] == (
        "no: inside the quiet hours set for the sender (QUIET_HOURS); the next may go at 2026-07-15T13:00:00Z"
    )


def test_explain_send_reads_the_cap_and_writes_nothing(dynamodb: Any) -> None:

    caps = FrequencyCaps(TABLE, dynamodb)
    for hour in (10, 11, 12):
        caps.take(FLORIDIAN, 3, datetime(2026, 7, 15, hour, tzinfo=UTC).timestamp())
    before = dynamodb.scan(TableName=TABLE)["Items"]

    _, out = cli("explain-send", FLORIDIAN, "--at", "2026-07-15T16:00:00Z", "--from", OUR_NUMBER)

    assert out.splitlines()[1:] == [
        "frequency cap 3 in 24 hours; sent in the last 24 hours: 3",
        "no: over the frequency cap (FREQUENCY_CAP); the next may go at 2026-07-16T12:00:00Z",
    ]
    assert dynamodb.scan(TableName=TABLE)["Items"] == before


def test_explain_send_puts_an_opt_out_first(dynamodb: Any) -> None:
    cli("opt-out", FLORIDIAN, "--channel", "web", "--at", "2025-05-01T12:00:00Z")

    _, out = cli("explain-send", FLORIDIAN, "--from", OUR_NUMBER, "--at", "2026-07-15T16:00:00Z", "--json")

    assert json.loads(out)["decision"] == "OPTED_OUT"
