"""Per-form page counts of a bundle, from the footers ('Pagina 1 van N'), and blank pages."""
import re, subprocess, sys
def counts(pdf):
    txt = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    pages = txt.split("\f")[:-1]
    res, blank = [], 0
    for p in pages:
        m = re.search(r"Pagina (\d+) van (\d+)", p)
        if not m: blank += 1; continue
        if m.group(1) == "1": res.append(int(m.group(2)))
    return res, blank, len(pages)
if __name__ == "__main__":
    a, ba, na = counts(sys.argv[1]); b, bb, nb = counts(sys.argv[2])
    print(sys.argv[1], "forms", len(a), "pages", na, "blank", ba, "form pages", sum(a))
    print(sys.argv[2], "forms", len(b), "pages", nb, "blank", bb, "form pages", sum(b))
    from collections import Counter
    print("popdruk per-form pages", sorted(Counter(a).items()), " typst", sorted(Counter(b).items()))
    same = sum(x == y for x, y in zip(a, b)); print("same page count:", same, "of", len(a))
    print("diff (typst - popdruk):", sorted(Counter(y - x for x, y in zip(a, b)).items()))
