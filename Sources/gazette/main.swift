print("gazette: not built yet")
