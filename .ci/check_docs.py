"""The docs build without quarto: nbdev's notebook processing (the step of `nbdev-docs` before quarto) over every
notebook, no saved output holding an error, a warning, a progress bar, a tensor dump or an absolute path, every
image the pages and the README link to present, and README.md in step with nbs/index.ipynb. Exits 1 naming each problem. Used by `.ci/run` and `.github/workflows/test.yaml`.
`python .ci/check_docs.py --readme` writes README.md from nbs/index.ipynb (what `nbdev-readme` does with quarto)."""
import json, re, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
nbs = root/'nbs'
IMAGE_LINK = re.compile(r'!\[[^\]]*\]\(\s*<?([^)\s>]+)|<img [^>]*src="([^"]+)"|\b((?:nbs/)?images/[\w./-]+\.(?:png|jpe?g|svg|gif))')

def image_problems(text:str, base:Path, where:str)->list[str]:
    "Image links in `text` (relative to `base`) whose file does not exist."
    out = []
    for m in IMAGE_LINK.finditer(text):
        link = next(g for g in m.groups() if g)
        if re.match(r'[a-z]+:', link): continue  # http(s), data: URIs
        target = (root if link.startswith('nbs/') else base)/link.split('#')[0]
        if not target.exists(): out.append(f'{where}: image {link} does not exist')
    return out

DEBRIS = { # what a saved output must not show: a reader sees the page, not the machine that made it
    'a warning': re.compile(r'\b\w*Warning\b|^WARNING|Skipping publisher trust check|Failed to load .* from kernels', re.M),
    'a progress bar': re.compile(r'\d+%\|[#█▏▎▍▌▋▊▉ ]*\||\d+/\d+ \[\d\d:\d\d'),
    'a tensor dump': re.compile(r'Parameter containing:|\btensor\(\['),
    'an absolute path': re.compile(r'(?<![\w.~])/(?:tmp|root|home|work|usr|var|opt|Users)/[\w.-]'),
}

def output_text(o:dict)->str:
    "The text a saved output shows: a stream's, or its plain, markdown and HTML forms."
    if 'text' in o: return ''.join(o['text'])
    data = o.get('data', {})
    return '\n'.join(''.join(data[k]) for k in ('text/plain', 'text/markdown', 'text/html') if k in data)

def notebook_problems(path:Path)->list[str]:
    "Saved outputs that hold an error or debris (`DEBRIS`), and missing images, in one notebook."
    out = []
    for i, cell in enumerate(json.loads(path.read_text())['cells']):
        where = f'{path.relative_to(root)}, cell {i}'
        out += image_problems(''.join(cell['source']), path.parent, where)
        for o in cell.get('outputs', []):
            if o.get('output_type') == 'error': out.append(f"{where}: saved output holds an error ({o.get('ename')})")
            elif o.get('name') == 'stderr' and 'Traceback' in ''.join(o.get('text', [])): out.append(f'{where}: saved output holds a traceback')
            text = output_text(o)
            out += [f'{where}: saved output holds {what}: {m.group(0)!r}' for what, pattern in DEBRIS.items()
                    for m in [pattern.search(text)] if m]
    return out

def cell_markdown(cell:dict)->str:
    "What a cell of nbs/index.ipynb shows as markdown: its text, or a code cell's markdown outputs (its code is hidden)."
    if cell['cell_type'] == 'markdown': return ''.join(cell['source']).strip()
    return '\n\n'.join(''.join(o['data']['text/markdown']).strip() for o in cell.get('outputs', [])
                       if 'text/markdown' in o.get('data', {}))

def readme_text()->str:
    "README.md as made from nbs/index.ipynb (its markdown, and its code cells' markdown outputs), image paths relative to the repository."
    cells = json.loads((nbs/'index.ipynb').read_text())['cells']
    md = '\n\n'.join(m for m in map(cell_markdown, cells) if m) + '\n'
    return md.replace('](images/', '](nbs/images/')

def main():
    if '--readme' in sys.argv: return (root/'README.md').write_text(readme_text())
    problems = [p for f in sorted(nbs.glob('*.ipynb')) for p in notebook_problems(f)]
    if (root/'README.md').read_text() != readme_text():
        problems.append('README.md is not in step with nbs/index.ipynb: run python .ci/check_docs.py --readme')
    problems += image_problems((root/'README.md').read_text(), root, 'README.md')
    for p in problems: print(p)
    from nbdev.serve import proc_nbs
    try: proc_nbs(n_workers=0, force=True)
    except Exception as e:
        print(f'nbdev docs processing failed: {e}')
        problems.append('proc_nbs')
    print(f"docs check: {len(list(nbs.glob('*.ipynb')))} notebooks, {len(problems)} problems")
    sys.exit(1 if problems else 0)

if __name__ == '__main__': main()
