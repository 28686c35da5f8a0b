import NhipCauCore
import NhipCauLoad

/// Where a plan, area or group stands on a given day. Always shown as text, never by colour alone.
public enum ProgressStatus: String, Sendable, Hashable, CaseIterable {
    /// The build date is before the period starts.
    case notStarted
    /// The period has started but nothing has been reported.
    case noData
    /// During the period, achieved ≥ the target (the minimum, for a range).
    case targetMet
    /// During the period, achieved ≥ 90% of what the elapsed share of the period calls for.
    case onTrack
    /// During the period, below that.
    case behind
    /// After the period, achieved ≥ the target (minimum).
    case met
    /// After the period, achieved < the target (minimum).
    case notMet
    /// The area has no target of its own, so no judgement is made.
    case noTarget

    /// The key of its label in the site's wording (`progress.onTrack`: "Đúng tiến độ").
    public var wordingKey: String { "progress.\(rawValue)" }

    /// The share of the on-track pace that still counts as on track.
    static let onTrackShare = (numerator: 9, denominator: 10)

    /// Decides the status.
    /// - Parameters:
    ///   - achieved: placements reported so far.
    ///   - hasEntries: whether anything was reported at all.
    ///   - target: the target, if any; a range is judged by its minimum.
    ///   - period: the plan's period, both ends included.
    ///   - today: the build date.
    public static func decide(achieved: Int, hasEntries: Bool, target: PlanTarget?, period: PlanPeriod, today: SimpleDate) -> ProgressStatus {
        if today < period.start { return .notStarted }
        if !hasEntries { return .noData }
        guard let target else { return .noTarget }
        if today > period.end { return achieved >= target.min ? .met : .notMet }
        if achieved >= target.min { return .targetMet }
        // achieved ≥ 0.9 × target × elapsed / total, compared in integers so that no rounding
        // decides a borderline case.
        let elapsedDays = today.dayNumber - period.start.dayNumber + 1
        let lhs = achieved.multipliedReportingOverflow(by: onTrackShare.denominator * period.dayCount)
        let rhs = target.min.multipliedReportingOverflow(by: onTrackShare.numerator * elapsedDays)
        guard !lhs.overflow, !rhs.overflow else {
            return Double(achieved) * Double(period.dayCount) >= 0.9 * Double(target.min) * Double(elapsedDays) ? .onTrack : .behind
        }
        return lhs.partialValue >= rhs.partialValue ? .onTrack : .behind
    }
}
