#!/usr/bin/python3
"""Parses an iCalendar file with python3-icalendar (a real, independent parser) and prints the
calendar's properties and its events as JSON, for the feed's integration test.

Usage: ics_events.py FILE.ics
"""
import datetime
import json
import sys

from icalendar import Calendar


def plain(value):
    """A property value as JSON: dates as ISO text, everything else as text."""
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return str(value)


def main():
    with open(sys.argv[1], 'rb') as f:
        calendar = Calendar.from_ical(f.read())
    head = {key: str(calendar.get(key)) for key in
            ('VERSION', 'PRODID', 'CALSCALE', 'METHOD', 'X-WR-CALNAME', 'X-WR-TIMEZONE') if calendar.get(key) is not None}
    events = []
    for event in calendar.walk('VEVENT'):
        fields = {}
        for key in ('UID', 'SUMMARY', 'LOCATION', 'DESCRIPTION', 'URL', 'STATUS', 'TRANSP', 'SEQUENCE'):
            if event.get(key) is not None:
                fields[key.lower()] = plain(event.get(key))
        for key in ('DTSTART', 'DTEND', 'DTSTAMP', 'CREATED', 'LAST-MODIFIED'):
            if event.get(key) is not None:
                value = event.decoded(key)
                fields[key.lower()] = plain(value)
                fields[key.lower() + '_is_date'] = not isinstance(value, datetime.datetime)
        events.append(fields)
    json.dump({'calendar': head, 'events': events}, sys.stdout, ensure_ascii=False)


if __name__ == '__main__':
    main()
