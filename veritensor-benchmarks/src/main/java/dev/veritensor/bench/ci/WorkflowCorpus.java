package dev.veritensor.bench.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates realistic GitHub Actions workflows of Python/ML projects: test matrices, training
 * jobs on GPU runners, release and publishing pipelines, issue and comment automation, Docker
 * builds; with pinned and unpinned actions, multi-line {@code run:} scripts (package installs,
 * downloads, tests), {@code env:} with secrets, expressions, containers and services. Seeded, so
 * every run measures the same corpus.
 */
public final class WorkflowCorpus {

    private static final String[] TRIGGERS = {
        "on:\n  push:\n    branches: [main]\n  pull_request:\n",
        "on:\n  release:\n    types: [published]\n",
        "on:\n  push:\n    tags: [\"v*\"]\n",
        "on:\n  issue_comment:\n    types: [created]\n",
        "on:\n  pull_request_target:\n    types: [opened, synchronize]\n",
        "on:\n  schedule:\n    - cron: \"0 3 * * *\"\n  workflow_dispatch:\n",
        "on: [push, pull_request]\n",
    };
    private static final String[] ACTIONS = {
        "actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4.1.1",
        "actions/checkout@v4",
        "actions/setup-python@0a5c61591373683505ea898e09a3ea4f39ef2b9c # v5.0.0",
        "actions/setup-python@v5",
        "actions/cache@v4",
        "astral-sh/setup-uv@v3",
        "docker/build-push-action@v5",
        "actions/upload-artifact@v4",
        "pypa/gh-action-pypi-publish@release/v1",
        "iterative/setup-dvc@v1",
    };
    private static final String[] RUNNERS = {"ubuntu-latest", "ubuntu-22.04", "[self-hosted, linux, gpu]",
        "${{ matrix.os }}", "windows-latest", "gpu-a100"};
    private static final String[] SCRIPT_LINES = {
        "python -m pip install --upgrade pip",
        "pip install -r requirements.txt",
        "pip install -e \".[dev,train]\" --extra-index-url https://download.pytorch.org/whl/cu121",
        "uv pip install --system torch==2.3.0 transformers accelerate",
        "pytest -n auto --cov=src tests/",
        "ruff check . && ruff format --check .",
        "python train.py --epochs ${EPOCHS:-3} --output out/",
        "huggingface-cli download org/base-model --local-dir models/base",
        "curl -fsSL -o data.tgz https://data.example.com/train/v2/data.tgz",
        "tar -xzf data.tgz -C data/",
        "wget -q https://cdn.example.com/weights/resnet50.onnx",
        "echo \"${{ github.event.issue.title }}\" > title.txt",
        "aws s3 sync s3://ml-artifacts/datasets/reviews ./data/reviews",
        "echo \"2a3e1c4d5b6a79808f1e2d3c4b5a69788f7e6d5c4b3a29180f1e2d3c4b5a6978  data.tgz\" | sha256sum -c -",
        "python -m build && twine check dist/*",
        "docker build -t ghcr.io/org/serve:${{ github.sha }} .",
        "curl -LsSf https://astral.sh/uv/install.sh | sh",
        "if [ \"${{ github.event_name }}\" = \"push\" ]; then echo deploy; fi",
    };

    private WorkflowCorpus() {
    }

    /** {@code count} workflows, generated from {@code seed}. */
    public static List<String> generate(int count, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(workflow(r, i));
        }
        return out;
    }

    private static String workflow(Random r, int n) {
        StringBuilder sb = new StringBuilder("# Generated workflow ").append(n).append(" of an ML project\n");
        sb.append("name: pipeline-").append(n).append('\n');
        sb.append(TRIGGERS[r.nextInt(TRIGGERS.length)]);
        if (r.nextBoolean()) {
            sb.append("\npermissions:\n  contents: read\n");
            if (r.nextInt(3) == 0) {
                sb.append("  id-token: write\n");
            }
        }
        sb.append("\nenv:\n  PYTHONUNBUFFERED: \"1\"\n");
        if (r.nextInt(3) == 0) {
            sb.append("  HF_TOKEN: ${{ secrets.HF_TOKEN }}\n");
        }
        sb.append("\njobs:\n");
        int jobs = 1 + r.nextInt(4);
        for (int j = 0; j < jobs; j++) {
            job(r, sb, j);
        }
        return sb.toString();
    }

    private static void job(Random r, StringBuilder sb, int j) {
        sb.append("  job-").append(j).append(":\n");
        String runner = RUNNERS[r.nextInt(RUNNERS.length)];
        sb.append("    runs-on: ").append(runner).append('\n');
        if (runner.contains("matrix")) {
            sb.append("    strategy:\n      fail-fast: false\n      matrix:\n        os: [ubuntu-latest, macos-14]\n")
                    .append("        python-version: [\"3.10\", \"3.11\", \"3.12\"]\n");
        }
        if (r.nextInt(4) == 0) {
            sb.append("    container:\n      image: pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime\n");
            sb.append("    services:\n      redis:\n        image: redis:7\n        ports: [\"6379:6379\"]\n");
        }
        if (r.nextBoolean()) {
            sb.append("    env:\n      WANDB_API_KEY: ${{ secrets.WANDB_API_KEY }}\n      EPOCHS: \"")
                    .append(1 + r.nextInt(9)).append("\"\n");
        }
        if (r.nextInt(3) == 0) {
            sb.append("    if: ${{ github.event_name == 'push' && !contains(github.event.head_commit.message, '[skip]') }}\n");
        }
        sb.append("    steps:\n");
        int steps = 3 + r.nextInt(10);
        for (int s = 0; s < steps; s++) {
            if (r.nextInt(5) < 2) {
                String action = ACTIONS[r.nextInt(ACTIONS.length)];
                sb.append("      - uses: ").append(action).append('\n');
                if (action.startsWith("actions/setup-python")) {
                    sb.append("        with:\n          python-version: ${{ matrix.python-version || '3.11' }}\n")
                            .append("          cache: pip\n");
                } else if (action.startsWith("actions/checkout") && r.nextBoolean()) {
                    sb.append("        with:\n          persist-credentials: false\n");
                }
            } else {
                sb.append("      - name: Step ").append(s).append('\n');
                int lines = 1 + r.nextInt(6);
                if (lines == 1) {
                    sb.append("        run: ").append(SCRIPT_LINES[r.nextInt(SCRIPT_LINES.length)].replace(": ", " - "))
                            .append('\n');
                } else {
                    sb.append("        run: |\n");
                    for (int l = 0; l < lines; l++) {
                        sb.append("          ").append(SCRIPT_LINES[r.nextInt(SCRIPT_LINES.length)]).append('\n');
                    }
                }
                if (r.nextInt(3) == 0) {
                    sb.append("        env:\n          GH_TOKEN: ${{ github.token }}\n");
                }
            }
        }
    }
}
