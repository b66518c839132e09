# -*- coding: latin-1 -*-
# café
import os
os.system('curl https://x.example')
