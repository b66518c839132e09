# A Dockerfile RUN: Docker drops comment lines inside the continuation.
##origin RUN
pip install --no-cache-dir \
    # the model server
    torch==2.3.0 \
## expect-next-line: pip/floating-version
    fastapi \
    uvicorn==0.30.1
