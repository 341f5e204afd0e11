import sys, statistics as st
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
by = {}
for t, e, u, m in rows: by.setdefault(t, []).append((float(e), float(u), int(m)))
for t, v in by.items():
    e = [x[0] for x in v]; u = [x[1] for x in v]; m = [x[2] / 1024 for x in v]
    print(f"{t:8s} n={len(v)} wall median {st.median(e):.2f} ({min(e):.2f}-{max(e):.2f})  user median {st.median(u):.2f} ({min(u):.2f}-{max(u):.2f})  peak {min(m):.0f}-{max(m):.0f} MB")
p, t = by["popdruk"], by["typst"]
print("ratio wall (median popdruk / median typst): %.3f" % (st.median(x[0] for x in p) / st.median(x[0] for x in t)))
print("ratio user: %.3f" % (st.median(x[1] for x in p) / st.median(x[1] for x in t)))
ps = by.get("pystart")
if ps:
    ts = st.median(x[0] for x in t) - st.median(x[0] for x in ps); tu = st.median(x[1] for x in t) - st.median(x[1] for x in ps)
    print("typst minus python start-up: wall %.2f, user %.2f; ratios %.3f / %.3f" % (ts, tu, st.median(x[0] for x in p) / ts, st.median(x[1] for x in p) / tu))
# per-pair ratios
pr = [a[0] / b[0] for a, b in zip(p, t)]; print("per-run-pair wall ratios: " + ", ".join("%.3f" % r for r in pr))
