pip install "torch["  # expect-diagnostic: invalid-requirement
pip install $PKGS "${EXTRA}"
pip install torch==${{ matrix.torch }}
