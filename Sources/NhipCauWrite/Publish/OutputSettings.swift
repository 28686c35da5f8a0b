/// What tests change: how long to wait for another build, whether to use the one-step exchange,
/// and a step at which to stop dead as if the process had been killed there.
struct OutputSettings: Sendable {
    var lockWait: Duration = .seconds(3)
    var exchange = true
    var crashAt: PublishStep?

    func reach(_ step: PublishStep) throws(OutputError) {
        if step == crashAt { throw OutputError("output.simulatedCrash", ["step": "\(step)"]) }
    }
}

enum PublishStep: Sendable, Equatable {
    case beforeSwap, oldSiteMovedAside, newSiteMovedIn
}
