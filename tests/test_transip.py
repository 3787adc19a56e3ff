"""etl.transip: the TransIP API v6 answers (firewall, VPS list, addresses, WHOIS contacts,
invoices) and ZIP bundles of them, detected by content."""

from __future__ import annotations

import json
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest

import etl
from etl import transip
from etl.model import ImportRefused, texts

FIXTURES = Path(__file__).parent / "fixtures" / "transip"
AS_OF = date(2026, 11, 25)


def parse(name: str):
    return etl.parse_file(FIXTURES / name, as_of=AS_OF)


def test_firewall_every_allow_listed_range_becomes_an_ip_address_entry() -> None:
    export = parse("transip_firewall_ictr-vps1.json")
    assert (export.source, export.kind) == ("transip", "firewall")
    holders = [a.holder for a in export.access]
    assert holders == [
        "192.0.2.10/32",
        "203.0.113.45/32",
        "2001:db8:45::/64",
        "203.0.113.20/32",  # written without /32 in the file
        "203.0.113.99/32",
        "198.51.100.77/32",
    ]
    first = export.access[1]
    assert first.category == "ip_address" and first.system == "ictr-vps1"
    assert first.item == "Kapsalon Testknip kantoor (TCP 22)"
    assert first.hints == ("Kapsalon Testknip kantoor",)
    assert first.scope == "firewall:ictr-vps1" and export.scopes == ("firewall:ictr-vps1",)
    assert first.ref == "ictr-vps1|TCP:22|203.0.113.45/32"
    assert first.fields == ("ip_address",)


def test_public_rules_internal_ranges_and_garbage_are_skipped() -> None:
    export = parse("transip_firewall_ictr-vps1.json")
    # 0.0.0.0/0 and ::/0, a rule without allow-list, 10.0.0.0/8 and 'not-an-ip'.
    assert export.skipped == 5
    assert export.rows_read == 11
    assert all(a.holder not in ("0.0.0.0/0", "::/0", "10.0.0.0/8") for a in export.access)
    assert texts(export.warnings) == (
        "transip_firewall_ictr-vps1.json: rule 7: 'not-an-ip' is no IP address.",
    )


def test_a_rule_without_description_is_named_by_protocol_and_ports() -> None:
    export = parse("transip_firewall_ictr-vps2.json")
    assert [a.item for a in export.access] == ["kantoor (TCP 22)", "UDP 5000-5010"]
    assert export.access[1].hints == ()


@pytest.mark.parametrize(
    ("file_name", "vps"),
    [
        ("transip_firewall_ictr-vps1.json", "ictr-vps1"),
        ("firewall-klant.vps3.json", "klant.vps3"),
        ("ictr-vps9_firewall.json", "ictr-vps9"),
        ("transip-ictr-vps4-firewall.json", "ictr-vps4"),
        ("antwoord.json", ""),
    ],
)
def test_the_vps_name_comes_from_the_file_name(file_name: str, vps: str) -> None:
    assert transip.name_from_file(file_name, "firewall") == vps


def test_a_name_longer_than_any_path_names_no_vps(hang_guard) -> None:
    # Only a ZIP member's name runs this long; the patterns took quadratic time in its dashes.
    assert transip.name_from_file("ictr-vps1" + "-" * 200_000 + "x.json", "firewall") == ""
    long_but_possible = "ictr-vps1" + "-" * 4_000 + "_firewall.json"
    assert transip.name_from_file(long_but_possible, "firewall") == "ictr-vps1"


def test_a_firewall_file_without_vps_in_its_name_still_imports(tmp_path: Path) -> None:
    path = tmp_path / "firewall.json"
    shutil.copy(FIXTURES / "transip_firewall_ictr-vps2.json", path)
    export = etl.parse_file(path, as_of=AS_OF)
    assert {a.system for a in export.access} == {"firewall"}
    assert "does not say which VPS" in texts(export.warnings)[0]


def test_an_empty_or_disabled_firewall_imports_so_old_entries_can_go(tmp_path: Path) -> None:
    path = tmp_path / "transip_firewall_ictr-vps2.json"
    path.write_text('{"vpsFirewall": {"isEnabled": false, "ruleSet": []}}')
    export = etl.parse_file(path, as_of=AS_OF)
    assert export.access == () and export.scopes == ("firewall:ictr-vps2",)
    assert "switched off" in texts(export.warnings)[0]


def test_vps_list_gives_descriptions_and_tags_as_linking_hints() -> None:
    export = parse("transip_vps.json")
    assert export.kind == "vps" and export.access == ()
    second = export.systems[1]
    assert second.system == "ictr-vps2"
    assert second.label == "Kapsalon Testknip - boekingssysteem"
    assert second.hints == ("Kapsalon Testknip - boekingssysteem", "k100")


