extension Duration {
    /// The duration in seconds, fraction included, as a `Double`.
    ///
    /// The one conversion the pipeline uses for elapsed time: measure with `ContinuousClock`, then
    /// `(ContinuousClock.now - start).inSeconds`. Exact to the nanosecond for anything shorter than
    /// about 100 days (a `Double` holds 53 bits); attoseconds below that are rounded away.
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
