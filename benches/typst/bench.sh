#!/bin/sh
# Alternating runs: popdruk --only pop (to tmpfs) and Typst compiling pop.typ (to tmpfs).
# Output: results.txt, one line per run: tool wall user maxrss_kb
N=${1:-5}
POPDRUK=$(cd "$(dirname "$0")/../.." && pwd)/target/release/popdruk
cd "$(dirname "$0")"
for i in $(seq 1 $N); do
  rm -rf /dev/shm/p; sync
  /usr/bin/time -f "popdruk %e %U %M" -a -o results.txt $POPDRUK build /tmp/org1k.xlsx --only pop -o /dev/shm/p --date 2026-12-03 -q
  rm -f /dev/shm/typst-pop.pdf; sync
  /usr/bin/time -f "typst %e %U %M" -a -o results.txt python3 compile.py /dev/shm/typst-pop.pdf
  rm -f /dev/shm/typst-pop.pdf
  /usr/bin/time -f "pystart %e %U %M" -a -o results.txt python3 -c "import typst"
  uptime >> load.txt
done
