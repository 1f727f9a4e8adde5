"""The sequence second stage of the scraped-text line model: a bidirectional GRU over a page's lines (not shipped).

Used by `scripts/train_text_lines.py --sequence gru`, which trains it in place of the second stage of trees, on
the same pages and labels. PyTorch is needed here only, at training time (`pip install torch`, CPU build); the
trained weights are written to the model's JSON and read at run time by
`newsgraph.readers.text_lines.Sequence`, a numpy forward pass.

Each page is one sequence of all its units, in order, free or not. A unit's input is its FEATURES row and the
first stage's log-odds on it (cross-fitted over five folds of pages, as the trees' second stage is trained),
standardised over the training lines and clipped. A GRU reads the page forward and another backward (hidden
`--sequence-hidden` each, one layer); a head of one ReLU layer reads both states and the input and gives each
unit's body log-odds. Only free units carry loss: binary cross-entropy weighted by the trainer's line weights
(a page's free lines weigh one in all, a teacher page `--teacher-weight`); the other units are inputs only.
Adam, pages in batches of similar length; training stops when the weighted loss of a validation slice of the
training pages (a tenth of them, by hash of the page id, every render of a page on the same side) has not fallen
for `PATIENCE` epochs, and the best epoch's weights are kept. The pages being scored are never seen.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

CLIP = 8.0  # as newsgraph.readers.text_lines.SEQUENCE_CLIP
PATIENCE = 3
VALIDATION_SHARE = 10  # one page in this many is validation


@dataclass(frozen=True)
class SequenceOptions:
    hidden: int = 24
    head: int = 32
    epochs: int = 20
    batch: int = 32
    rate: float = 3e-3
    dropout: float = 0.1
    seed: int = 0
    stacked: bool = False  # a third stage over the trees' two: it also reads the second stage's log-odds


def page_arrays(page, *earlier: list[float]):
    """A page's inputs (FEATURES and the earlier stages' log-odds), labels and loss weights, one row per unit."""
    import numpy as np

    p = np.clip(np.column_stack(earlier), 1e-6, 1 - 1e-6)
    x = np.column_stack([np.asarray(page.rows, dtype=float), np.log(p / (1 - p))])
    y, w = np.zeros(len(x)), np.zeros(len(x))
    y[page.free], w[page.free] = page.labels, page.weights
    return x, y, w


def is_validation(page_id: str) -> bool:
    return int(hashlib.sha1(page_id.encode()).hexdigest(), 16) % VALIDATION_SHARE == 0


def network(inputs: int, options: SequenceOptions):
    import torch

    class BiGRU(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.gru = torch.nn.GRU(inputs, options.hidden, batch_first=True, bidirectional=True)
            self.drop = torch.nn.Dropout(options.dropout)
            self.hidden = torch.nn.Linear(2 * options.hidden + inputs, options.head)
            self.out = torch.nn.Linear(options.head, 1)

        def forward(self, x, lengths):
            packed = torch.nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            states, _ = self.gru(packed)
            states, _ = torch.nn.utils.rnn.pad_packed_sequence(states, batch_first=True, total_length=x.shape[1])
            z = self.drop(torch.cat([states, x], dim=2))
            return self.out(torch.relu(self.hidden(z))).squeeze(2)

    return BiGRU()


def batches(items: list, size: int, rng) -> list[list]:
    """Items in batches of similar length (sorted, cut, the batches shuffled)."""
    order = sorted(range(len(items)), key=lambda i: (len(items[i][0]), rng.random()))
    groups = [[items[i] for i in order[k:k + size]] for k in range(0, len(order), size)]
    rng.shuffle(groups)
    return groups


def tensors(group: list):
    import torch

    lengths = [len(x) for x, _, _ in group]
    n, d = max(lengths), group[0][0].shape[1]
    x, y, w = torch.zeros(len(group), n, d), torch.zeros(len(group), n), torch.zeros(len(group), n)
    for b, (xs, ys, ws) in enumerate(group):
        x[b, :len(xs)], y[b, :len(ys)], w[b, :len(ws)] = (torch.as_tensor(xs), torch.as_tensor(ys),
                                                          torch.as_tensor(ws))
    return x, torch.as_tensor(lengths), y, w


def loss_of(net, group) -> tuple:
    import torch

    x, lengths, y, w = tensors(group)
    logits = net(x, lengths)
    loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, y, weight=w, reduction="sum")
    return loss, float(w.sum())


def fit_sequence(pages: list, earlier_of, options: SequenceOptions, log=print) -> dict:
    """The trained GRU stage as the model file writes it (kind "bigru"), checked against numpy's forward pass.

    `earlier_of(page)` gives the earlier stages' probabilities of its units (cross-fitted), a list per stage."""
    import random
    import time

    import numpy as np
    import torch

    torch.set_num_threads(1)
    torch.manual_seed(options.seed)
    rng = random.Random(options.seed)
    raw = [(page.page, page_arrays(page, *earlier_of(page))) for page in pages]
    every = np.concatenate([x for _, (x, _, _) in raw])
    mean, scale = every.mean(axis=0), every.std(axis=0)
    scale[scale < 1e-6] = 1.0

    def scaled(x):
        return np.clip((x - mean) / scale, -CLIP, CLIP).astype(np.float32)

    train = [(scaled(x), y.astype(np.float32), w.astype(np.float32)) for page, (x, y, w) in raw
             if not is_validation(page)]
    valid = [(scaled(x), y.astype(np.float32), w.astype(np.float32)) for page, (x, y, w) in raw if is_validation(page)]
    net = network(every.shape[1], options)
    optimiser = torch.optim.Adam(net.parameters(), lr=options.rate)
    best, best_state, since = float("inf"), None, 0
    for epoch in range(options.epochs):
        started = time.perf_counter()
        net.train()
        for group in batches(train, options.batch, rng):
            optimiser.zero_grad()
            loss, weight = loss_of(net, group)
            (loss / len(group)).backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            optimiser.step()
        net.eval()
        with torch.no_grad():
            parts = [loss_of(net, group) for group in batches(valid, 32, random.Random(0))]
        valid_loss = sum(float(loss) for loss, _ in parts) / sum(weight for _, weight in parts)
        log(f"  sequence epoch {epoch + 1}: validation loss {valid_loss:.4f} ({len(train)} pages in training, "
            f"{len(valid)} in validation; {time.perf_counter() - started:.1f} s)")
        if valid_loss < best - 1e-4:
            best, since = valid_loss, 0
            best_state = {k: v.detach().clone() for k, v in net.state_dict().items()}
        else:
            since += 1
            if since >= PATIENCE:
                break
    net.load_state_dict(best_state)
    stage = exported(net, mean, scale)
    check(net, stage, [x for _, (x, _, _) in raw[:20]], len(pages[0].rows[0]))
    return stage


