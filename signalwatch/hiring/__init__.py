"""Hiring signals as pure logic: board snapshot diffs and surge detection (titles: `signalwatch.titles`)."""
