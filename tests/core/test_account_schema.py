"""One account schema: what an admin writes (CSV columns, rule-test account keys) stays as it was,
and every field a CSV gives reaches the stored account and comes back unchanged."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from signalwatch.accounts import Account
from signalwatch.accounts.csv_import import COLUMNS, read_accounts_csv
from signalwatch.rules.testing import AccountSpec
from signalwatch.store import Store
from signalwatch.timeutil import utcnow

# What admins' files already say: changing either list breaks their CSVs or rule tests.
CSV_HEADER = ("name", "domain", "aliases", "industry", "employees", "revenue", "country", "owner_email",
              "owner_slack_id", "tags", "crm_id", "boards")
RULE_TEST_KEYS = (*CSV_HEADER, "contacts")  # a rule can test every account field, so a rule test can set each;
# and its CRM contacts (whom the alert names)
TEMPLATE = Path(__file__).parents[2] / "signalwatch" / "templates" / "accounts.csv"


def test_the_csv_columns_and_the_rule_test_account_keys_are_the_ones_admins_use() -> None:
    assert COLUMNS == CSV_HEADER
    assert tuple(TEMPLATE.read_text(encoding="utf-8").splitlines()[0].split(",")) == CSV_HEADER
    assert tuple(AccountSpec.model_fields) == RULE_TEST_KEYS
    assert AccountSpec.model_validate({"name": "Acme", "aliases": ["A"], "employees": 5}).model_dump()["aliases"] == ["A"]


def test_every_csv_column_reaches_the_stored_account(tmp_path: Path) -> None:
    row = "Acme,acme.example,Acme Inc;ACME,Software,1200,12M,us,dana@yourco.example,U01DANA001,Strategic;VIP,crm-1,greenhouse:acme"
    path = tmp_path / "accounts.csv"
    path.write_text(",".join(CSV_HEADER) + "\n" + row + "\n", encoding="utf-8")
    (parsed,), issues = read_accounts_csv(path, {"greenhouse"})
    assert issues == []
    blank = Account(id=0, name="")
    assert all(getattr(parsed, f.name) != getattr(blank, f.name) for f in dataclasses.fields(Account) if f.name != "id")

    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    store.migrate()
    store.upsert_accounts([parsed], utcnow())
    (stored,) = store.list_accounts()
    assert dataclasses.replace(stored, id=0) == parsed
    store.close()
