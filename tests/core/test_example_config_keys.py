"""The example config documents every setting the code accepts, and nothing the code does not.

The README says `deploy/signalwatch.example.yaml` (the starter config `signalwatch init` writes)
documents every setting. Source types a new install does not poll are shown commented out; they
are switched on here ("#-" and "#  " removed) before the file is compared with the config models.
"""

from __future__ import annotations

import re
import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from signalwatch.config import Settings, SourceSettings, load_settings
from signalwatch.connectors import REGISTRY
from signalwatch.sinks import SINKS

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "deploy" / "signalwatch.example.yaml"
# Mappings whose keys are the user's own (host names, CRM values, field names), not settings.
FREE_MAPPINGS = {"http.host_intervals", "http.extra_headers", "sinks.slack.actions.crm_links",
                 "sinks.hubspot.sync.industry_map", "sinks.salesforce.sync.industry_map", "sinks.salesforce.update_fields"}


def _settings_of(model: type[BaseModel], prefix: str) -> set[str]:
    found: set[str] = set()
    for name, field in model.model_fields.items():
        if field.exclude:
            continue
        found.add(prefix + name)
        nested = [t for t in (field.annotation, *typing.get_args(field.annotation))
                  if isinstance(t, type) and issubclass(t, BaseModel)]
        if nested and typing.get_origin(field.annotation) is not list:
            found |= _settings_of(nested[0], f"{prefix}{name}.")
    return found


def _keys_of(data: dict[str, Any], prefix: str) -> set[str]:
    found: set[str] = set()
    for key, value in data.items():
        found.add(prefix + str(key))
        if isinstance(value, dict) and prefix + str(key) not in FREE_MAPPINGS:
            found |= _keys_of(value, f"{prefix}{key}.")
    return found


def _all_switched_on(tmp_path: Path) -> Path:
    text = re.sub(r"(?m)^  #(-|  )", r"  \1", EXAMPLE.read_text(encoding="utf-8"))
    path = tmp_path / "signalwatch.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_setting_is_in_the_example_and_every_example_key_is_a_setting(tmp_path: Path) -> None:
    path = _all_switched_on(tmp_path)
    load_settings(path)  # valid as written, every source type switched on
    data = yaml.safe_load(path.read_text(encoding="utf-8"))

    documented = _keys_of({k: v for k, v in data.items() if k != "sources"}, "")
    common = {key for source in data["sources"] for key in source} & set(SourceSettings.model_fields)
    for source in data["sources"]:
        documented |= {f"sources[{source['type']}].{key}" for key in {*source, *common}}

    accepted = _settings_of(Settings, "") - {"sinks", "sources"}
    accepted = {key for key in accepted if not key.startswith("source_health.notify.")}
    for name, sink in SINKS.items():
        accepted |= {f"sinks.{name}"} | _settings_of(sink.Config, f"sinks.{name}.")
    for kind, connector in REGISTRY.items():
        accepted |= _settings_of(SourceSettings, f"sources[{kind}].") | _settings_of(connector.Options, f"sources[{kind}].")

    assert sorted(accepted - documented) == [], "settings the example config does not show"
    assert sorted(documented - accepted - {"sinks"}) == [], "keys in the example config the code does not know"
