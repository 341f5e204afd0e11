# Timed step: compile pop.typ (which reads data.json, 3.5 MB) to a PDF (default /dev/shm/typst-pop.pdf).
# pdf_tags=False: popdruk's PDFs are untagged (pdfinfo: "Tagged: no"); Typst 0.15 tags by default.
# Pass "tags" as the second argument to keep Typst's default (tagged PDF).
import os, sys, typst
HERE = os.path.dirname(os.path.abspath(__file__))
out = sys.argv[1] if len(sys.argv) > 1 else "/dev/shm/typst-pop.pdf"
tags = len(sys.argv) > 2 and sys.argv[2] == "tags"
typst.compile(os.path.join(HERE, "pop.typ"), output=out, root=HERE,
              font_paths=[os.path.join(HERE, "..", "..", "fonts")], ignore_system_fonts=True, pdf_tags=tags)
