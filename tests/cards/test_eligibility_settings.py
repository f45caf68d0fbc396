"""The facility and eligibility settings of kiosk/config.py become the route rules' profile, with clear errors
(docs/eligibility.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cards.identity import IdentityPolicy
from kiosk.cards.route import FacilityLevel, FormerTier, PrimaryCareScope
from kiosk.config import Config, ConfigError, load_config


def test_defaults_are_the_safe_ones() -> None:
    config = Config()
    profile = config.facility.profile()
    assert profile.level is FacilityLevel.UNSET and profile.former_tier is FormerTier.UNSET
    assert profile.primary_care_scope is PrimaryCareScope.PROVINCE and profile.basic_score == -1
    assert config.eligibility.identity_policy() is IdentityPolicy.SELF_SERVICE
    assert config.eligibility.warn_admitted_elsewhere and not config.eligibility.identity_ignore_diacritics


def test_a_configured_facility(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[facility]\ncode = "79123"\nlevel = "basic"\nformer_tier = "district"\nbasic_score = 55\n'
                    'primary_care_scope = "country"\n[eligibility]\nidentity_check = "always"\n', encoding="utf-8")
    config = load_config(path, environ={})
    profile = config.facility.profile()
    assert (profile.code, profile.province, profile.level, profile.former_tier, profile.basic_score) == (
        "79123", "79", FacilityLevel.BASIC, FormerTier.DISTRICT, 55)
    assert profile.primary_care_scope is PrimaryCareScope.COUNTRY
    assert config.eligibility.identity_policy() is IdentityPolicy.ALWAYS


@pytest.mark.parametrize(("text", "key"), [
    ('[facility]\nlevel = "tertiary"\n', "facility.level"),
    ('[facility]\nformer_tier = "ward"\n', "facility.former_tier"),
    ('[facility]\nprimary_care_scope = "world"\n', "facility.primary_care_scope"),
    ('[facility]\nbasic_score = -5\n', "facility.basic_score"),
    ('[eligibility]\nidentity_check = "sometimes"\n', "eligibility.identity_check"),
    ('[eligibility]\nidentity_check = 1\n', "eligibility.identity_check"),
])
def test_bad_values_name_the_key(tmp_path: Path, text: str, key: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path, environ={})
    assert key in str(caught.value) and str(path) in str(caught.value)
