"""Extraction step (NOT timed): popdruk's own template context of every POP form, per employee.

Runs popdruk with a replacement pop.tera (tpl/pop.tera) that writes Tera's whole context
(`__tera_context`, JSON) into the PDF's Title, then reads it back with pdfinfo. This gives
the Typst document exactly the data popdruk's pop.tera sees (matrix with earlier levels,
team needs, goals, follow-ups, labels t.*), without re-implementing popdruk's analysis.
Writes forms.json (a list, in employee order, as in bundel-pop.pdf)."""
import json, os, subprocess, sys, shutil
POPDRUK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "target", "release", "popdruk")
out = "/dev/shm/ctx"
shutil.rmtree(out, ignore_errors=True)
subprocess.run([POPDRUK, "build", "/tmp/org1k.xlsx", "--only", "pop", "-o", out,
                "--date", "2026-12-03", "-q", "--templates", os.path.join(os.path.dirname(os.path.abspath(__file__)), "tpl")], check=True)
forms = []
for d in sorted(os.listdir(out)):
    p = os.path.join(out, d)
    if not os.path.isdir(p):
        continue
    (f,) = [x for x in os.listdir(p) if x.startswith("pop-")]
    info = subprocess.run(["pdfinfo", "-enc", "UTF-8", os.path.join(p, f)], capture_output=True, text=True, check=True).stdout
    title = info.split("Title:", 1)[1].split("\nSubject:", 1)[0].strip()
    forms.append(json.loads(title))
json.dump(forms, open("forms.json", "w"), ensure_ascii=False)
print(len(forms), "forms;", os.path.getsize("forms.json"), "bytes of JSON")
