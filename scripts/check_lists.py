#!/usr/bin/env python3
"""Check the hand-made lists resources/blocs.tsv, parties.tsv, us_states.tsv and bodies.tsv.

    python3 scripts/check_lists.py

Checks, for each file: UTF-8, `#` comments then one header line with the expected columns,
every row with that many TAB-separated columns, no trailing or doubled spaces, no empty value
between `|`, every country name exactly a name of column 1 of countries.tsv, enumerated columns
within their values, and no form twice: forms are compared by the key graphgen's `fold` gives
(src/graph/ids.rs: case, the accents it folds, periods and apostrophes dropped, hyphens and other
punctuation as spaces, a final `'s` and a leading `the` dropped). In blocs, parties and bodies a
key may name one form of the file only; in us_states a key may recur within one row (`N.H.` and
`NH` fold alike) but not name two rows. For blocs it also checks the member years and the number
of members today of the blocs whose size is well known. Exit status 1 on any problem.
Standard library only.
"""

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.path.normpath(os.path.join(HERE, '..', 'resources'))

ACCENTS = {}
for plain, chars in {
    'a': 'àáâãäåāă', 'A': 'ÀÁÂÃÄÅĀĂ', 'c': 'çćč', 'C': 'ÇĆČ', 'e': 'èéêëēě', 'E': 'ÈÉÊËĒĚ',
    'i': 'ìíîïī', 'I': 'ÌÍÎÏĪ', 'n': 'ñńň', 'N': 'ÑŃŇ', 'o': 'òóôõöøōő', 'O': 'ÒÓÔÕÖØŌŐ',
    'u': 'ùúûüūůű', 'U': 'ÙÚÛÜŪŮŰ', 'y': 'ýÿ', 'Y': 'Ý', 's': 'šśş', 'S': 'ŠŚŞ', 'z': 'žźż',
    'Z': 'ŽŹŻ', 'l': 'ł', 'L': 'Ł', 'r': 'ř', 'R': 'Ř',
}.items():
    for ch in chars:
        ACCENTS[ch] = plain


def slug(name):
    out, pending = [], False
    for c in name:
        c = ACCENTS.get(c, c)
        if c in "'\u2019.":
            continue
        if c.isalnum():
            if pending and out:
                out.append('-')
            pending = False
            out.append(c.lower())
        else:
            pending = True
    return ''.join(out) or 'unnamed'


def fold(name):
    """graphgen's fold (src/graph/ids.rs)."""
    s = name.replace('\u2019', "'")
    if s.endswith("'s"):
        s = s[:-2]
    out = []
    for c in s:
        if c in ".'":
            continue
        if c in '-\u2010\u2011\u2013':
            out.append(' ')
        elif c.isalnum():
            out.append(c.lower())
        else:
            out.append(' ')
    words = ''.join(out).split()
    if len(words) > 1 and words[0] == 'the':
        words = words[1:]
    return slug(' '.join(words)).replace('-', ' ')


PROBLEMS = []


def problem(where, msg):
    PROBLEMS.append(f'{where}: {msg}')


def read(name, columns):
    """Rows of a list as (line number, cells), after checking the layout."""
    path = os.path.join(RES, name)
    try:
        text = open(path, encoding='utf-8').read()
    except (OSError, UnicodeDecodeError) as e:
        problem(f'resources/{name}', str(e))
        return []
    rows, header = [], False
    for n, line in enumerate(text.split('\n'), 1):
        where = f'resources/{name}:{n}'
        if line.endswith((' ', '\r')):
            problem(where, 'trailing space')
        if not line or line.startswith('#'):
            continue
        cells = line.split('\t')
        if not header:
            if cells != columns:
                problem(where, f'expected the header {"<TAB>".join(columns)}')
            header = True
            continue
        if len(cells) != len(columns):
            problem(where, f'expected {len(columns)} columns, found {len(cells)}')
            continue
        for c, cell in zip(columns, cells):
            if cell != cell.strip() or '  ' in cell:
                problem(where, f'{c}: stray spaces in `{cell}`')
            if cell and any(v != v.strip() or not v for v in cell.split('|')):
                problem(where, f'{c}: empty or padded value in `{cell}`')
        rows.append((where, dict(zip(columns, cells))))
    if not header:
        problem(f'resources/{name}', 'no header line')
    return rows


