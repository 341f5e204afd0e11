"""Text of popdruk's standalone POP forms against the same forms in Typst's document (pdftotext,
words compared in order). Usage: compare_text.py typst.pdf [form index ...]"""
import difflib, os, re, subprocess, sys
from collections import Counter
typ = sys.argv[1]; idx = [int(x) for x in sys.argv[2:] if x != "--all"] or [0, 1, 4, 100, 500, 961]
pages = subprocess.run(["pdftotext", typ, "-"], capture_output=True, text=True).stdout.split("\f")[:-1]
forms, cur = [], None
for p in pages:
    m = re.search(r"Pagina (\d+) van (\d+)", p)
    if not m: continue
    if m.group(1) == "1": cur = []; forms.append(cur)
    cur.append(p)
dirs = sorted(d for d in os.listdir("/dev/shm/p") if os.path.isdir(os.path.join("/dev/shm/p", d)))
def words(s):
    # without the running header and footer (one line each), whose count follows the page count
    keep = [l for l in s.replace("\u00ad", "").split("\n") if not (l.startswith("Vertrouwelijk") or "· Persoonlijk ontwikkelingsplan ·" in l)]
    return " ".join(keep).split()
summary = "--all" in sys.argv
if summary:
    idx = list(range(len(forms)))
stats = []
for i in idx:
    d = os.path.join("/dev/shm/p", dirs[i]); (f,) = os.listdir(d)
    a = words(subprocess.run(["pdftotext", os.path.join(d, f), "-"], capture_output=True, text=True).stdout)
    b = words("\n".join(forms[i]))
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    ca, cb = Counter(a), Counter(b)
    stats.append((ca == cb, sm.ratio(), dict(ca - cb), dict(cb - ca)))
    if summary: continue
    print(f"form {i} {dirs[i]}: popdruk {len(a)} words, typst {len(b)}; same multiset: {ca == cb}; "
          f"in-order ratio {sm.ratio():.3f}; only popdruk: {dict(ca - cb)}; only typst: {dict(cb - ca)}")
if summary:
    from collections import Counter as C
    print(len(stats), "forms;", sum(x[0] for x in stats), "with the same words (header and footer left out);",
          "in-order ratio min %.3f, median %.3f" % (min(x[1] for x in stats), sorted(x[1] for x in stats)[len(stats)//2]))
    extra = C(); miss = C()
    for x in stats: extra.update(x[3]); miss.update(x[2])
    print("words only in popdruk (all forms):", dict(miss.most_common(12)))
    print("words only in Typst (all forms):", dict(extra.most_common(12)))
