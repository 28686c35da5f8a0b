import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// The words and sentences charts show, in the page's language, with numbers written the
/// way readers of that language expect.
struct ChartWording {
    let language: Language
    var numbers: NumberFormat { NumberFormat(language: language) }

    func say(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    /// Under every chart, table and headline of a plan marked `"sample": true`.
    var sampleNote: String { say("Số liệu mẫu, không phải số liệu chính thức", "Sample figures, not official data") }

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
        return say("\(numbers.percent(ofMin)) mức tối thiểu, \(numbers.percent(ofMax)) mức tối đa",
                   "\(numbers.percent(ofMin)) of minimum, \(numbers.percent(ofMax)) of maximum")
    }

    func status(_ status: ProgressStatus) -> String { status.label.text(in: language) }

    /// "tăng 10–15% so với 40" / "10–15% growth over 40", when the target was written as growth.
    func growthNote(_ target: PlanTarget?) -> String? {
        guard let growth = target?.growth else { return nil }
        let rates = growth.minRate == growth.maxRate
            ? numbers.percent(growth.minRate)
            : "\(numbers.decimal(growth.minRate * 100))–\(numbers.percent(growth.maxRate))"
        return say("tăng \(rates) so với \(numbers.integer(growth.baseline))",
                   "\(rates) growth over \(numbers.integer(growth.baseline))")
    }

    /// "Huyện Ninh Sơn đã đưa 18/25 lao động đi làm việc ở nước ngoài (72%), đúng tiến độ." For a
    /// whole plan (`planTitle` given) the subject is the plan: "Kế hoạch “…”: đã đưa …".
    func sentence(_ figures: ProgressFigures, unit: String, planTitle: String? = nil) -> String {
        let heading = planTitle.map { say("Kế hoạch “\($0)”", "Plan “\($0)”") } ?? figures.name
        let subject = planTitle == nil ? heading : heading + ":"
        let sent = planTitle == nil ? say("đã đưa", "has sent") : say("đã đưa", "sent")
        let achieved = numbers.integer(figures.achieved)
        let workers = language == .vi ? unit : "workers"
        let status = self.status(figures.status).lowercased()
        let goal = target(figures.target)
        switch figures.status {
        case .notStarted:
            return say("\(heading): bắt đầu từ ngày \(figures.period.start.dayMonthYear), chỉ tiêu \(goal) \(workers).",
                       "\(heading): starts on \(figures.period.start.dayMonthYear), target \(goal) \(workers).")
        case .noData:
            return say("\(heading): chưa có số liệu; chỉ tiêu \(goal) \(workers).",
                       "\(heading): no data yet; target \(goal) \(workers).")
        case .noTarget:
            return say("\(subject) \(sent) \(achieved) \(workers) đi làm việc ở nước ngoài (không có chỉ tiêu riêng).",
                       "\(subject) \(sent) \(achieved) \(workers) to work abroad (no target of its own).")
        default:
            break
        }
        guard let target = figures.target, let ofMin = figures.percentOfMin else {
            return say("\(subject) \(sent) \(achieved) \(workers) đi làm việc ở nước ngoài, \(status).",
                       "\(subject) \(sent) \(achieved) \(workers) to work abroad, \(status).")
        }
        if target.isRange {
            return say("\(subject) \(sent) \(achieved) \(workers) đi làm việc ở nước ngoài, chỉ tiêu \(goal) (\(numbers.percent(ofMin)) mức tối thiểu), \(status).",
                       "\(subject) \(sent) \(achieved) \(workers) to work abroad against a target of \(goal) (\(numbers.percent(ofMin)) of the minimum), \(status).")
        }
        return say("\(subject) \(sent) \(achieved)/\(goal) \(workers) đi làm việc ở nước ngoài (\(numbers.percent(ofMin))), \(status).",
                   "\(subject) \(sent) \(achieved) of \(goal) \(workers) to work abroad (\(numbers.percent(ofMin))), \(status).")
    }
}