def values(cell):
    return [v for v in cell.split('|') if v]


COUNTRIES = set()
for where, row in read('countries.tsv', ['name', 'aliases', 'demonyms', 'capitals', 'seats', 'status', 'ambiguous']):
    COUNTRIES.add(row['name'])


def country(where, name):
    if name not in COUNTRIES:
        problem(where, f'`{name}` is not a name of column 1 of countries.tsv')


class Forms:
    """Folded keys of a file's forms; `same_row` lets a key recur within one row."""

    def __init__(self, same_row=False):
        self.seen, self.same_row = {}, same_row

    def add(self, where, form, row_id, col):
        k = fold(form)
        if not k or k == 'unnamed':
            problem(where, f'`{form}` folds to nothing')
            return
        if k in self.seen:
            w, f, r, c = self.seen[k]
            if not (self.same_row and r == row_id and c != col):
                problem(where, f'`{form}` folds like `{f}` ({w})')
            return
        self.seen[k] = (where, form, row_id, col)


# --------------------------------------------------------------------------------------------

def check_blocs():
    rows = read('blocs.tsv', ['name', 'aliases', 'kind', 'founded', 'dissolved', 'members'])
    forms, current = Forms(), {}
    for i, (where, r) in enumerate(rows):
        for f in [r['name']] + values(r['aliases']):
            forms.add(where, f, i, 'forms')
        if r['kind'] not in ('alliance', 'political', 'trade'):
            problem(where, f'unknown kind `{r["kind"]}`')
        if not re.fullmatch(r'1[89]\d\d|20[0-2]\d', r['founded']):
            problem(where, f'founded `{r["founded"]}` is not a year')
            continue
        founded = int(r['founded'])
        dissolved = None
        if r['dissolved']:
            if not re.fullmatch(r'1[89]\d\d|20[0-2]\d', r['dissolved']):
                problem(where, f'dissolved `{r["dissolved"]}` is not a year')
                continue
            dissolved = int(r['dissolved'])
        spells = {}
        now = 0
        for m in values(r['members']):
            mm = re.fullmatch(r'(.+):(\d{4})(?:-(\d{4}))?', m)
            if not mm:
                problem(where, f'member `{m}`: expected Country:YYYY or Country:YYYY-YYYY')
                continue
            name, a, b = mm.group(1), int(mm.group(2)), mm.group(3) and int(mm.group(3))
            country(where, name)
            if a < founded or (b is not None and b < a) or a > 2026 or (b or 0) > 2026:
                problem(where, f'member `{m}`: years out of order or before {founded}')
            if dissolved and (b is None or b > dissolved):
                problem(where, f'member `{m}`: the bloc was dissolved in {dissolved}')
            for a2, b2 in spells.get(name, []):
                if not ((b is not None and b < a2) or (b2 is not None and b2 < a)):
                    problem(where, f'member `{m}`: overlaps another spell of {name}')
            if spells.get(name) and b is None:
                problem(where, f'member `{m}`: the present spell must come first')
            spells.setdefault(name, []).append((a, b))
            now += b is None
        current[r['name']] = now
    # Members today of the blocs whose size is well known (states of countries.tsv only).
    expect = {
        'North Atlantic Treaty Organization': 32, 'European Union': 27,
        'Association of Southeast Asian Nations': 11, 'African Union': 54, 'Arab League': 22,
        'Gulf Cooperation Council': 6, 'Quadrilateral Security Dialogue': 4, 'AUKUS': 3,
        'Five Eyes': 5, 'ANZUS': 3, 'Collective Security Treaty Organization': 6,
        'Shanghai Cooperation Organisation': 10, 'BRICS': 10, 'Group of Seven': 7,
        'Group of Twenty': 20, 'Organization of American States': 33,
        'Commonwealth of Nations': 56, 'Organisation of Islamic Cooperation': 57,
        'Council of Europe': 46, 'Organization of the Petroleum Exporting Countries': 12,
        'Organisation for Economic Co-operation and Development': 38, 'Mercosur': 6,
        'European Free Trade Association': 4,
        'Comprehensive and Progressive Agreement for Trans-Pacific Partnership': 12,
        'Regional Comprehensive Economic Partnership': 15,
        'Economic Community of West African States': 12,
        'Southern African Development Community': 16, 'Eurasian Economic Union': 5,
        'East African Community': 8, 'Caribbean Community': 14,
        'Asia-Pacific Economic Cooperation': 20, 'Warsaw Pact': 0,
    }
    for name, n in expect.items():
        if name not in current:
            problem('resources/blocs.tsv', f'{name} is missing')
        elif current[name] != n:
            problem('resources/blocs.tsv', f'{name} has {current[name]} members today, expected {n}')
    return len(rows)


