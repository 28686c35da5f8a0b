/* NhipCau site search. Folds Vietnamese as the build does; fetches only the index shards of the
   words typed and the result chunks it shows, never more bytes than the manifest allows.
   Index format: Sources/NhipCauWrite/Search/SearchIndex.swift. */
(() => {
  const TONE = /[\u0300\u0301\u0303\u0309\u0323]/, TONES = new RegExp(TONE.source, "g"), LETTER = /[\p{Alphabetic}\p{Mn}]/u,
    WORD = /([\p{Alphabetic}\p{Mn}\p{Nd}]+)/u, SPLIT = /[^\p{Alphabetic}\p{Mn}\p{Nd}]+/u, PAGE = 10,
    DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  // Lower case one code point at a time, as Swift's lowercased() does (no final-sigma rule).
  const nfd = text => text.normalize("NFD"), lower = text => Array.from(text, c => c.toLowerCase()).join(""),
    // VietnameseText.fold: "Đường" and "dương" → "duong".
    fold = text => lower(nfd(text)).replace(/\p{Mn}/gu, "").replace(/đ/g, "d");
  // VietnameseText.toneCanonical: marks kept, each word's tone moved to its end ("hoà" = "hòa").
  function tone(text) {
    let out = "", word = "", mark = "";
    for (const c of lower(nfd(text))) {
      if (TONE.test(c)) mark = c;
      else if (LETTER.test(c)) word += c;
      else { out += word + mark + c; word = mark = ""; }
    }
    return (out + word + mark).normalize("NFC");
  }
  // SearchWords.joiningPhoneNumbers: "0912 345 678", "0912.345.678", "+84 912 345 678" → "0912345678".
  function phoneDigits(run) {
    let digits = run.replace(/\D/g, "");
    const plus = run.indexOf("+");
    if (plus > 0 && /\d/.test(run.slice(0, plus)) || run.split("+").length > 2) return null;
    if (digits.startsWith("84") && (plus >= 0 || digits.length == 11 || digits.length == 12)) digits = "0" + digits.slice(2);
    else if (plus >= 0) return null;
    const n = digits.length;
    return n == 10 && /^0[35789]/.test(digits) || n == 11 && /^02/.test(digits) || (n == 8 || n == 10) && /^1[89]00/.test(digits) ? digits : null;
  }
  const phones = text => text.replace(/[\d(+][\d .\-()+\u00A0]*\d/g, run => phoneDigits(run) || run);
  // The query's words as [folded key, tone-canonical form], at most 8, each key once.
  function terms(text) {
    const found = [];
    for (const word of phones(text).split(SPLIT)) {
      const key = fold(word);
      if (key && found.length < 8 && !found.some(term => term[0] == key)) found.push([key, tone(word)]);
    }
    return found;
  }
  window.NhipCauSearch = { fold: fold, tone: tone, terms: terms };

  const byId = id => document.getElementById(id), form = byId("search-form");
  if (!form) return;
  const data = form.dataset, input = form.elements.q, status = byId("search-status"), list = byId("search-results"), nearTitle = element("h2", data.near), nearList = element("ol"),
    more = element("button", data.more), cache = {};
  let index, latest = 0, timer;
  nearList.className = list.className;
  more.type = "button";
  nearTitle.hidden = nearList.hidden = more.hidden = true;
  list.after(nearTitle, nearList, more);

  const json = (url, options) => fetch(url, options).then(response => {
    if (!response.ok) throw Error(url);
    return response.json();
  });
  // A shard or chunk, fetched once; `?v=` keeps a browser from mixing files of two builds.
  const part = path => cache[path] || (cache[path] = json(data.index + path + "?v=" + index.v)
    .catch(error => { delete cache[path]; throw error; }));
  const ready = json(data.index + "manifest.json", { cache: "no-cache" }).then(manifest => {
    index = manifest;
    const note = byId("search-no-script");
    if (note) note.hidden = true;
  });

  // Shards hold sorted keys, shard i from t[i] on. A prefix may run on into two more shards.
  function shardsOf(key, prefix) {
    const starts = index.t, found = [];
    let number = 0;
    while (number + 1 < starts.length && starts[number + 1] <= key) number++;
    do found.push(number++);
    while (prefix && found.length < 3 && number < starts.length && starts[number].startsWith(key));
    return found;
  }
  // What a query looks up: each word (the last one may be unfinished), "word " (titles that
  // begin with the first word) and "word next" (neighbouring words).
  function needs(query) {
    const last = query.length - 1, found = query.map(([key], i) => ({ key: key, prefix: i == last, word: i }));
    found.push({ key: query[0][0] + " ", start: 1 });
    for (let i = 1; i <= last; i++) found.push({ key: query[i - 1][0] + " " + query[i][0], prefix: i == last });
    for (const need of found) need.shards = shardsOf(need.key, need.prefix);
    return found;
  }
  // The shards to fetch. A search fetches at most index.b bytes: the chunks of one page of results
  // (at most PAGE × index.m) and shards of at most index.s bytes each, in this order: each need's
  // first shard (words first), then the rest of a prefix's.
  function plan(found) {
    const slots = (index.b - PAGE * index.m) / index.s | 0, chosen = [];
    for (let round = 0; round < 3; round++) {
      for (const need of found) {
        const number = need.shards[round];
        if (number != null && !chosen.includes(number) && chosen.length < slots) chosen.push(number);
      }
    }
    return chosen;
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
        doc += (value / 3 | 0) + 1;
        visit(doc, value % 3 + 1);
      }
    }
  }
  // Whether a form keeps what was typed with diacritics: the same form; for an unfinished word,
  // one that starts with it, tone aside, and has its tone if one was typed ("đườ" keeps "đường").
  const untone = text => nfd(text).replace(TONES, "").normalize("NFC");
  function same(form, typed, whole) {
    if (whole) return form == typed;
    const mark = nfd(typed).match(TONE);
    return untone(form).startsWith(untone(typed)) && (!mark || nfd(form).includes(mark[0]));
  }
  // Pages holding every word first, then (when fewer than PAGE do) those missing one. Within each:
  // more words in the very form typed with diacritics; then neighbouring words as typed (title 3,
  // summary, market, area, topics 2, text of pages other than stories 1) and a title beginning with
  // the first word (1); then each word's field (title 3 > summary… 2 > text 1), whole words a little
  // above prefixes; then document order (markets, policies, pages, plans, areas, stories).
  function rank(query, found, shards) {
    const n = index.n, count = new Uint8Array(n), score = new Float64Array(n), full = [], near = [];
    let words = 0;
    for (const need of found) {
      const isWord = need.word != null, [typed, written] = query[need.word] || [], best = new Uint8Array(n), exact = new Uint8Array(n);
      if (isWord && !shards[need.shards[0]]) continue;
      let everywhere = 0;
      for (const number of need.shards) {
        for (const key in shards[number]) {
          // The key itself, or for an unfinished last word, a longer one: "ng" finds "nguoi", not "nguoi lao".
          const entry = shards[number][key], whole = key == need.key;
          if (!whole && !(need.prefix && key.startsWith(need.key) && !key.slice(need.key.length).includes(" "))) continue;
          for (let j = 0; j < entry.length; j += 2) {
            const f = entry[j], mine = written != typed && f != "*" && f != "~" && same(f || key, written, whole);
            if (f == "~") everywhere = 1;
            postings(entry[j + 1], (doc, field) => {
              best[doc] = Math.max(best[doc], 2 * field + whole);
              if (mine) exact[doc] = 1;
            });
          }
        }
      }
      words += isWord;
      for (let doc = 0; doc < n; doc++) {
        const value = best[doc] || 3 * everywhere;
        if (!isWord) score[doc] += 64 * (need.start ? value && 1 : value >> 1);
        else if (value) {
          count[doc]++;
          score[doc] += 2048 * exact[doc] + value;
        }
      }
    }
    count.forEach((c, doc) => {
      if (words && c == words) full.push(doc);
      else if (words > 1 && c == words - 1) near.push(doc);
    });
    const order = (a, b) => score[b] - score[a] || a - b;
    return [full.sort(order), full.length < PAGE ? near.sort(order) : []];
  }

  function element(name, text, className) {
    const node = document.createElement(name);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }
  // The text with the query's words in <mark> (DOM nodes only, never HTML).
  function marked(name, text, query) {
    const node = element(name);
    for (const piece of text.split(WORD)) {
      const key = fold(piece);
      node.append(key && query.some(([k], i) => key == k || i == query.length - 1 && key.startsWith(k)) ? element("mark", piece) : piece);
    }
    return node;
  }
  // Adds the next page of results, each [address from the root, title, kind, snippet]: pages with
  // every word in the first list, the others under their heading.
  function show(hits, full, from, search, query) {
    const page = hits.slice(from, from + PAGE);
    return Promise.all(page.map(doc => part("d/" + (doc / index.c | 0) + ".json"))).then(chunks => {
      if (search != latest) return;
      if (!from) list.textContent = nearList.textContent = "";
      const links = page.map((doc, i) => {
        const [address, title, kind, snippet] = chunks[i][doc % index.c], item = element("li"), link = marked("a", title, query);
        link.href = data.root + address;
        item.append(link, " ", element("span", index.k[kind], "search-kind"));
        if (snippet) item.append(marked("p", snippet, query));
        (from + i < full ? list : nearList).append(item);
        return link;
      });
      list.hidden = !full;
      nearTitle.hidden = nearList.hidden = hits.length == full;
      more.hidden = from + PAGE >= hits.length;
      more.onclick = () => show(hits, full, from + PAGE, search, query).then(first => first && first.focus());
      return links[0];
    });
  }
  function run(text) {
    const search = ++latest, query = terms(text), count = n => n.toLocaleString(document.documentElement.lang);
    text = text.trim();
    try { history.replaceState(null, "", text ? "?q=" + encodeURIComponent(text).replace(/%20/g, "+") : location.pathname); } catch (e) {}
    if (!query.length) {
      list.textContent = nearList.textContent = status.textContent = "";
      list.hidden = nearTitle.hidden = nearList.hidden = more.hidden = true;
      return;
    }
    ready.then(() => {
      const found = needs(query), shards = {};
      return Promise.all(plan(found).map(number => part("t/" + number + ".json").then(shard => { shards[number] = shard; })))
        .then(() => {
          const [full, near] = rank(query, found, shards);
          return show(full.concat(near), full.length, 0, search, query).then(() => {
            if (search == latest) status.textContent = (near.length ? full.length ? data.foundNear : data.noneNear : full.length ? data.found : data.none)
              .replace("{q}", text).replace("{n}", count(full.length)).replace("{m}", count(near.length));
          });
        });
    }).catch(() => { if (search == latest) status.textContent = data.failed; });
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


