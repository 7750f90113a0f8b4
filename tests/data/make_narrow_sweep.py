#!/usr/bin/python3
"""make_narrow_sweep.py: the flat-surface test data for the fit (tests/data/narrow-sweep.csv).

A sweep as a small lab runs one: one model family (seven sizes, 50M to 400M parameters) trained at
five budgets within one decade (1e18 to 6.3e18 FLOP), D = C / 6N, the loss from known constants
(Epoch 2024's: E 1.82, A 482, B 2085, alpha 0.348, beta 0.366) with 0.5% log-normal noise. Budgets
this close together leave the Huber objective flat along the A-alpha and B-beta ridges, where a
fit that stops at an iteration cap is far from its minimum.

Made by: /usr/bin/python3 tests/data/make_narrow_sweep.py > tests/data/narrow-sweep.csv
(numpy's default_rng with the seed below; the output is committed, so tests need no Python)."""
import numpy as np

SEED = 20241130
E, A, B, ALPHA, BETA = 1.82, 482.0, 2085.0, 0.348, 0.366
BUDGETS = [1e18, 1.6e18, 2.5e18, 4e18, 6.3e18]
SIZES = [50e6, 70e6, 100e6, 140e6, 200e6, 280e6, 400e6]

rng = np.random.default_rng(SEED)
print("N,C,loss")
for c in BUDGETS:
    for n in SIZES:
        d = c / (6 * n)
        loss = (E + A / n**ALPHA + B / d**BETA) * np.exp(rng.normal(0, 0.005))
        print(f"{n:.6g},{c:.6g},{loss:.6f}")
