#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NhipCauCore

/// What the preview adds to the site while serving it; none of this is ever written to `site/`.
enum PreviewPages {
    static let prefix = "/__nhipcau/"
    static let scriptPath = "/__nhipcau/live.js"
    static let eventsPath = "/__nhipcau/events"
    static let errorsPath = "/__nhipcau/errors"

    static let scriptTag = "<script src=\"\(scriptPath)\"></script>"

    /// The page with the live-reload script added just before `</body>` (or at the end).
    static func injectingScript(into html: String) -> String {
        guard let end = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else { return html + scriptTag }
        return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: scriptTag + "\n")
    }

    /// Listens for events: `reload` reloads, `errors` shows the lines over the page (as text,
    /// never as HTML), a `hello` from a restarted server reloads.
    static func script(language: Language) -> String {
        let heading = ReloadEvent.jsonArray([errorHeading(language), errorNote(language)])
        return """
        (function () {
          "use strict";
          var words = \(heading);
          var served = null;
          var source = new EventSource("\(eventsPath)");
          source.addEventListener("hello", function (event) {
            if (served !== null && served !== event.data) { location.reload(); }
            served = event.data;
          });
          source.addEventListener("reload", function () { location.reload(); });
          source.addEventListener("errors", function (event) { show(JSON.parse(event.data)); });
          function show(lines) {
            var box = document.getElementById("nhipcau-errors") || document.createElement("div");
            box.id = "nhipcau-errors";
            box.setAttribute("role", "alert");
            box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:1.5rem;" +
              "background:rgba(25,25,25,.95);color:#fff;font:15px/1.5 system-ui,sans-serif";
            box.textContent = "";
            var title = document.createElement("h2");
            title.textContent = words[0];
            var note = document.createElement("p");
            note.textContent = words[1];
            var list = document.createElement("pre");
            list.style.cssText = "white-space:pre-wrap;font:14px/1.5 monospace;color:#ffd7d7";
            list.textContent = lines.join("\\n");
            box.append(title, note, list);
            document.body.appendChild(box);
          }
        })();

        """
    }

    static func errorHeading(_ language: Language) -> String {
        LocalizedText("serve.siteCouldNotRebuilt").text(in: language)
    }

    static func errorNote(_ language: Language) -> String {
        LocalizedText("serve.fixLinesBelowSave").text(in: language)
    }

    static func noErrorsHeading(_ language: Language) -> String {
        LocalizedText("serve.noErrors").text(in: language)
    }

    static func noErrorsNote(_ language: Language) -> String {
        LocalizedText("serve.latestBuildSucceededBeing").text(in: language)
    }

    /// A whole page listing the errors, escaped; shown at `/__nhipcau/errors`, and instead of the
    /// site while no build has ever succeeded.
    static func errorPage(lines: [String], language: Language) -> String {
        let heading = lines.isEmpty ? noErrorsHeading(language) : errorHeading(language)
        let note = lines.isEmpty ? noErrorsNote(language) : errorNote(language)
        let items = lines.isEmpty ? "" : "<pre>" + lines.map(escape).joined(separator: "\n") + "</pre>"
        return """
        <!doctype html>
        <html lang="\(language.rawValue)"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(heading))</title>
        <style>body{font:16px/1.5 system-ui,sans-serif;margin:1.5rem}pre{white-space:pre-wrap;background:#fff3f3;padding:1rem}</style>
        </head><body>
        <h1>\(escape(heading))</h1>
        <p>\(escape(note))</p>
        \(items)
        \(scriptTag)
        </body></html>

        """
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
