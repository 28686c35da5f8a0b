import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// iCalendar files (RFC 5545) of events: `/su-kien/<slug>/su-kien.ics` for one event and
/// `/su-kien/lich.ics` with every event coming up or under way on the build date, which a phone's
/// calendar can subscribe to.
///
/// - Times are written as the officer wrote them, in Vietnam time, with `TZID=Asia/Ho_Chi_Minh`
///   and that zone's `VTIMEZONE` (UTC+7 all year since 1975), so every calendar places them right.
///   An event with no time is an all-day event: `VALUE=DATE`, its `DTEND` the day after its last day.
///   If only one end has a time, the other is taken at midnight (the start of the first day, the
///   end of the last).
/// - `UID` is `<slug>@<host of base_url>` (`<slug>@nhipcau` without one): the same event keeps its
///   identity from build to build, so a subscribed calendar updates it rather than adding a copy.
/// - `DTSTAMP` is the build date at midnight UTC, so two builds on one date are byte for byte the same.
/// - Lines end in CRLF and are folded at 75 octets, never inside a UTF-8 character.
public enum EventCalendar {
    public static let timeZone = "Asia/Ho_Chi_Minh"

    /// One event's file.
    public static func file(for event: Event, in site: Site, words: [String: String]) -> String {
        calendar(name: "\(event.title) – \(site.config.title)", events: [event], site: site, words: words)
    }

    /// Every event coming up or under way on the build date.
    public static func subscription(for site: Site, words: [String: String]) -> String {
        calendar(name: "\(words["events"] ?? "events") – \(site.config.title)", events: site.currentEvents, site: site, words: words)
    }

    static func calendar(name: String, events: [Event], site: Site, words: [String: String]) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//NhipCau//NhipCau//\(site.config.language.rawValue.uppercased())",
            "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + text(name), "X-WR-TIMEZONE:\(timeZone)",
        ]
        lines += vtimezone
        for event in events { lines += vevent(event, site: site, words: words) }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Vietnam has kept UTC+7 without daylight saving since 13 June 1975.
    static let vtimezone = [
        "BEGIN:VTIMEZONE", "TZID:\(timeZone)", "BEGIN:STANDARD", "DTSTART:19750613T000000",
        "TZOFFSETFROM:+0700", "TZOFFSETTO:+0700", "TZNAME:+07", "END:STANDARD", "END:VTIMEZONE",
    ]

    static func vevent(_ event: Event, site: Site, words: [String: String]) -> [String] {
        let slug = event.document.slug
        var lines = ["BEGIN:VEVENT", "UID:\(slug)@\(host(of: site.config.baseURL))", "DTSTAMP:\(compact(site.today))T000000Z"]
        lines += times(event)
        lines.append("SUMMARY:" + text(event.title))
        lines.append("LOCATION:" + text([event.place, event.address].compactMap { $0 }.joined(separator: ", ")))
        let description = description(event, words: words)
        if !description.isEmpty { lines.append("DESCRIPTION:" + text(description)) }
        if let base = site.config.baseURL { lines.append("URL:" + base + Route.percentEncode(Routes.event(slug).path)) }
        lines.append("END:VEVENT")
        return lines
    }

    static func times(_ event: Event) -> [String] {
        let end = event.end ?? event.start
        guard event.start.minutes != nil || end.minutes != nil else {
            return ["DTSTART;VALUE=DATE:\(compact(event.start.day))", "DTEND;VALUE=DATE:\(compact(event.lastDay.adding(days: 1)))"]
        }
        let startLine = "DTSTART;TZID=\(timeZone):" + local(event.start, asEnd: false)
        // A timed start with no end: an hour is no better a guess than none, so DTEND is left out (RFC 5545 3.6.1).
        guard event.end != nil else { return [startLine] }
        return [startLine, "DTEND;TZID=\(timeZone):" + local(end, asEnd: true)]
    }

    /// `20261220T080000`; a whole day starts at its midnight and ends at the next.
    static func local(_ time: EventTime, asEnd: Bool) -> String {
        guard let minutes = time.minutes else {
            return compact(asEnd ? time.day.adding(days: 1) : time.day) + "T000000"
        }
        return compact(time.day) + "T" + pad(minutes / 60) + pad(minutes % 60) + "00"
    }

    static func description(_ event: Event, words: [String: String]) -> String {
        var parts: [String] = []
        if let summary = event.summary { parts.append(summary) }
        if let kind = event.kind { parts.append("\(words["eventKindLabel"] ?? "kind"): \(words[kind.wordingKey] ?? kind.rawValue)") }
        if let organiser = event.organiser { parts.append("\(words["eventOrganiser"] ?? "organiser"): \(organiser)") }
        if let register = event.register { parts.append("\(words["eventRegister"] ?? "register"): \(register)") }
        if let cost = event.cost { parts.append("\(words["eventCost"] ?? "cost"): \(cost)") }
        return parts.joined(separator: "\n")
    }

    /// The host of `base_url`, or `nhipcau` without one.
    static func host(of baseURL: String?) -> String {
        guard let base = baseURL, let scheme = base.range(of: "://") else { return "nhipcau" }
        let rest = base[scheme.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != ":" }
        return host.isEmpty ? "nhipcau" : host.lowercased()
    }

    /// TEXT as RFC 5545 3.3.11 escapes it: `\\`, `\;`, `\,` and `\n` for a line break.
    static func text(_ value: String) -> String {
        var escaped = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\r": continue
            case "\n": escaped += "\\n"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: escaped += " "
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Lines longer than 75 octets are split, each continuation starting with a space (RFC 5545 3.1),
    /// between Unicode scalars so no UTF-8 sequence is cut.
    static func fold(_ line: String) -> String {
        var folded = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > 75 {
                folded += "\r\n "
                octets = 1
            }
            folded.unicodeScalars.append(scalar)
            octets += size
        }
        return folded
    }

    static func compact(_ day: SimpleDate) -> String { day.iso.filter { $0 != "-" } }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
