/// What tests change: how long to wait for another build, whether to use the one-step exchange,
/// and a step at which to stop dead as if the process had been killed there.
struct OutputSettings: Sendable {
    var lockWait: Duration = .seconds(3)
    var exchange = true
    var crashAt: PublishStep?
    /// How old a folder's last change must be for its status to vouch for it (`StagingRecord`).
    var settledSeconds = StagingRecord.settledSeconds

    func reach(_ step: PublishStep) throws(OutputError) {
        if step == crashAt { throw OutputError("output.simulatedCrash", ["step": "\(step)"]) }
    }
}

enum PublishStep: Sendable, Equatable {
    case beforeSwap, oldSiteMovedAside, newSiteMovedIn
}
