import Foundation
@testable import NhipCauRender
import Testing

/// The minifier the default search script ships through. The browser tests run the minified
/// script itself; these pin down each rule on small inputs.
@Suite struct ScriptMinifierTests {
    func minified(_ source: String) -> String? { ScriptMinifier.minify(source) }

    @Test func commentsAndSpacesGoStringsAndLiteralsStay() {
        #expect(minified("const a = 1 ; // note\n/* block\n comment */ let b = a + 2 ;\n") == "const a=1;let b=a+2;\n")
        #expect(minified(#"const s = "a // b /* c */", t = 'x  y';"#) == #"const s="a // b /* c */",t='x  y';"# + "\n")
        #expect(minified(#"x = "say \"hi\"  " + y;"#) == #"x="say \"hi\"  "+y;"# + "\n")
        #expect(minified("f(/[/*]+ x/g, \"\");") == "f(/[/*]+ x/g,\"\");\n", "a regex with / and * in a class, and a space")
        #expect(minified("if (a) return /x\\/ y/.test(b);") == "if(a)return/x\\/ y/.test(b);\n")
        #expect(minified("const t = `a  b`;") == "const t=`a  b`;\n")
    }

    @Test func divisionIsNotARegex() {
        #expect(minified("x = a / b / c;") == "x=a/b/c;\n")
        #expect(minified("y = (a) / 2 + f(b) / g;") == "y=(a)/2+f(b)/g;\n")
        #expect(minified("z = a / /re/.source.length;") == "z=a/ /re/.source.length;\n")
    }

    @Test func spacesStayWhereTokensWouldMerge() {
        #expect(minified("for (const key in list) return typeof x;") == "for(const a in list)return typeof x;\n")
        #expect(minified("a = b + +c - -d;") == "a=b+ +c- -d;\n")
        #expect(minified("r = /x/ instanceof RegExp;") == "r=/x/ instanceof RegExp;\n", "not flags")
    }

    @Test func lineBreaksStayWhereTheyMayEndAStatement() {
        #expect(minified("let a = 1\nlet b = 2\n") == "let a=1\nlet b=2\n")
        #expect(minified("return\nvalue") == "return\nvalue\n")
        #expect(minified("a\n++b") == "a\n++b\n")
        #expect(minified("i++\nj") == "i++\nj\n")
        #expect(minified("f(a,\n  b)\n  .then(c)\n") == "f(a,b).then(c)\n")
        #expect(minified("x = {\n  a: 1\n}\n") == "x={a:1}\n")
        #expect(minified("if (a)\n  b();\nelse\n  c();\n") == "if(a)\nb();else\nc();\n")
    }

    @Test func declaredNamesGetShortNamesPropertiesAndKeysKeepTheirs() {
        let source = "const value = { value: 1 }, other = value.value + value;\nfunction count(list) { return list.length + count; }\n"
        #expect(minified(source) == "const a={value:1},d=a.value+a;function b(c){return c.length+b;}\n")
        #expect(minified("const a = 1, value = a;") == "const a=1,b=a;\n", "a name the script uses is not given again")
        #expect(minified("const list = [];\nx = [...list];") == "const a=[];x=[...a];\n", "spread is not a property")
        #expect(minified("function fold() {}\nconst o = { fold };") == nil, "a shorthand property would change its key")
        #expect(minified("function fold() {}\nconst o = { fold: fold };") == "function a(){}\nconst o={fold:a};\n")
        #expect(minified("document.title = window.title;") == "document.title=window.title;\n", "globals keep their names")
    }

    @Test func declaredNamesAreFoundInEveryFormTheScriptUses() {
        let source = """
        const first = 1, second = f(a, b), [third, fourth] = pair, { key: fifth } = object
        notDeclared = 2, alsoNot = 3;
        let sixth;
        function seventh(eighth, [ninth], { key: tenth }, eleventh = fallback) {}
        const twelfth = thirteenth => thirteenth, fourteenth = (fifteenth, [sixteenth]) => 0;
        for (const seventeenth of list) run(seventeenth, later => later);
        try { go(); } catch (eighteenth) {}
        """
        let names = ScriptMinifier.declaredNames(source)
        #expect(names == ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                          "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                          "eighteenth", "later"], "\(names.map { $0.sorted() } ?? [])")
        #expect(ScriptMinifier.declaredNames("class A {}") == nil, "class members are not told apart from names")
    }

    @Test func whatItDoesNotFollowItLeavesAlone() {
        #expect(minified("const t = `a ${b} c`;") == nil)
        #expect(minified("const s = \"open") == nil)
        #expect(minified("/* never closed") == nil)
        #expect(minified("x = /open") == nil)
    }

    @Test func theShippedScriptIsMinifiedAndSmall() throws {
        let source = DefaultTheme.text("assets/search.js")
        let shipped = String(decoding: DefaultTheme.assets["assets/search.js"] ?? [], as: UTF8.self)
        #expect(ScriptMinifier.minify(source) == shipped, "the minifier follows the whole script")
        #expect(!shipped.contains("NhipCau site search") && !shipped.contains("// "), "no comments left")
        let bytes = shipped.utf8.count
        let gzipped = try gzippedSize(shipped)
        print("search.js: \(source.utf8.count) bytes readable, \(bytes) shipped, \(gzipped) gzipped")
        #expect(bytes <= 5 * 1024, "search.js is \(bytes) bytes")
        #expect(gzipped <= 3 * 1024, "gzipped \(gzipped) bytes")
    }

    func gzippedSize(_ text: String) throws -> Int {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nhipcau-js-\(UUID().uuidString).js")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try Spawned.run("/usr/bin/env", ["sh", "-c", "gzip -9 -c \"$0\" | wc -c", file.path], seconds: 30)
        guard let size = Int(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw Chromium.Failure(description: run.stderr) }
        return size
    }
}
