/// The default theme's only script, `assets/search.js`, loaded by the search page alone.
/// Replace it with `content/theme/assets/search.js`. The index format it reads is written by
/// `SearchIndex` (Sources/NhipCauWrite/Search/); `fold` and `tone` must stay equal to
/// `VietnameseText.fold` and `VietnameseText.toneCanonical`, which the browser tests check.
enum DefaultScripts {
    static let search = #"""
    /* NhipCau site search. Folds Vietnamese as the build does, fetches only the index shards of the
       words typed and the result chunks it shows. Index format: Sources/NhipCauWrite/Search/. */
    (() => {
      "use strict";
      const TONE = /[\u0300\u0301\u0303\u0309\u0323]/, LETTER = /[\p{Alphabetic}\p{Mn}]/u,
        SPLIT = /[^\p{Alphabetic}\p{Mn}\p{Nd}]+/u, PAGE = 10, MAX_SHARDS = 3,
        DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

      // Lower case one code point at a time, as Swift's lowercased() does (no final-sigma rule).
      const lower = text => Array.from(text, c => c.toLowerCase()).join("");
      // VietnameseText.fold: "Đường" and "dương" → "duong".
      const fold = text => lower(text.normalize("NFD")).replace(/\p{Mn}/gu, "").replace(/đ/g, "d");
      // VietnameseText.toneCanonical: marks kept, each word's tone moved to its end ("hoà" = "hòa").
      function tone(text) {
        let out = "", word = "", mark = "";
        for (const c of lower(text.normalize("NFD"))) {
          if (TONE.test(c)) mark = c;
          else if (LETTER.test(c)) word += c;
          else { out += word + mark + c; word = mark = ""; }
        }
        return (out + word + mark).normalize("NFC");
      }
      // The query's words as [folded key, tone-canonical form], at most 8, each key once.
      function terms(text) {
        const found = [];
        for (const word of text.split(SPLIT)) {
          const key = fold(word);
          if (key && found.length < 8 && !found.some(term => term[0] == key)) found.push([key, tone(word)]);
        }
        return found;
      }
      window.NhipCauSearch = { fold, tone, terms };

      const form = document.getElementById("search-form");
      if (!form || !window.fetch) return;
      const data = form.dataset, input = form.elements.q, status = document.getElementById("search-status"),
        list = document.getElementById("search-results"), more = document.createElement("button"), cache = {};
      let index, latest = 0, timer;
      more.type = "button";
      more.hidden = true;
      more.textContent = data.more;
      list.after(more);

      const json = (url, options) => fetch(url, options).then(response => {
        if (!response.ok) throw Error(url);
        return response.json();
      });
      // A shard or chunk, fetched once; `?v=` keeps a browser from mixing files of two builds.
      const part = path => cache[path] || (cache[path] = json(data.index + path + "?v=" + index.v)
        .catch(error => { delete cache[path]; throw error; }));
      const ready = json(data.index + "manifest.json", { cache: "no-cache" }).then(manifest => {
        index = manifest;
        const note = document.getElementById("search-no-script");
        if (note) note.hidden = true;
      });

      // Shards hold sorted keys; `t` lists each shard's first key. A prefix may run on into the next shards.
      function shardsOf(key, prefix) {
        const first = index.t, found = [];
        let number = 0;
        while (number + 1 < first.length && first[number + 1] <= key) number++;
        do found.push(number++);
        while (prefix && found.length < MAX_SHARDS && number < first.length && first[number].startsWith(key));
        return found;
      }
      // A posting list: "*" start, then 3 documents per digit, 2 bits each (their field); or else
      // one varint per document: (gap − 1) × 3 + field − 1, 5 bits a digit, 6th bit "more".
      function postings(list, visit) {
        let at = 0, doc = -1;
        function number() {
          let value = 0, scale = 1, digit;
          do { digit = DIGITS.indexOf(list[at++]); value += (digit & 31) * scale; scale *= 32; } while (digit & 32);
          return value;
        }
        if (list[0] == "*") {
          at = 1;
          doc = number();
          for (; at < list.length; at++) {
            for (let bits = DIGITS.indexOf(list[at]), k = 0; k < 3; k++, doc++, bits >>= 2) if (bits & 3) visit(doc, bits & 3);
          }
        } else {
          while (at < list.length) {
            const value = number();
            doc += Math.floor(value / 3) + 1;
            visit(doc, value % 3 + 1);
          }
        }
      }
      // Every query word must match (the last one may be the start of a word). Per word: when it was typed
      // with diacritics, a page with that very form first (+64); a whole word before a prefix (+1);
      // then where it is: title 3 > summary, market, area, topics 2 > text 1.
      function rank(query, shards) {
        let total;
        query.forEach(([typed, form], position) => {
          const best = new Uint8Array(index.n), last = position == query.length - 1;
          for (const number of shardsOf(typed, last)) {
            for (const [key, entry] of Object.entries(shards[number])) {
              const whole = key == typed;
              if (!whole && !(last && key.startsWith(typed))) continue;
              for (let j = 0; j < entry.length; j += 2) {
                const bonus = whole ? (form != key && (entry[j] || key) == form ? 65 : 1) : 0;
                postings(entry[j + 1], (doc, field) => { best[doc] = Math.max(best[doc], bonus + 2 * field); });
              }
            }
          }
          total = total ? total.map((score, doc) => score && best[doc] && score + best[doc]) : Uint16Array.from(best);
        });
        const hits = [];
        total.forEach((score, doc) => { if (score) hits.push(doc); });
        return hits.sort((a, b) => total[b] - total[a] || a - b);
      }

      function element(name, text, className) {
        const node = document.createElement(name);
        node.textContent = text;
        if (className) node.className = className;
        return node;
      }
      // Adds the next page of results; each is [address from the root, title, kind, snippet].
      function show(hits, from, search) {
        const page = hits.slice(from, from + PAGE);
        return Promise.all(page.map(doc => part("d/" + Math.floor(doc / index.c) + ".json"))).then(chunks => {
          if (search != latest) return;
          if (!from) list.textContent = "";
          const links = page.map((doc, i) => {
            const [address, title, kind, snippet] = chunks[i][doc % index.c], item = element("li"), link = element("a", title);
            link.href = data.root + address;
            item.append(link, " ", element("span", index.k[kind], "search-kind"));
            if (snippet) item.append(element("p", snippet));
            list.append(item);
            return link;
          });
          list.hidden = !hits.length;
          more.hidden = from + PAGE >= hits.length;
          more.onclick = () => show(hits, from + PAGE, search).then(first => first && first.focus());
          return links[0];
        });
      }
      function run(text) {
        const search = ++latest, query = terms(text);
        text = text.trim();
        try { history.replaceState(null, "", text ? "?q=" + encodeURIComponent(text).replace(/%20/g, "+") : location.pathname); } catch (e) {}
        if (!query.length) {
          list.textContent = status.textContent = "";
          list.hidden = more.hidden = true;
          return;
        }
        const shards = {};
        ready.then(() => Promise.all(query.flatMap(([key], position) => shardsOf(key, position == query.length - 1)
          .map(number => part("t/" + number + ".json").then(shard => { shards[number] = shard; })))))
          .then(() => {
            const hits = rank(query, shards);
            return show(hits, 0, search).then(() => {
              if (search == latest) status.textContent = (hits.length ? data.found : data.none).replace("{q}", text)
                .replace("{n}", hits.length.toLocaleString(document.documentElement.lang));
            });
          })
          .catch(() => { if (search == latest) status.textContent = data.failed; });
      }

      input.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(() => run(input.value), 250);
      });
      form.addEventListener("submit", event => {
        event.preventDefault();
        clearTimeout(timer);
        run(input.value);
      });
      const asked = new URLSearchParams(location.search).get("q");
      if (asked) { input.value = asked; run(asked); }
    })();

    """#
}
