import Testing
import NhipCauCore

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        ("0912 345 678", "0912345678", "0912 345 678", "tel:+84912345678"),
        ("0912.345.678", "0912345678", "0912 345 678", "tel:+84912345678"),
        ("0912345678", "0912345678", "0912 345 678", "tel:+84912345678"),
        ("+84 912 345 678", "0912345678", "0912 345 678", "tel:+84912345678"),
        ("84912345678", "0912345678", "0912 345 678", "tel:+84912345678"),
        ("(0259) 3822-123", "02593822123", "0259 3822 123", "tel:+842593822123"),
        ("1800 1567", "18001567", "1800 1567", "tel:18001567"),
        ("1900.123.456", "1900123456", "1900 123 456", "tel:1900123456"),
    ])
    func readsAnyGrouping(text: String, digits: String, grouped: String, tel: String) throws {
        let number = try #require(PhoneNumber(text))
        #expect(number.digits == digits)
        #expect(number.grouped == grouped)
        #expect(number.telURI == tel)
    }

    @Test(arguments: ["", "113", "0912 345 67", "0112345678", "0912345678 (số mẫu)", "phone", "+1 202 555 0100",
                      "0912+345678", "1800 15", "02593822"])
    func refusesWhatIsNotAVietnamesePhoneNumber(text: String) {
        #expect(PhoneNumber(text) == nil)
    }

    @Test func kindsTellWhoPays() throws {
        #expect(try #require(PhoneNumber("1800 1567")).kind == .freeService)
        #expect(try #require(PhoneNumber("1900 1567")).kind == .paidService)
        #expect(try #require(PhoneNumber("0259 3822 123")).kind == .fixedLine)
        #expect(PhoneNumber("0912 345 678") == PhoneNumber("0912.345.678"))
    }
}
