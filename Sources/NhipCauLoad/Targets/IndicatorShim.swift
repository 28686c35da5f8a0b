// TEMPORARY until branch `plans` is merged: the indicator API it adds, over today's one-indicator plan.
public struct PlanIndicator: Sendable, Hashable {
    public static let implicitID = "chi-tieu"
    public let id: String
    public let name: String?
    public let unit: String
    public let target: PlanTarget
    public let groups: [PlanGroup]
    public let areas: [PlanArea]
    public let progress: [ProgressEntry]
    public let about: IndicatorAbout?
    public var allAreas: [PlanArea] { areas.flatMap { [$0] + $0.allSubAreas } }
}

public struct IndicatorAbout: Sendable, Hashable {
    public let source: String?
    public let responsible: String?
    public let updated: SimpleDate?
    public let method: String?
    public let frequency: String?
    public let contact: String?
}

import NhipCauCore

extension TargetPlan {
    public var indicators: [PlanIndicator] {
        [PlanIndicator(id: PlanIndicator.implicitID, name: nil, unit: unit, target: target, groups: groups, areas: areas, progress: progress, about: nil)]
    }

    public func narrowed(to indicator: PlanIndicator) -> TargetPlan { self }
}
