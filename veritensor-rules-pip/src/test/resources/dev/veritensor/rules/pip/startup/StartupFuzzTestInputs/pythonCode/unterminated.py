s = 'abc
t = """never closed
u = f'{x
