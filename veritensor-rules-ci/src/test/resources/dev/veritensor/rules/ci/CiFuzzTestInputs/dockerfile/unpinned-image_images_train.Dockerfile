ARG CUDA=12.4.1
# expect-next-line: ci/unpinned-image
FROM nvidia/cuda:${CUDA}-cudnn-runtime-ubuntu22.04 AS runtime
FROM ghcr.io/astral-sh/uv:0.4.18@sha256:5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3 AS uv
FROM runtime
COPY --from=uv /uv /usr/local/bin/uv
# expect-next-line: ci/unpinned-image
COPY --from=python:3.11 /usr/local/lib/python3.11 /usr/local/lib/python3.11
# expect-next-line: ci/unpinned-image
FROM ubuntu AS tools
FROM scratch
