#!/usr/bin/env python3
"""Adds Noodrem's address settings to a broker.xml made by `artemis create` (before its catch-all '#' setting),
and makes the journal sync to disk on every commit (the default; stated here so nobody tunes it away)."""
import sys

broker_xml, settings_xml = sys.argv[1], sys.argv[2]
text = open(broker_xml, encoding="utf-8").read()
settings = open(settings_xml, encoding="utf-8").read()
if 'match="cjib.incasso.#"' not in text:
    marker = "<address-settings>"
    if marker not in text:
        sys.exit("no <address-settings> in " + broker_xml)
    text = text.replace(marker, marker + "\n" + settings, 1)
if "<journal-datasync>" not in text:
    text = text.replace("<journal-type>", "<journal-datasync>true</journal-datasync>\n      <journal-type>", 1)
open(broker_xml, "w", encoding="utf-8").write(text)
