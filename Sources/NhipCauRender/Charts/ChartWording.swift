import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// The words and sentences charts show, in the page's language, with numbers written the
/// way readers of that language expect.
struct ChartWording {
    let wording: Wording
    var numbers: NumberFormat { wording.numbers }

    /// The sentence `key` of the site's wording, its `{name}` placeholders filled.
    func say(_ key: String, _ arguments: [String: String] = [:]) -> String { wording.text(key, arguments) }

    /// Under every chart, table and headline of a plan marked `"sample": true`.
    var sampleNote: String { say("chart.sampleFiguresNotOfficial") }

    /// `25` or `500–700`.
    func target(_ target: PlanTarget?) -> String {
        guard let target else { return "—" }
        return target.isRange ? "\(numbers.integer(target.min))–\(numbers.integer(target.max))" : numbers.integer(target.min)
    }

    /// `18/25` or `600/500–700`; just `18` without a target.
    func achievedOfTarget(_ achieved: Int, _ target: PlanTarget?) -> String {
        guard target != nil else { return numbers.integer(achieved) }
        return "\(numbers.integer(achieved))/\(self.target(target))"
    }

    /// `72%`; for a range `120% mức tối thiểu, 85,7% mức tối đa`; `—` without a target.
    func percent(ofMin: Double?, ofMax: Double?) -> String {
        guard let ofMin else { return "—" }
        guard let ofMax, ofMax != ofMin else { return numbers.percent(ofMin) }
        return say("chart.minimumMaximum", ["percent": "\(numbers.percent(ofMin))", "percent2": "\(numbers.percent(ofMax))"])
    }

    func status(_ status: ProgressStatus) -> String { wording.text(status.wordingKey) }

    /// "tăng 10–15% so với 40" / "10–15% growth over 40", when the target was written as growth.
    func growthNote(_ target: PlanTarget?) -> String? {
        guard let growth = target?.growth else { return nil }
        let rates = growth.minRate == growth.maxRate
            ? numbers.percent(growth.minRate)
            : "\(numbers.decimal(growth.minRate * 100))–\(numbers.percent(growth.maxRate))"
        return say("chart.growthOver", ["rates": "\(rates)", "baseline": "\(numbers.integer(growth.baseline))"])
    }

    /// "Huyện Ninh Sơn đã đưa 18/25 lao động đi làm việc ở nước ngoài (72%), đúng tiến độ." For a
    /// whole plan (`planTitle` given) the subject is the plan: "Kế hoạch “…”: đã đưa …".
    func sentence(_ figures: ProgressFigures, unit: String, planTitle: String? = nil) -> String {
        let heading = planTitle.map { say("chart.plan", ["value": "\($0)"]) } ?? figures.name
        let subject = planTitle == nil ? heading : heading + ":"
        let sent = planTitle == nil ? say("chart.sent") : say("chart.sent2")
        let achieved = numbers.integer(figures.achieved)
        let workers = unit
        let status = self.status(figures.status).lowercased()
        let goal = target(figures.target)
        switch figures.status {
        case .notStarted:
            return say("chart.startsTarget", ["heading": "\(heading)", "start": "\(figures.period.start.dayMonthYear)", "goal": "\(goal)", "workers": "\(workers)"])
        case .noData:
            return say("chart.noDataYetTarget", ["heading": "\(heading)", "goal": "\(goal)", "workers": "\(workers)"])
        case .noTarget:
            return say("chart.workAbroadNoTarget", ["subject": "\(subject)", "sent": "\(sent)", "achieved": "\(achieved)", "workers": "\(workers)"])
        default:
            break
        }
        guard let target = figures.target, let ofMin = figures.percentOfMin else {
            return say("chart.workAbroad", ["subject": "\(subject)", "sent": "\(sent)", "achieved": "\(achieved)", "workers": "\(workers)", "status": "\(status)"])
        }
        if target.isRange {
            return say("chart.workAbroadAgainstTarget", ["subject": "\(subject)", "sent": "\(sent)", "achieved": "\(achieved)", "workers": "\(workers)", "goal": "\(goal)", "percent": "\(numbers.percent(ofMin))", "status": "\(status)"])
        }
        return say("chart.workAbroad2", ["subject": "\(subject)", "sent": "\(sent)", "achieved": "\(achieved)", "goal": "\(goal)", "workers": "\(workers)", "percent": "\(numbers.percent(ofMin))", "status": "\(status)"])
    }
}
