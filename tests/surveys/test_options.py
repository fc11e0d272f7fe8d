"""Option keys survive edits: kept when an option stays or is renamed in place."""

from surveys.options import carry_keys, fresh_keys


def test_new_options_get_keys_in_order():
    assert fresh_keys(3) == ["o1", "o2", "o3"]


def test_an_option_that_stays_keeps_its_key_wherever_it_moves_and_whatever_its_case():
    assert carry_keys(["Ja", "Nee"], ["o1", "o2"], ["nee", "JA"]) == ["o2", "o1"]


def test_a_changed_text_in_the_place_of_a_removed_option_is_a_rename():
    assert carry_keys(["Nooit", "Soms"], ["o1", "o2"], ["Zelden", "Soms"]) == ["o1", "o2"]


def test_an_added_option_gets_a_key_higher_than_any_in_the_question():
    keys = carry_keys(["A", "B", "C"], ["o1", "o2", "o5"], ["A", "C", "D", "E"])
    assert keys == ["o1", "o5", "o6", "o7"]
    assert len(set(keys)) == 4


def test_as_many_changed_texts_as_disappeared_options_are_renames_in_order():
    old = ["Nooit", "Soms", "Vaak", "Altijd"]
    keys = carry_keys(old, fresh_keys(4), ["Vaak", "Zelden", "Soms", "Steeds"])
    assert keys == ["o3", "o1", "o2", "o4"]


def test_with_more_new_texts_only_one_in_a_disappeared_options_place_is_a_rename():
    assert carry_keys(["A", "B"], ["o1", "o2"], ["A", "X", "Y"]) == ["o1", "o2", "o3"]
    assert carry_keys(["A", "B"], ["o1", "o2"], ["X", "Y", "B"]) == ["o1", "o3", "o2"]


def test_a_removed_option_is_dropped_and_a_new_one_gets_a_higher_key():
    assert carry_keys(["A", "B"], ["o1", "o2"], ["A"]) == ["o1"]
    assert carry_keys(["A", "C"], ["o1", "o3"], ["A", "C", "D"]) == ["o1", "o3", "o4"]