def test_ip_addresses_give_reverse_dns_names_and_keep_no_address() -> None:
    export = parse("transip_ip-addresses_ictr-vps2.json")
    assert export.systems[0].hints == ("boeken.kapsalon-testknip.example",)
    assert export.access == () and export.skipped == export.rows_read == 2


def test_whois_contacts_are_contact_data_without_our_own() -> None:
    export = parse("transip_contacts_kapsalon-testknip.example.json")
    assert export.kind == "domains"
    # registrant and administrative contact; the technical contact is ICT Roermond itself.
    assert [s.ref for s in export.subjects] == [
        "kapsalon-testknip.example:registrant",
        "kapsalon-testknip.example:administrative",
    ]
    subject = export.subjects[0]
    assert subject.kvk == "90000100" and subject.emails == ("klara@kapsalon-testknip.example",)
    assert export.skipped == 1
    contact = export.records[0]
    assert contact.category == "contact"
    assert {"name", "address", "phone", "email", "kvk"} <= set(contact.fields)


def test_domain_list_without_contacts_and_invoices_keep_nothing() -> None:
    for name, kind in (("transip_domains.json", "domains"),
                       ("transip_invoices.json", "purchase_invoices")):  # fmt: skip
        export = parse(name)
        assert export.kind == kind and export.informational
        assert not (export.subjects or export.records or export.access)
        assert export.skipped == export.rows_read == 2
    # The domain list's auth codes are never part of the result.
    assert "AUTHCODE" not in repr(parse("transip_domains.json"))


def test_bundle_merges_every_answer_in_any_order() -> None:
    export = parse("transip-bundle.zip")
    assert (export.source, export.kind) == ("transip", "bundle")
    assert [a.system for a in export.access] == ["ictr-vps2", "ictr-vps2"]
    systems = {s.system: s for s in export.systems}
    # The VPS list and the ip-addresses answer both add hints to ictr-vps2.
    assert set(systems["ictr-vps2"].hints) == {
        "Kapsalon Testknip - boekingssysteem",
        "k100",
        "boeken.kapsalon-testknip.example",
    }
    assert len(export.subjects) == 2 and export.scopes == ("firewall:ictr-vps2",)
    assert not export.informational


def test_bundle_refuses_a_member_that_is_no_json(tmp_path: Path) -> None:
    path = tmp_path / "transip.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("transip_vps.json", "{not json")
    with pytest.raises(ImportRefused) as caught:
        etl.parse_file(path)
    assert str(caught.value).startswith("transip.zip: transip_vps.json in the ZIP file is not")


def test_bundle_refuses_an_unknown_answer_naming_the_member(tmp_path: Path) -> None:
    path = tmp_path / "transip.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("iets.json", json.dumps({"vpss": "geen lijst"}))
    with pytest.raises(ImportRefused, match=r"^transip\.zip: iets\.json: this JSON is not a"):
        etl.parse_file(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"vpsFirewall": {"ruleSet": "x"}}', "holds no list of rules"),
        ('{"vpss": [{"description": "zonder naam"}]}', "holds no VPS with a name"),
        ('{"ipAddresses": []}', "does not say which VPS"),
    ],
)
def test_refusals_are_one_sentence(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "transip_x.json"
    path.write_text(content)
    with pytest.raises(ImportRefused) as caught:
        etl.parse_file(path)
    text = str(caught.value)
    assert text.startswith("transip_x.json: ") and message in text and "\n" not in text


def test_ip_addresses_need_the_vps_in_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "adressen.json"
    shutil.copy(FIXTURES / "transip_ip-addresses_ictr-vps2.json", path)
    with pytest.raises(ImportRefused, match=r"transip_ip-addresses_<vps>\.json"):
        etl.parse_file(path)


def test_source_transip_narrows_detection(tmp_path: Path) -> None:
    assert etl.detect(FIXTURES / "transip_vps.json", "transip").kind_id == "transip.vps"
    path = tmp_path / "x.json"
    path.write_text('[{"id": 1, "name": "n", "code": "c"}]')  # an e-boekhouden relation
    with pytest.raises(ImportRefused, match="this JSON is not a TransIP API export"):
        etl.detect(path, "transip")


def test_content_not_name_decides(tmp_path: Path) -> None:
    path = tmp_path / "relaties.json"
    shutil.copy(FIXTURES / "transip_vps.json", path)
    assert etl.detect(path).kind_id == "transip.vps"


def test_a_domain_without_contacts_keeps_nothing_but_imports(tmp_path: Path) -> None:
    path = tmp_path / "transip_contacts_leeg.example.json"
    path.write_text('{"contacts": []}')
    export = etl.parse_file(path)
    assert export.informational and export.subjects == ()
