#!/usr/bin/env python3
"""idm_demo.py — the invented participants of the IDM fixture set.

    python3 scripts/idm_demo.py demo > fixtures/idm/demo.cmds
    python3 scripts/idm_demo.py participants 600 > participants.csv

`demo` writes the demo workshop of `rapporteur init --fixtures fixtures/idm
--demo`; `participants N` writes a participants CSV of N rows spread over
the member states, observer states and organisations of
fixtures/idm/delegations.csv (the tests import it). Names are drawn from
fixed lists with a fixed seed: the output is the same on every run, and no
name is a real person's on purpose.
"""
import csv
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "fixtures", "idm")

GIVEN = """Amina Carlos Mei Olena Kwame Sofia Rahul Fatou Diego Leila Tomas Aiko
Yusuf Ingrid Mateo Nadia Kofi Elena Hassan Priya Lucas Zainab Andrei Marisol
Tariq Chiara Samuel Ayesha Jonas Lina Felipe Grace Omar Hana Pablo Akosua
Viktor Rosa Idris Mariam Bruno Noura Emeka Carmen Farid Anja Luis Thandiwe
Karim Sunita Pierre Valentina Daniel Yara Moussa Irina Javier Esi Bilal Marta
Arjun Camila Ali Katarzyna Joseph Naledi Ricardo Salma Henrik Adaeze Tiago
Laila Sergio Wanjiru Jean Lucia Minh Beatriz Anders Aisha""".split()
FAMILY = """Mensah Okafor Rahman Fernandes Kowalski Haddad Nguyen Silva Traoré
Petrov Johansson Kamau Moreno Diallo Sato Banerjee Osei Lindqvist Castillo
Mbeki Kaya Novak Rossi Hossain Ibrahim Quispe Andersen Bello Costa Yilmaz
Tanaka Mwangi Duarte Popescu Keita Morales Chowdhury Abebe Schmidt Vargas
Sow Park Horvat Ortega Nkosi Farouk Jensen Romero Adeyemi Cruz Barros Sesay
Kimura Ndiaye Herrera Karimi Nilsson Achebe Medina Suleiman Varga Delgado
Owusu Lopes Hakimi Ferrari Tembo Aziz Richter Salazar Banda Rojas Eze""".split()

MEMBER_FUNCTIONS = [
    ("ambassador", "foreign_affairs", "Ambassador, Permanent Representative in Geneva"),
    ("director_general", "interior", "Director General of Immigration"),
    ("director", "foreign_affairs", "Director, Consular and Diaspora Affairs"),
    ("director", "labour", "Director of Labour Migration"),
    ("deputy_director", "interior", "Deputy Director, Border Management"),
    ("head_of_unit", "cooperation", "Head of Unit, International Cooperation"),
    ("officer", "foreign_affairs", "First Secretary, Permanent Mission"),
    ("officer", "statistics", "Migration Statistics Officer"),
    ("director", "diaspora", "Director, Diaspora Engagement"),
    ("officer", "health", "Migration Health Officer"),
]
ORG_FUNCTIONS = [
    ("director", "other", "Director"),
    ("officer", "other", "Programme Officer"),
    ("head_of_unit", "other", "Head of Unit"),
    ("other", "other", "Researcher"),
]

# The 60 delegations present at the demo workshop: 50 member states,
# 3 observer states, 7 organisations (and the IOM Administration among them).
PRESENT_MEMBERS = """ARG AUS AUT BGD BEL BRA BFA CAN CHL CHN COL CRI CIV DNK
DOM ECU EGY SLV ETH FRA DEU GHA GTM HND IND IRQ ITA JPN KEN MDG MLI MEX MAR
NPL NLD NGA NOR PAK PHL PRT SEN ZAF ESP LKA SWE CHE THA TUN GBR USA""".split()
PRESENT_OBSERVERS = "CUB IDN RUS".split()
PRESENT_ORGS = "IOM UNHCR ILO WHO EU GFMD CARITAS".split()


def delegations():
    with open(os.path.join(FIXTURES, "delegations.csv"), newline="") as f:
        return list(csv.DictReader(f))


def people(rng, code, n, functions, used):
    """n invented delegates of one delegation: (name, level, cat, function, head)."""
    out = []
    for i in range(n):
        while True:
            name = "%s %s" % (rng.choice(GIVEN), rng.choice(FAMILY))
            if (code, name) not in used:
                used.add((code, name))
                break
        level, cat, fn = functions[0] if i == 0 else rng.choice(functions[1:])
        out.append((name, level, cat, fn, i == 0))
    return out


