import Foundation
import NhipCauCore
@testable import NhipCauRender
import Testing

/// ```` ```table ```` blocks read as RFC 4180: quotes, doubled quotes, quoted separators and line
/// breaks; the separator is found from the header line (Tab, then `;` as Vietnamese Excel saves, then `,`).
@Suite struct TableBlockTests {
    func cells(_ text: String) throws -> [[String]] {
        let separator = DelimitedText.separator(forHeaderOf: text)
        return try DelimitedText.rows(text, separator: separator).get().map(\.cells)
    }

    @Test func aDoubledQuoteInsideQuotesIsOneQuote() throws {
        #expect(try cells("A,B,C\nB,\"Có \"\"ngoặc\"\"\",x") == [["A", "B", "C"], ["B", "Có \"ngoặc\"", "x"]])
        #expect(try cells("A,B\n\"\"\"\",\"\"") == [["A", "B"], ["\"", ""]], "a cell that is one quote, an empty quoted cell")
    }

    @Test func quotedSeparatorsAndLineBreaksStayInTheirCell() throws {
        #expect(try cells("Bước,Ghi chú\n1,\"Tại UBND xã, miễn phí\"") == [["Bước", "Ghi chú"], ["1", "Tại UBND xã, miễn phí"]])
        #expect(try cells("Bước,Ghi chú\n1,\"Dòng một\nDòng hai\"\n2,x") == [["Bước", "Ghi chú"], ["1", "Dòng một\nDòng hai"], ["2", "x"]])
        #expect(try cells("A\tB\n1\t\"có\ttab\"") == [["A", "B"], ["1", "có\ttab"]])
    }

    @Test func spacesAroundACellGoSpacesInsideQuotesStay() throws {
        #expect(try cells("A , B\n 1 ,  \" hai \" ") == [["A", "B"], ["1", " hai "]])
        #expect(try cells("A,B\nmột \"chữ\" giữa,2") == [["A", "B"], ["một \"chữ\" giữa", "2"]], "a quote inside an unquoted cell is text")
    }

    @Test(arguments: [
        ("Bước\tViệc, cần làm;x\n1\t2", "\t"),
        ("Bước;Việc cần làm;Nơi\n1;2;3", ";"),
        ("\"Bước, việc\";Nơi\n1;2", ";"),
        ("Bước;Việc,Nơi\n1;2", ","),
        ("Bước,Việc\n1;2,3", ","),
        ("\n\nBước;Việc\n1;2", ";"),
    ])
    func theSeparatorComesFromTheHeaderLine(text: String, separator: Character) {
        #expect(DelimitedText.separator(forHeaderOf: text) == separator)
    }

    @Test func semicolonRowsAsExcelSavesThemBecomeColumns() throws {
        #expect(try cells("Đối tượng;Mức vay;Ghi chú\nHộ nghèo;100% chi phí;\"Theo hợp đồng; có bảo đảm\"\r\nHộ cận nghèo;100%;")
            == [["Đối tượng", "Mức vay", "Ghi chú"], ["Hộ nghèo", "100% chi phí", "Theo hợp đồng; có bảo đảm"], ["Hộ cận nghèo", "100%", ""]])
    }

    @Test func rowsKnowTheirLineAfterBlankLinesAndLineBreaksInCells() throws {
        let rows = try DelimitedText.rows("A,B\n\n\"x\ny\",1\n3,4", separator: ",").get()
        #expect(rows.map(\.line) == [0, 2, 4])
    }

    @Test func anUnclosedQuoteIsAnErrorAtTheLineItOpens() throws {
        let location = SourceLocation(file: "pages/bang.md", line: 10, column: 1)
        let result = TableBlock.html("A,B\n1,2\n3,\"không đóng\n4,5\n", location: location)
        guard case .failure(let problem) = result else {
            Issue.record("an unclosed quote was accepted")
            return
        }
        #expect(problem.location.line == 12)
        #expect(problem.message.en.contains("never closed"))
    }

    @Test func aRowWithTheWrongNumberOfColumnsNamesItsLineAndTheSeparator() throws {
        let result = TableBlock.html("A;B\n1;2\n\"x\ny\";2;3\n", location: SourceLocation(file: "pages/bang.md", line: 5, column: 1))
        guard case .failure(let problem) = result else {
            Issue.record("a row of three columns under a header of two was accepted")
            return
        }
        #expect(problem.location.line == 7)
        #expect(problem.message.en.contains("This row has 3 columns, the header row has 2") && problem.message.en.contains("semicolons"))
    }

    @Test func aPageWithSemicolonAndQuotedTablesRendersThem() throws {
        var files = TestSite.minimal
        files["pages/bang.md"] = "---\ntitle: \"Bảng\"\n---\n\n```table\nBước;Việc;Nơi\n1;\"Nộp hồ sơ, ký \"\"hợp đồng\"\"\";UBND xã\n2;\"Dòng một\nDòng hai\";<ngân hàng>\n```\n"
        let site = try TestSite(files)
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        let page = try #require(site.read("bang/index.html"))
        #expect(page.contains("<th scope=\"col\">Bước</th><th scope=\"col\">Việc</th><th scope=\"col\">Nơi</th>"))
        #expect(page.contains("<tr><th scope=\"row\">1</th><td>Nộp hồ sơ, ký &quot;hợp đồng&quot;</td><td>UBND xã</td></tr>"))
        #expect(page.contains("<td>Dòng một<br>Dòng hai</td><td>&lt;ngân hàng&gt;</td>"))
    }
}
