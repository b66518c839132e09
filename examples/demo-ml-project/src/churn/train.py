"""Trains the churn model (the code itself is not what Veritensor checks)."""


def train(rows):
    return sum(1 for r in rows if r.get("churned")) / max(len(rows), 1)
