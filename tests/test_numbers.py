"""The exact number parser: what staff write in YAML, read as Decimal, never float."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.core.numbers import NumberError, format_id, parse_angka, round_to


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("87,62", "87.62"),
        ("5.084.795.000", "5084795000"),
        ("1.234.567,89", "1234567.89"),
        ("100", "100"),
        ("0", "0"),
        ("1.537", "1537"),
        ("-2,5", "-2.5"),
        ("95.14", "95.14"),
        ("12.565.548.704", "12565548704"),
    ],
)
def test_indonesian_strings(raw, expected):
    assert parse_angka(raw) == Decimal(expected)


@pytest.mark.parametrize("raw, expected", [("87.62", "87.62"), ("1537", "1537"), ("1.537", "1.537"), ("1e3", "1E+3")])
def test_yaml_numbers_use_yaml_rules(raw, expected):
    assert parse_angka(raw, yaml_number=True) == Decimal(expected)


@pytest.mark.parametrize(
    "raw, code",
    [
        ("13. 273.572.000", "NUMBER_FORMAT"),
        ("7.825.0000", "NUMBER_FORMAT"),
        ("62.805.000,-", "NUMBER_FORMAT"),
        ("97,47 %", "NUMBER_FORMAT"),
        ("1,537,000", "COMMA_DECIMAL"),
        ("n/a", "NUMBER_FORMAT"),
        ("", "TYPE"),
        ("1,2,3", "COMMA_DECIMAL"),
    ],
)
def test_mistakes_have_codes_and_hints(raw, code):
    with pytest.raises(NumberError) as e:
        parse_angka(raw)
    assert e.value.code == code
    assert e.value.hint


def test_suggestions_fix_the_text():
    with pytest.raises(NumberError) as e:
        parse_angka("13. 273.572.000")
    assert parse_angka(e.value.suggestion) == Decimal("13273572000")


decimals = st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=4, allow_nan=False, allow_infinity=False)


@given(decimals)
def test_indonesian_format_round_trips(value):
    assert parse_angka(format_id(value)) == value


@given(st.integers(min_value=0, max_value=10**15))
def test_rupiah_format_round_trips(value):
    text = format_id(value)
    assert "," not in text
    assert parse_angka(text) == value


@given(decimals)
def test_yaml_number_text_round_trips(value):
    assert parse_angka(format(value, "f"), yaml_number=True) == value


@given(st.text(max_size=30))
def test_parser_only_raises_number_error(text):
    try:
        result = parse_angka(text)
    except NumberError as e:
        assert e.code and e.message
    else:
        assert isinstance(result, Decimal)


@given(decimals, st.integers(min_value=0, max_value=4))
def test_truncation_never_exceeds_half_up(value, places):
    half_up = round_to(abs(value), places, "setengah_ke_atas")
    cut = round_to(abs(value), places, "potong")
    assert cut <= abs(value) and cut <= half_up
    assert half_up - cut in (0, Decimal(1).scaleb(-places))


def test_documented_rounding_cases():
    assert round_to(Decimal("101.728333"), 2, "potong") == Decimal("101.72")  # Kepala Dinas prints 101,72
    assert round_to(Decimal("101.728333"), 2) == Decimal("101.73")
    assert round_to(Decimal("138.885"), 2) == Decimal("138.89")  # half-up, not banker's rounding
    assert round_to(Decimal("85.9596"), 2, "potong") == Decimal("85.95")


def test_format_id():
    assert format_id(Decimal("1234567.891"), 2) == "1.234.567,89"
    assert format_id(Decimal("100.00"), trim=True) == "100"
    assert format_id(Decimal("-0.5")) == "-0,5"
