x = 1 + \
    2
setup(name='x', \
 cmdclass={'install':
   Foo})
\