def exported(net, mean, scale) -> dict:
    """The network's weights as plain lists (float64), in newsgraph.readers.text_lines.Sequence's names."""
    state = {k: v.detach().double().numpy() for k, v in net.state_dict().items()}
    names = {"w_ih": "gru.weight_ih_l0", "w_hh": "gru.weight_hh_l0", "b_ih": "gru.bias_ih_l0",
             "b_hh": "gru.bias_hh_l0", "w_ih_reverse": "gru.weight_ih_l0_reverse",
             "w_hh_reverse": "gru.weight_hh_l0_reverse", "b_ih_reverse": "gru.bias_ih_l0_reverse",
             "b_hh_reverse": "gru.bias_hh_l0_reverse", "head_w1": "hidden.weight", "head_b1": "hidden.bias",
             "head_w2": "out.weight", "head_b2": "out.bias"}
    return {"kind": "bigru", "mean": mean.tolist(), "scale": scale.tolist(),
            **{ours: state[theirs].tolist() for ours, theirs in names.items()}}


def check(net, stage: dict, pages: list, features: int) -> None:
    """numpy's forward pass (the run-time one) gives torch's probabilities to 1e-6 (torch in float64)."""
    import numpy as np
    import torch

    from newsgraph.readers.text_lines import Sequence

    ours = Sequence.from_json(stage)
    twin = net.double().eval()
    worst = 0.0
    for x in pages:
        z = torch.as_tensor(np.clip((x - ours.mean) / ours.scale, -CLIP, CLIP))[None]
        with torch.no_grad():
            theirs = torch.sigmoid(twin(z, torch.as_tensor([len(x)]))).numpy()[0]
        earlier = [(1.0 / (1.0 + np.exp(-x[:, k]))).tolist() for k in range(features, x.shape[1])]
        got = np.array(ours.probabilities(x[:, :features].tolist(), *earlier))
        worst = max(worst, float(np.max(np.abs(got - theirs))))
    net.float()
    assert worst < 1e-6, f"numpy's forward pass differs from torch's by {worst:.2e}"
