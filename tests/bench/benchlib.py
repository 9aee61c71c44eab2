"""benchlib.py — shared by the report steps of the bench scripts
(tests/bench/run.sh, bench_typing.sh): read the probe's JSON results and
print a markdown table of the figures against the bars of DESIGN §7."""
import json
import os


def loader(work, prefix=''):
    """A load(name) reading WORK/PREFIX+NAME.json; None when absent or bad."""
    def load(name):
        try:
            with open(os.path.join(work, prefix + name + '.json')) as f:
                return json.load(f)
        except (OSError, ValueError):
            return None
    return load


def key(d, label, what='max'):
    """Bytes ('max', 'median', …) the probe recorded for one key label."""
    try:
        return d['keys']['by_key'][label][what]
    except (TypeError, KeyError):
        return None


def cpu(d):
    """Median CPU per key (ms) of a probe run."""
    try:
        return d['keys']['cpu_ms_median']
    except (TypeError, KeyError):
        return None


def print_table(title, rows):
    """rows: (label, bar text, check or None, get(prefix)) for 'demo' and
    'large'; the last column says whether every present value is within."""
    print()
    print('| %s | bar | demo | large | within bar |' % title)
    print('|---|---|---|---|---|')
    for label, bar, check, get in rows:
        vals = [get('demo'), get('large')]
        ok = '-'
        if check:
            present = [v for v in vals if v is not None]
            ok = ('yes' if all(check(v) for v in present) else 'NO') if present else 'n/a'
        cell = lambda v: 'n/a' if v is None else str(v)
        print('| %s | %s | %s | %s | %s |' % (label, bar, cell(vals[0]), cell(vals[1]), ok))
