# Where Typst's time goes: pop.typ on the first N forms with parts taken out (one run each; exploratory).
import sys, time, typst, re
src0 = open("pop.typ").read().replace("D.forms.enumerate()", f"D.forms.slice(0, {int(sys.argv[1])}).enumerate()")
def run(name, src):
    open("_v.typ", "w").write(src); t = time.time()
    typst.compile("_v.typ", output="/dev/shm/_v.pdf", root=".", font_paths=["../../fonts"], ignore_system_fonts=True, pdf_tags=False)
    print(f"{name:40s} {time.time() - t:.2f} s")
run("tables as plain text (no table())", re.sub(r"(?<![.#\w])table\(columns", "((..a) => a.pos().map(x => [#x ]).join())(columns", src0))
run("one page run, no header/footer", src0.replace("#let form(i, f) = page(", "#let form(i, f) = ((header: none, footer: none, body) => body)("))
run("no ruled lines/checks/levels", src0.replace("#let lvl(v) = if", "#let lvl(v) = v\n#let _lvl(v) = if").replace("#let lines(n) = block(", "#let lines(n) = []\n#let _lines(n) = block(").replace("#let check(on) = box(", "#let check(on) = []\n#let _check(on) = box("))
