import Foundation
import NhipCauCore
import NhipCauLoad
import NhipCauSite
import Testing

/// `events/`: status on the build date in words, the lists at /su-kien/ and /su-kien/da-dien-ra/, the
/// home page's next three, schema.org data, and the iCalendar files read back by Python's `icalendar`.
@Suite struct EventTests {
    static let host = "xkld.example.gov.vn"

    static func site(baseURL: Bool = true) throws -> TestSite {
        var files = TestSite.minimal
        files["site.yml"] = "title: \"Cổng thử\"\n" + (baseURL ? "base_url: \"https://\(host)/xkld/\"\n" : "")
        files["events/hoi-nghi.md"] = """
            ---
            title: "Hội nghị tư vấn, giới thiệu việc làm; tại xã Quảng Sơn – huyện Ninh Sơn, tỉnh Ninh Thuận (thử gập dòng)"
            start: 2026-12-12 08:00
            end: 2026-12-12 11:30
            kind: tu-van
            place: "Hội trường xã; phòng 2, tầng 1"
            address: "Số 1, đường A\\\\B"
            organiser: "Trung tâm Dịch vụ việc làm"
            markets: [nhat-ban]
            register: "Báo cán bộ xã"
            cost: "Miễn phí"
            summary: "Tư vấn thị trường, chi phí, vay vốn."
            sample: true
            ---

            Chương trình.

            """
        files["events/lop-hoc.md"] = "---\ntitle: \"Lớp tiếng Nhật\"\nstart: 20/12/2026\nend: 2027-01-05\nkind: dao-tao\nplace: \"Trường nghề\"\ncost: \"Miễn học phí cho hộ nghèo\"\n---\n\nHọc buổi tối.\n"
        return try TestSite(files)
    }

    @Test func theSameEventIsUpcomingOngoingThenPast() throws {
        let site = try Self.site()
        let days: [(String, String, Bool)] = [("2026-12-11", "Sắp diễn ra", true), ("2026-12-12", "Đang diễn ra", true),
                                              ("2026-12-13", "Đã diễn ra", false)]
        for (day, status, current) in days {
            let outcome = site.build(date: SimpleDate(iso: day)!)
            try #require(outcome.succeeded, "\(day): \(outcome.listing)")
            let page = try #require(site.read("su-kien/hoi-nghi/index.html"))
            #expect(page.contains("<strong>Tình trạng:</strong> \(status)</p>"), "\(day)")
            let list = try #require(site.read("su-kien/index.html"))
            #expect(list.contains("href=\"../su-kien/hoi-nghi/\"") == current, "\(day): /su-kien/ lists coming and ongoing events")
            let past = site.read("su-kien/da-dien-ra/index.html")
            #expect((past?.contains("href=\"../../su-kien/hoi-nghi/\"") ?? false) == !current, "\(day): /su-kien/da-dien-ra/ lists it once over")
            #expect(try #require(site.read("index.html")).contains("href=\"su-kien/hoi-nghi/\"") == current, "\(day): home page")
            #expect(try #require(site.read("su-kien/lich.ics")).contains("UID:hoi-nghi@\(Self.host)") == current, "\(day): lich.ics")
            #expect(site.exists("su-kien/hoi-nghi/su-kien.ics"), "\(day): the event's own file stays")
        }
    }

    @Test func aDateOnlyEventIsOngoingOnEachOfItsDays() throws {
        let site = try Self.site()
        for (day, status) in [("2026-12-19", "Sắp diễn ra"), ("2026-12-20", "Đang diễn ra"), ("2027-01-05", "Đang diễn ra"), ("2027-01-06", "Đã diễn ra")] {
            try #require(site.build(date: SimpleDate(iso: day)!).succeeded)
            #expect(try #require(site.read("su-kien/lop-hoc/index.html")).contains("</strong> \(status)</p>"), "\(day)")
        }
        #expect(try #require(site.read("su-kien/lop-hoc/index.html")).contains("20/12/2026 – 05/01/2027"))
    }

