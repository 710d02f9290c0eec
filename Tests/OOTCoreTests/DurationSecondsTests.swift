import OOTCore
import Testing

/// `Duration.inSeconds`: the one elapsed-seconds conversion.
@Suite struct DurationSecondsTests {
    @Test(arguments: [
        (Duration.zero, 0.0), (.seconds(3), 3.0), (.milliseconds(1500), 1.5), (.nanoseconds(1), 1e-9),
        (.seconds(86_400 * 30) + .nanoseconds(7), 2_592_000.000_000_007),
    ])
    func convertsToSeconds(duration: Duration, seconds: Double) {
        #expect(duration.inSeconds == seconds)
    }
}
