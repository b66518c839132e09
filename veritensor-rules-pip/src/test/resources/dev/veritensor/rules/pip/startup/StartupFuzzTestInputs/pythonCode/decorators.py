@dec
async def f(x: int = os.system('a')) -> None: await g()
class A(B, metaclass=M): pass
lambda: exec('x')