    @Test func calendarFilesReadByARealParser() throws {
        let site = try Self.site()
        try #require(site.build(date: SimpleDate(iso: "2026-12-01")!).succeeded)
        let raw = try #require(site.read("su-kien/lich.ics"))
        try ICalendarShape.expectFoldedCRLF(raw)
        let calendar = try ICalendarReader.read(site.output.appendingPathComponent("su-kien/lich.ics"))
        #expect(calendar.method == "PUBLISH" && calendar.version == "2.0" && calendar.name == "Sự kiện – Cổng thử")
        #expect(calendar.zoneOffsets == ["+07:00"], "VTIMEZONE Asia/Ho_Chi_Minh: UTC+7 all year")
        #expect(calendar.events.map(\.uid) == ["hoi-nghi@\(Self.host)", "lop-hoc@\(Self.host)"])
        let meeting = try #require(calendar.events.first)
        #expect(meeting.startUTC == "2026-12-12T01:00:00+00:00" && meeting.endUTC == "2026-12-12T04:30:00+00:00", "08:00 and 11:30 in Vietnam")
        #expect(meeting.summary == "Hội nghị tư vấn, giới thiệu việc làm; tại xã Quảng Sơn – huyện Ninh Sơn, tỉnh Ninh Thuận (thử gập dòng)")
        #expect(meeting.location == "Hội trường xã; phòng 2, tầng 1, Số 1, đường A\\B", "commas, semicolons and a backslash survive")
        #expect(meeting.description.hasPrefix("Tư vấn thị trường, chi phí, vay vốn.\nLoại sự kiện: Hội nghị tư vấn\n"))
        #expect(meeting.url == "https://\(Self.host)/xkld/su-kien/hoi-nghi/")
        #expect(meeting.stamp == "2026-12-01T00:00:00+00:00", "DTSTAMP is the build date")
        let lesson = try #require(calendar.events.last)
        #expect(lesson.startDate == "2026-12-20" && lesson.endDate == "2027-01-06", "all day: DTEND is the day after the last day")
        #expect(lesson.startUTC == nil)

        let single = try ICalendarReader.read(site.output.appendingPathComponent("su-kien/lop-hoc/su-kien.ics"))
        #expect(single.events.map(\.uid) == ["lop-hoc@\(Self.host)"])
    }

    @Test func calendarsAreTheSameOnEveryBuildOfADayAndKeepTheirUID() throws {
        let site = try Self.site()
        try #require(site.build(date: SimpleDate(iso: "2026-12-01")!).succeeded)
        let first = try #require(site.read("su-kien/hoi-nghi/su-kien.ics"))
        try #require(site.build(date: SimpleDate(iso: "2026-12-01")!).succeeded)
        #expect(site.read("su-kien/hoi-nghi/su-kien.ics") == first)
        try #require(site.build(date: SimpleDate(iso: "2026-12-05")!).succeeded)
        let later = try #require(site.read("su-kien/hoi-nghi/su-kien.ics"))
        #expect(later != first && later.contains("UID:hoi-nghi@\(Self.host)\r\n") && later.contains("DTSTAMP:20261205T000000Z\r\n"))

        let plain = try Self.site(baseURL: false)
        try #require(plain.build(date: SimpleDate(iso: "2026-12-01")!).succeeded)
        let calendar = try ICalendarReader.read(plain.output.appendingPathComponent("su-kien/hoi-nghi/su-kien.ics"))
        #expect(calendar.events.map(\.uid) == ["hoi-nghi@nhipcau"])
        #expect(calendar.events.first?.url == nil, "no URL without base_url")
    }

