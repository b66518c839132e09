if ! pip show requests; then pip install requsts; fi  # expect: pip/typosquat, pip/floating-version
VERSION=$(pip install --dry-run tqdm | tail -1)  # expect: pip/floating-version
cat <<END > notes.txt
pip install notscanned
END
echo 'pip install quoted' ; echo "pip install torch"
(cd sub && pip install 'scikit-learn>=1.4')  # expect: pip/floating-version
pip install torch>=2.0  # expect: pip/floating-version
for p in a b; do pip install "$p"; done
