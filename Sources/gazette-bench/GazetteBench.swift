import ArgumentParser

@main
struct GazetteBench: ParsableCommand {}
