ｅｘｅｃ('import os')
π = 'κ'
😀 = 1
