"""Round 13's switch-on rule for learned uses: the gain bar grows with the number of settings a use's search compared.

The best of S settings compared on the same left-out counts gains about log(S) events by chance alone, so a use
chosen from a wide search (the tagger's modes × margins × detector thresholds) must gain more than one chosen from a
few (`train.gain_bar`: 3 + floor(log2(S) / 2)). Each judge counts its own S as it searches and prints it with the bar.
"""

from __future__ import annotations

from signalwatch.extract.train import MIN_GAIN_EVENTS, gain_bar
from signalwatch.extract.train_tagger import MARGINS, FillCase, judge_fill


def test_a_gain_of_four_found_among_a_hundred_settings_stays_off_and_among_two_goes_on() -> None:
    assert 4 < gain_bar(100) == 6
    assert 4 >= gain_bar(2) == MIN_GAIN_EVENTS


def test_the_bar_steps_up_every_fourfold_search() -> None:
    assert [gain_bar(s) for s in (1, 3, 4, 15, 16, 63, 64, 240, 256)] == [3, 3, 4, 4, 5, 5, 6, 6, 7]


def _judged(right: int, wrong: int) -> tuple[float | None, list[str]]:
    """Use "fill" judged on one left-out set whose fills are all sure (margin above every refusal margin tried)."""
    lines: list[str] = []
    cases = [FillCase(100.0, True, True)] * right + [FillCase(100.0, False, False)] * wrong
    return judge_fill({"holdout2": cases}, gain_bar, lines.append), lines


def test_the_fill_judge_counts_its_margins_as_the_search_and_prints_the_bar() -> None:
    # Eight refusal margins compared: S = 8, bar 4. Four right fills clear it, three do not (they cleared round 12's 3).
    assert len(MARGINS) == 8
    margin, lines = _judged(4, 0)
    assert margin == MARGINS[0] and "S=8, bar 4" in lines[-1] and "switched ON" in lines[-1]
    margin, lines = _judged(3, 0)
    assert margin is None and "S=8, bar 4" in lines[-1] and "switched off" in lines[-1]
