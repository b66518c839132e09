b'\x00\xff' u'\N{BULLET}' '\N{no such}' '\777' r'\'' '''a\
'''