    @Test func eventPagesCarrySchemaOrgEventData() throws {
        let site = try Self.site()
        try #require(site.build(date: SimpleDate(iso: "2026-12-01")!).succeeded)
        let meeting = try StructuredData.of(try #require(site.read("su-kien/hoi-nghi/index.html")))
        #expect(meeting["@type"] as? String == "Event")
        #expect(meeting["startDate"] as? String == "2026-12-12T08:00:00+07:00")
        #expect(meeting["endDate"] as? String == "2026-12-12T11:30:00+07:00")
        #expect(meeting["eventAttendanceMode"] as? String == "https://schema.org/OfflineEventAttendanceMode")
        #expect(meeting["isAccessibleForFree"] as? Bool == true, "cost: Miễn phí")
        let location = try #require(meeting["location"] as? [String: Any])
        #expect(location["name"] as? String == "Hội trường xã; phòng 2, tầng 1")
        #expect((meeting["organizer"] as? [String: Any])?["name"] as? String == "Trung tâm Dịch vụ việc làm")
        let lesson = try StructuredData.of(try #require(site.read("su-kien/lop-hoc/index.html")))
        #expect(lesson["startDate"] as? String == "2026-12-20")
        #expect(lesson["isAccessibleForFree"] == nil, "free only for some: not claimed")
    }

    @Test func anEventLinksItsEnterpriseInTheRegister() throws {
        let site = try Self.site()
        try site.write("enterprises/cong-ty-mau.md", "---\nname: Công ty TNHH Mẫu\nshort_name: Lao động Mẫu\nlicence: 101/LĐTBXH-GP\nlicence_issued: 2020-03-02\nmarkets: [nhat-ban]\n---\n\nMẫu.\n")
        try site.write("events/tuyen-chon.md", "---\ntitle: \"Tuyển chọn\"\nstart: 2026-12-12\nplace: \"Xã\"\nenterprise: cong-ty-mau\n---\n\nTuyển.\n")
        let outcome = site.build(date: SimpleDate(iso: "2026-12-01")!)
        try #require(outcome.succeeded, "\(outcome.listing)")
        #expect(try #require(site.read("su-kien/tuyen-chon/index.html")).contains("<a href=\"../../doanh-nghiep/cong-ty-mau/\">Lao động Mẫu</a>"))
    }

    @Test func pastEventsArePaginatedNewestFirst() throws {
        let site = try Self.site()
        for number in 1...12 {
            let day = number < 10 ? "0\(number)" : "\(number)"
            try site.write("events/cu-\(day).md", "---\ntitle: \"Buổi cũ \(day)\"\nstart: 2026-01-\(day)\nplace: \"Xã\"\n---\n\nĐã xong.\n")
        }
        try #require(site.build(date: SimpleDate(iso: "2026-12-01")!).succeeded)
        let first = try #require(site.read("su-kien/da-dien-ra/index.html"))
        let second = try #require(site.read("su-kien/da-dien-ra/trang/2/index.html"))
        #expect(first.contains("Buổi cũ 12") && !first.contains("Buổi cũ 02") && second.contains("Buổi cũ 01"))
        #expect(first.contains("href=\"../../su-kien/da-dien-ra/trang/2/\""))
    }

    @Test(arguments: [("2026-12-20", "2026-12-20", nil), ("2026-12-20 08:00", "2026-12-20", 480), ("20/12/2026 8h30", "2026-12-20", 510),
                      ("2026-12-20T17:05", "2026-12-20", 1025), ("5/1/2027", "2027-01-05", nil)] as [(String, String, Int?)])
    func startAndEndForms(text: String, day: String, minutes: Int?) throws {
        let time = try #require(EventTime(parsing: text))
        #expect(time.day.iso == day && time.minutes == minutes)
    }

    @Test(arguments: ["2026-02-30", "2026-12-20 24:00", "2026-12-20 8", "12/20/2026", "20-12-2026", "2026-12-20 08:00 sáng", "ngày mai"])
    func unreadableTimes(text: String) {
        #expect(EventTime(parsing: text) == nil)
    }
}

/// RFC 5545 3.1, checked on the bytes: CRLF only, no line over 75 octets, each line whole UTF-8.
enum ICalendarShape {
    static func expectFoldedCRLF(_ text: String) throws {
        let bytes = Array(text.utf8)
        var lines: [[UInt8]] = [[]]
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                lines.append([])
                index += 2
                continue
            }
            #expect(bytes[index] != 0x0A && bytes[index] != 0x0D, "a bare CR or LF at byte \(index)")
            lines[lines.count - 1].append(bytes[index])
            index += 1
        }
        #expect(lines.last == [], "the file ends with CRLF")
        #expect(lines.contains { $0.first == 0x20 }, "some long line was folded")
        for line in lines {
            #expect(line.count <= 75, "\(String(decoding: line, as: UTF8.self)): \(line.count) octets")
            #expect(String(validatingUTF8: line.map { CChar(bitPattern: $0) } + [0]) != nil, "a fold cut a UTF-8 character")
        }
    }
}

