"""What moved: the installed packages against the lock (constraints.txt), one line each.

    python scripts/versions.py constraints.txt             # print what differs from the lock
    python scripts/versions.py constraints.txt --write     # write the installed versions as the new lock

Only the packages this project needs, and theirs, are compared (the installed distributions that the lock names, and
the ones it does not name). A local build tag (torch's `+cpu`) is not a version change."""
import argparse, re, sys
from importlib.metadata import distributions
from pathlib import Path

HEADER = """# The exact versions the tests passed with: `pip install -e ".[dev]" -c constraints.txt` after the CPU torch.
# Written by scripts/lock.sh (a fresh install of the newest releases, whose tests passed); edit that, not this.
"""

def canonical(name:str)->str: return re.sub(r'[-_.]+', '-', name).lower()

def installed(skip:str='blip2-lora')->dict[str, str]:
    "Installed distributions, `name -> version`, without a local tag and without this project."
    out = {canonical(d.metadata['Name']): d.version.split('+')[0] for d in distributions()}
    return {k: v for k, v in sorted(out.items()) if k not in (skip, 'pip', 'setuptools', 'wheel')}

def locked(path:Path)->dict[str, str]:
    "The lock's `name -> version`."
    pins = (l.split('#')[0].strip() for l in path.read_text().splitlines())
    return {canonical(n): v for n, _, v in (p.partition('==') for p in pins if p)}

def moved(old:dict, new:dict)->list[str]:
    "One line per package whose version differs, that is new, or that is gone."
    return ([f'moved: {k} {old[k]} -> {new[k]}' for k in old if k in new and old[k] != new[k]] +
            [f'new: {k} {new[k]}' for k in new if k not in old] + [f'gone: {k} {old[k]}' for k in old if k not in new])

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('lock', type=Path)
    p.add_argument('--write', action='store_true', help='write the installed versions into the lock')
    a = p.parse_args()
    now = installed()
    if a.write:
        a.lock.write_text(HEADER + ''.join(f'{k}=={v}\n' for k, v in now.items()))
        print(f'wrote {a.lock}: {len(now)} packages')
        sys.exit(0)
    lines = moved(locked(a.lock), now)
    print('\n'.join(lines) if lines else f'every package at the version of {a.lock}')