def q(s):
    return '"%s"' % s


def demo():
    rng = random.Random(17)
    used = set()
    print(DEMO_HEAD.strip("\n"))
    print()
    print("# Delegates: the first of each delegation is its head.")
    absent = []
    for code in PRESENT_MEMBERS + PRESENT_OBSERVERS + PRESENT_ORGS:
        org = code in PRESENT_ORGS
        n = rng.randint(3, 4) if org or code in PRESENT_OBSERVERS else rng.randint(4, 7)
        for k, (name, level, cat, fn, head) in enumerate(
                people(rng, code, n, ORG_FUNCTIONS if org else MEMBER_FUNCTIONS, used)):
            print("delegate+ %s %s %s %s %s%s" % (code, q(name), level, cat, q(fn),
                                                   " head" if head else ""))
            if k == n - 1 and rng.random() < 0.3:
                absent.append((code, name))
    print()
    print("# Presence at the opening: whole delegations, then the few late arrivals")
    print("# marked absent again.")
    for code in PRESENT_MEMBERS + PRESENT_OBSERVERS + PRESENT_ORGS:
        print("present+ %s" % code)
    for code, name in absent:
        print("present- %s %s" % (code, q(name)))


def participants(n):
    rng = random.Random(600)
    used = set()
    rows = delegations()
    members = [r["code"] for r in rows if r["type"] == "member"]
    others = [r["code"] for r in rows if r["type"] != "member"]
    w = csv.writer(sys.stdout, lineterminator="\r\n")
    w.writerow(["delegation", "name", "function", "level", "entity",
                "entity_category", "head", "email"])
    count, i = 0, 0
    pool = members + others
    while count < n:
        code = pool[i % len(pool)]
        i += 1
        org = code in others and len(code) > 3
        k = min(rng.randint(2, 4), n - count)
        for name, level, cat, fn, head in people(
                rng, code, k, ORG_FUNCTIONS if org else MEMBER_FUNCTIONS, used):
            w.writerow([code, name, fn, level, "Ministry" if not org else code, cat,
                        "yes" if head else "no", ""])
            count += 1


DEMO_HEAD = """
# demo.cmds — the demo session of `rapporteur init --fixtures fixtures/idm
# --demo`: an intersessional workshop of IOM's International Dialogue on
# Migration (seeds/002) with its 175 member states in the process, two
# days in Geneva, a "Voix de migrants" session, and a few hundred invented
# participants (not real people) from 60 delegations present.
# Generated by scripts/idm_demo.py (fixed seed): edit the script, not this
# file, then run `python3 scripts/idm_demo.py demo > fixtures/idm/demo.cmds`.
session new "IDM 2026 — Intersessional workshop: partnerships for capacity development" senior 2026-10-15
set end_date 2026-10-16
set venue "Geneva, Palais des Nations"
# The venue's zone: planned times are Geneva's wall clock (seeds/002: an IDM
# meeting in Geneva), and the report is written in it.
set tz Europe/Zurich
set host CHE
set chair "IOM Director General"
set min_level director
# The delegation-level check R4 is DiMOI's rule, not IDM's (set r4 on to apply it).
set r4 off
theme+ idm2018_2

# Agenda — day 1 (15 October)
item+ "Opening remarks" opening 30 09:00
item+ "Adoption of the agenda" agenda 10 09:30
item+ "Keynote address and general statements" statements 80 09:40
item+ "Session 1: capacity development needs in migration governance" thematic 90 11:15
item+ "Voix de migrants / Migrants' voices: testimony of a returning migrant worker" testimony 30 14:00
item+ "Session 2: partnerships with local authorities and the private sector" thematic 90 14:30
item+ "Session 3: working groups on data, skills and return" working_group 90 16:15
# Agenda — day 2 (16 October)
item+ "Session 4: regional consultative processes as capacity builders" thematic 90 2026-10-16T09:00
item+ "Session 5: examples of good practice" thematic 90 2026-10-16T10:45
item+ "Key messages, lessons learned and good practices" drafting 60 2026-10-16T14:00
item+ "Themes of the next IDM" next_meeting 30 2026-10-16T15:15
item+ "Closing remarks" closing 30 2026-10-16T15:45
"""

if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "demo":
        demo()
    elif len(sys.argv) == 3 and sys.argv[1] == "participants":
        participants(int(sys.argv[2]))
    else:
        sys.exit(__doc__)