/// A calendar file as Python's `icalendar` (Debian's python3-icalendar, installed by `make test-deps`) reads it.
struct ICalendarReader: Decodable {
    struct Event: Decodable {
        let uid: String
        let summary: String
        let location: String
        let description: String
        let url: String?
        let stamp: String
        let startUTC: String?
        let endUTC: String?
        let startDate: String?
        let endDate: String?
    }

    let version: String
    let method: String
    let name: String
    let zoneOffsets: [String]
    let events: [Event]

    static let script = #"""
import datetime, json, sys
try:
    import icalendar
except ImportError:
    sys.exit("Python's icalendar is missing: make test-deps installs it (apt-get install python3-icalendar)")
calendar = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
def moment(component, key):
    if key not in component:
        return None, None
    value = component.decoded(key)
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            sys.exit(key + " has no time zone")
        return value.astimezone(datetime.timezone.utc).isoformat(), None
    return None, value.isoformat()
events = []
for event in calendar.walk("VEVENT"):
    start_utc, start_date = moment(event, "DTSTART")
    end_utc, end_date = moment(event, "DTEND")
    events.append({"uid": str(event["UID"]), "summary": str(event["SUMMARY"]), "location": str(event["LOCATION"]),
                   "description": str(event.get("DESCRIPTION", "")), "url": str(event["URL"]) if "URL" in event else None,
                   "stamp": moment(event, "DTSTAMP")[0], "startUTC": start_utc, "endUTC": end_utc,
                   "startDate": start_date, "endDate": end_date})
offsets = sorted({str(part.decoded(key)) for zone in calendar.walk("VTIMEZONE") for part in zone.subcomponents
                  for key in ("TZOFFSETFROM", "TZOFFSETTO")})
json.dump({"version": str(calendar["VERSION"]), "method": str(calendar["METHOD"]), "name": str(calendar["X-WR-CALNAME"]),
           "zoneOffsets": ["+07:00" if offset == "7:00:00" else offset for offset in offsets], "events": events}, sys.stdout)
"""#

    /// Debian's own Python, where python3-icalendar installs (a `python3` earlier on the PATH may be another one).
    static var python: (URL, [String]) {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
            ? (URL(fileURLWithPath: "/usr/bin/python3"), []) : (URL(fileURLWithPath: "/usr/bin/env"), ["python3"])
    }

    static func read(_ file: URL) throws -> ICalendarReader {
        let (program, prefix) = python
        let run = try Spawned.run(program.path, prefix + ["-c", script, file.path], seconds: 60)
        try #require(run.status == 0, "icalendar could not read \(file.lastPathComponent): \(run.stderr)")
        return try JSONDecoder().decode(ICalendarReader.self, from: Data(run.stdout.utf8))
    }
}

/// The JSON-LD block of a page, read with a JSON parser.
enum StructuredData {
    static func of(_ html: String) throws -> [String: Any] {
        let open = try #require(html.range(of: "<script type=\"application/ld+json\">"))
        let close = try #require(html.range(of: "</script>", range: open.upperBound..<html.endIndex))
        let json = String(html[open.upperBound..<close.lowerBound])
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }
}
