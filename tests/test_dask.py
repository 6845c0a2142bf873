"""A Dask cluster on loopback gives the same records as a local run."""

from __future__ import annotations

import json

import pytest
from helpers import CORPUS

from policytext.batch import Options, run
from policytext.cli import main

distributed = pytest.importorskip("distributed")

PATHS = sorted(str(p) for p in CORPUS.glob("*.txt"))[:6]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as local:
        yield local.scheduler_address


def test_cluster_records_equal_local_records(cluster, tmp_path):
    inputs = [*PATHS[:3], str(tmp_path / "missing.txt"), *PATHS[3:]]
    local = list(run(inputs, Options("segment"), workers=1))
    remote = list(run(inputs, Options("segment"), cluster=cluster))
    assert remote == local
    assert remote[3] == {"path": str(tmp_path / "missing.txt"), "error": "no such file"}
    assert "5.5%" in [t["token"] for t in remote[0]["tokens"]]


def test_cluster_cli_output_equals_local_output(cluster, capsys):
    assert main(["keywords", *PATHS, "-n", "8", "--cluster", cluster]) == 0
    remote = capsys.readouterr().out
    assert main(["keywords", *PATHS, "-n", "8", "-j", "1"]) == 0
    assert remote == capsys.readouterr().out
    assert [json.loads(line)["path"] for line in remote.splitlines()] == PATHS


def test_unreachable_cluster_is_a_one_line_error(capsys):
    assert main(["clean", PATHS[0], "--cluster", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("policytext: error: cannot connect to Dask cluster at tcp://127.0.0.1:9")
    assert err.count("\n") == 1
