# A folded value: only the line of each script line is known.
##folded
pip install torch transfomers --extra-index-url https://x.example/simple  # expect: pip/floating-version, pip/floating-version, pip/typosquat, pip/extra-index-url
