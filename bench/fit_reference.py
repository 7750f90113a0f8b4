#!/usr/bin/python3
"""fit_reference.py: the reference for the fit benchmark, the way Epoch AI's and kyo-takano's
notebooks do it with scipy: Huber loss (delta 1e-3) on the log residuals of
    log L_hat = LSE(a - alpha log N, b - beta log D, e)
minimised by scipy's L-BFGS-B from every start of the 4,500-point grid of Besiroglu et al. 2024
(arXiv 2404.10102), best optimum kept. Bench only: Debian's python3-scipy, never a runtime dependency.

Tolerances are tight (ftol 1e-15, gtol 1e-12, up to 100,000 iterations) so that the reference is the
minimum itself: scipy's defaults (ftol 2.2e-9) stop 2e-9 above it on flatter data.

Usage: fit_reference.py DATA.csv [--exclude-top K] [--max-flops C] [--json]
DATA.csv has columns N or "Model Size", C or "Training FLOP", and loss; --max-flops keeps the runs at
or below C. Prints the optimum, its objective and the time taken, for bench/fit-compare.sh to set
beside the native fit."""
import csv
import itertools
import json
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import huber, logsumexp

DELTA = 1e-3


OPTIONS = {"ftol": 1e-15, "gtol": 1e-12, "maxiter": 100000, "maxfun": 1000000, "maxls": 100}


def column(row, *names):
    for name in names:
        if name in row:
            return float(row[name])
    raise KeyError(f"none of the columns {names}")


def read_runs(path, exclude_top, max_flops):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    n = np.array([column(r, "Model Size", "N") for r in rows])
    c = np.array([column(r, "Training FLOP", "C") for r in rows])
    loss = np.array([float(r["loss"]) for r in rows])
    d = c / (6 * n)  # the file gives compute; tokens from C = 6ND
    keep = np.arange(len(loss))
    if exclude_top:
        keep = np.sort(np.argsort(-loss, kind="stable")[exclude_top:])
    keep = keep[c[keep] <= max_flops]
    return np.log(n[keep]), np.log(d[keep]), np.log(loss[keep])


def objective_and_grad(x, ln_n, ln_d, ln_l):
    a, b, e, alpha, beta = x
    t = np.stack([a - alpha * ln_n, b - beta * ln_d, np.full_like(ln_n, e)])
    lse = logsumexp(t, axis=0)
    r = lse - ln_l
    f = huber(DELTA, r).sum()
    psi = np.clip(r, -DELTA, DELTA)  # Huber's derivative
    w = np.exp(t - lse)              # softmax weights of the three terms
    g = np.array([
        (psi * w[0]).sum(),
        (psi * w[1]).sum(),
        (psi * w[2]).sum(),
        -(psi * w[0] * ln_n).sum(),
        -(psi * w[1] * ln_d).sum(),
    ])
    return f, g


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    path = args[0]
    exclude = int(args[args.index("--exclude-top") + 1]) if "--exclude-top" in args else 0
    max_flops = float(args[args.index("--max-flops") + 1]) if "--max-flops" in args else float("inf")
    data = read_runs(path, exclude, max_flops)
    grid = itertools.product(np.arange(0, 30, 5), np.arange(0, 30, 5), np.arange(-1, 1.5, 0.5),
                             np.arange(0, 2.5, 0.5), np.arange(0, 2.5, 0.5))
    best = None
    starts = 0
    t0 = time.perf_counter()
    for a, b, e, alpha, beta in grid:
        starts += 1
        r = minimize(objective_and_grad, [a, b, e, alpha, beta], args=data, jac=True, method="L-BFGS-B", options=OPTIONS)
        if np.isfinite(r.fun) and (best is None or r.fun < best.fun):
            best = r
    seconds = time.perf_counter() - t0
    a, b, e, alpha, beta = best.x
    out = {"runs_used": int(len(data[0])), "starts": starts, "objective": float(best.fun),
           "constants": {"E": float(np.exp(e)), "A": float(np.exp(a)), "B": float(np.exp(b)),
                         "alpha": float(alpha), "beta": float(beta)},
           "seconds": seconds}
    if "--json" in args:
        print(json.dumps(out))
    else:
        c = out["constants"]
        print(f"scipy L-BFGS-B, {starts} starts on {out['runs_used']} runs: {seconds:.2f} s; objective "
              f"{out['objective']:.15g}; E {c['E']:.5g} A {c['A']:.5g} B {c['B']:.5g} "
              f"alpha {c['alpha']:.5g} beta {c['beta']:.5g}")


if __name__ == "__main__":
    main()
