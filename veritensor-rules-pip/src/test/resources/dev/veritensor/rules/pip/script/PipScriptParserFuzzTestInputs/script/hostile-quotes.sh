pip install 'a" "b' $'c\'d' "e
f" g\
\
h -ix --extra-index-url= -- -e
##folded
PIP_INDEX_URL="u v" pip3 install -Ur
