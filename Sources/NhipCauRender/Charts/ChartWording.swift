import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// The words and sentences charts show, in the page's language, with numbers written the
/// way readers of that language expect.
struct ChartWording {
    let language: Language
    var numbers: NumberFormat { NumberFormat(language: language) }

    func say(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

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

    /// `72%`; for a range `120% – 85,7%` (of minimum – of maximum); `—` without a target.
    func percent(ofMin: Double?, ofMax: Double?) -> String {
        guard let ofMin else { return "—" }
        guard let ofMax, ofMax != ofMin else { return numbers.percent(ofMin) }
        return "\(numbers.percent(ofMin)) – \(numbers.percent(ofMax))"
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

    /// "Huyện Ninh Sơn đã đưa 18/25 lao động đi làm việc ở nước ngoài (72%), đúng tiến độ."
    func sentence(_ figures: ProgressFigures, unit: String) -> String {
        let name = figures.name
        let achieved = numbers.integer(figures.achieved)
        let workers = language == .vi ? unit : "workers"
        let status = self.status(figures.status).lowercased()
        switch figures.status {
        case .notStarted:
            return say("\(name): kế hoạch bắt đầu từ ngày \(figures.period.start.dayMonthYear), chỉ tiêu \(target(figures.target)) \(workers).",
                       "\(name): the plan starts on \(figures.period.start.dayMonthYear), target \(target(figures.target)) \(workers).")
        case .noData:
            return say("\(name): chưa có số liệu; chỉ tiêu \(target(figures.target)) \(workers).",
                       "\(name): no data yet; target \(target(figures.target)) \(workers).")
        case .noTarget:
            return say("\(name) đã đưa \(achieved) \(workers) đi làm việc ở nước ngoài (không có chỉ tiêu riêng).",
                       "\(name) has sent \(achieved) \(workers) to work abroad (no target of its own).")
        default:
            break
        }
        guard let target = figures.target, let ofMin = figures.percentOfMin else {
            return say("\(name) đã đưa \(achieved) \(workers) đi làm việc ở nước ngoài, \(status).",
                       "\(name) has sent \(achieved) \(workers) to work abroad, \(status).")
        }
        if target.isRange {
            return say("\(name) đã đưa \(achieved) \(workers) đi làm việc ở nước ngoài, chỉ tiêu \(self.target(target)) (\(numbers.percent(ofMin)) mức tối thiểu), \(status).",
                       "\(name) has sent \(achieved) \(workers) to work abroad against a target of \(self.target(target)) (\(numbers.percent(ofMin)) of the minimum), \(status).")
        }
        return say("\(name) đã đưa \(achieved)/\(self.target(target)) \(workers) đi làm việc ở nước ngoài (\(numbers.percent(ofMin))), \(status).",
                   "\(name) has sent \(achieved) of \(self.target(target)) \(workers) to work abroad (\(numbers.percent(ofMin))), \(status).")
    }
}