def check_parties():
    rows = read('parties.tsv', ['name', 'aliases', 'members', 'country', 'letter', 'ideology'])
    # As src/knowledge/parties.rs reads them: names and aliases name the party, once each in
    # the file; member nouns name its people, once each except within their row. A key is
    # also refused as one party's name and another party's people.
    names, people = Forms(), Forms(same_row=True)
    for i, (where, r) in enumerate(rows):
        for f in [r['name']] + values(r['aliases']):
            names.add(where, f, i, 'forms')
        for j, f in enumerate(values(r['members'])):
            people.add(where, f, i, j)
            if not f[0].isupper():
                problem(where, f'member noun `{f}` is not capitalised')
    for k, (where, f, i, _) in people.seen.items():
        if k in names.seen and names.seen[k][2] != i:
            problem(where, f'member noun `{f}` folds like the party name `{names.seen[k][1]}` ({names.seen[k][0]})')
    for i, (where, r) in enumerate(rows):
        cs = r['country'].split('|')
        if len(cs) != 1:
            problem(where, 'one country a party')
        for c in cs:
            country(where, c)
        if r['letter'] and (cs != ['United States'] or not re.fullmatch(r'[A-Z]', r['letter'])):
            problem(where, f'letter `{r["letter"]}`: one capital letter, US parties only')
        if not re.fullmatch(r'[a-z]+(-[a-z]+)*', r['ideology']):
            problem(where, f'ideology `{r["ideology"]}`: one lower-case word')
    return len(rows)


def check_states():
    rows = read('us_states.tsv', ['name', 'postal', 'ap', 'aliases'])
    forms, postal = Forms(same_row=True), set()
    for i, (where, r) in enumerate(rows):
        if not re.fullmatch(r'[A-Z]{2}', r['postal']) or r['postal'] in postal:
            problem(where, f'postal `{r["postal"]}`: two capitals, once in the file')
        postal.add(r['postal'])
        for a in values(r['ap']):
            if not a.endswith('.'):
                problem(where, f'ap `{a}` is written without its period')
        for col in ('name', 'postal', 'ap', 'aliases'):
            for f in values(r[col]):
                forms.add(where, f, i, col)
    if len(rows) != 56:
        problem('resources/us_states.tsv', f'{len(rows)} rows, expected 50 states + DC + 5 territories')
    return len(rows)


def check_bodies():
    rows = read('bodies.tsv', ['body', 'aliases', 'kind'])
    forms = Forms()
    kinds = {'ministry', 'legislature', 'chamber', 'court', 'bank', 'agency', 'military', 'cabinet', 'office'}
    for i, (where, r) in enumerate(rows):
        if r['kind'] not in kinds:
            problem(where, f'unknown kind `{r["kind"]}`')
        for f in [r['body']] + values(r['aliases']):
            forms.add(where, f, i, 'forms')
            if not f[0].isupper() and not f[0] in '+':
                problem(where, f'`{f}` is not Capitalised')
    return len(rows)


def main():
    counts = {
        'blocs.tsv': check_blocs(),
        'parties.tsv': check_parties(),
        'us_states.tsv': check_states(),
        'bodies.tsv': check_bodies(),
    }
    for p in PROBLEMS:
        print(p, file=sys.stderr)
    print(', '.join(f'{f}: {n} rows' for f, n in counts.items()))
    return 1 if PROBLEMS else 0


if __name__ == '__main__':
    sys.exit(main())
