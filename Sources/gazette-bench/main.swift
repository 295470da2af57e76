print("gazette-bench: not built yet")
