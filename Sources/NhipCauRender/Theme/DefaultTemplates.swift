/// The default theme's templates. Any of them can be replaced by a file of the same name under
/// `content/theme/templates/` (e.g. `content/theme/templates/story.mustache`); `nhipcau theme`
/// writes them all out as a starting point.
enum DefaultTemplates {
    static let all: [String: String] = pageTemplates.merging(targetTemplates) { first, _ in first }

    static let pageTemplates: [String: String] = [
        "layout": layout, "home": home, "story": story, "stories": stories, "market": market,
        "markets": markets, "policy": policy, "policies": policies, "page": page, "tag": tag,
        "not-found": notFound, "story-list": storyList, "breadcrumbs": breadcrumbs, "search": search,
    ]

    static let layout = """
    <!DOCTYPE html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{documentTitle}}</title>
    {{#description}}<meta name="description" content="{{description}}">
    {{/description}}{{#canonical}}<link rel="canonical" href="{{canonical}}">
    {{/canonical}}{{#social}}<meta property="og:type" content="{{type}}">
    <meta property="og:title" content="{{title}}">
    <meta property="og:site_name" content="{{siteName}}">
    <meta property="og:locale" content="{{locale}}">
    {{#description}}<meta property="og:description" content="{{description}}">
    {{/description}}{{#.url}}<meta property="og:url" content="{{.}}">
    {{/.url}}{{#.image}}<meta property="og:image" content="{{.}}">
    <meta name="twitter:image" content="{{.}}">
    {{/.image}}{{#.imageAlt}}<meta property="og:image:alt" content="{{.}}">
    <meta name="twitter:image:alt" content="{{.}}">
    {{/.imageAlt}}<meta name="twitter:card" content="{{twitterCard}}">
    {{/social}}<link rel="stylesheet" href="{{stylesheet}}">
    {{#feeds}}<link rel="alternate" type="application/atom+xml" title="{{title}}" href="{{href}}">
    {{/feeds}}</head>
    <body>
    <a class="skip-link" href="#noi-dung">{{t.skipToContent}}</a>
    <header class="site-header">
    <div class="wrap">
    <a class="site-title" href="{{homeHref}}">{{siteTitle}}</a>
    {{#organization}}<span class="site-org">{{organization}}</span>{{/organization}}
    </div>
    <nav class="site-nav" aria-label="{{t.menu}}">
    <ul class="wrap">
    {{#nav}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>
    {{/nav}}</ul>
    </nav>
    </header>
    {{#breadcrumbs}}{{>breadcrumbs}}{{/breadcrumbs}}
    <main id="noi-dung" class="wrap" tabindex="-1">
    {{{content}}}
    </main>
    <footer class="site-footer">
    <div class="wrap">
    <p><strong>{{siteTitle}}</strong>{{#organization}} · {{organization}}{{/organization}}</p>
    {{#contact}}<p class="contact-line">{{#.hotline}}{{t.hotline}}: <a href="{{hotlineHref}}">{{.}}</a>{{/.hotline}}{{#.email}} · {{t.email}}: <a href="mailto:{{.}}">{{.}}</a>{{/.email}}{{#.address}} · {{.}}{{/.address}}</p>{{/contact}}
    <p class="footer-note">{{t.footerNote}}</p>
    </div>
    </footer>
    </body>
    </html>

    """

    static let breadcrumbs = """
    <nav class="breadcrumbs wrap" aria-label="{{t.breadcrumb}}">
    <ol>
    {{#items}}<li>{{#.href}}<a href="{{.}}">{{label}}</a>{{/.href}}{{^.href}}<span aria-current="page">{{label}}</span>{{/.href}}</li>
    {{/items}}</ol>
    </nav>
    """

    static let storyList = """
    <ul class="cards">
    {{#items}}<li class="card">
    <h3><a href="{{href}}">{{title}}</a></h3>
    <p class="meta">{{#sample}}<span class="badge badge-sample">{{t.sampleStory}}</span> {{/sample}}<time datetime="{{dateISO}}">{{date}}</time>{{#.marketName}} · {{.}}{{/.marketName}}</p>
    {{#.summary}}<p>{{.}}</p>{{/.summary}}
    </li>
    {{/items}}</ul>
    """

    static let home = """
    <section class="hero">
    <h1>{{t.homeHeading}}</h1>
    {{#description}}<p class="lead">{{description}}</p>{{/description}}
    </section>
    {{#headline}}<section class="headline" aria-labelledby="tien-do">
    <h2 id="tien-do">{{t.progress}}</h2>
    <p>{{sentence}}</p>
    {{#.sampleNote}}<p class="sample-note" role="note">{{.}}</p>{{/.sampleNote}}
    {{{chart}}}
    <p><a class="more" href="{{href}}">{{linkLabel}}</a></p>
    </section>{{/headline}}
    <section aria-labelledby="cau-chuyen-moi">
    <h2 id="cau-chuyen-moi">{{t.latestStories}}</h2>
    {{#latest}}{{>story-list}}{{/latest}}
    <p><a class="more" href="{{storiesHref}}">{{t.allStories}}</a></p>
    </section>
    <section aria-labelledby="thi-truong">
    <h2 id="thi-truong">{{t.markets}}</h2>
    <ul class="cards cards-compact">
    {{#markets}}<li class="card"><h3><a href="{{href}}">{{title}}</a></h3>{{#.income}}<p class="meta">{{t.incomePerMonth}}: {{.}}</p>{{/.income}}</li>
    {{/markets}}</ul>
    <p><a class="more" href="{{marketsHref}}">{{t.allMarkets}}</a></p>
    </section>
    <section aria-labelledby="chinh-sach">
    <h2 id="chinh-sach">{{t.policies}}</h2>
    <ul class="plain-list">
    {{#policies}}<li><a href="{{href}}">{{number}}</a>: {{title}} <span class="badge badge-{{statusKey}}">{{status}}</span></li>
    {{/policies}}</ul>
    <p><a class="more" href="{{policiesHref}}">{{t.allPolicies}}</a></p>
    </section>
    {{#contact}}<section class="contact-block" aria-labelledby="lien-he">
    <h2 id="lien-he">{{t.contact}}</h2>
    {{#.hotline}}<p class="hotline">{{t.hotline}}: <a href="{{hotlineHref}}">{{.}}</a></p>{{/.hotline}}
    {{#.email}}<p>{{t.email}}: <a href="mailto:{{.}}">{{.}}</a></p>{{/.email}}
    {{#.address}}<p>{{t.address}}: {{.}}</p>{{/.address}}
    </section>{{/contact}}
    """

    static let story = """
    <article class="story">
    <header>
    <h1>{{title}}</h1>
    {{#sample}}<p class="sample-note"><span class="badge badge-sample">{{t.sampleStory}}</span> {{t.sampleStoryNote}}</p>
    {{/sample}}<p class="meta"><span>{{t.published}}: <time datetime="{{dateISO}}">{{date}}</time></span>{{#updated}} · <span>{{t.updated}}: {{updated}}</span>{{/updated}}{{#author}} · <span>{{author}}</span>{{/author}}</p>
    {{#.summary}}<p class="lead">{{.}}</p>{{/.summary}}
    </header>
    {{#.image}}<figure class="story-image">{{{html}}}</figure>{{/.image}}
    <dl class="facts">
    {{#person}}<div><dt>{{t.person}}</dt><dd>{{person}}</dd></div>{{/person}}
    {{#market}}<div><dt>{{t.market}}</dt><dd><a href="{{href}}">{{label}}</a></dd></div>{{/market}}
    {{#area}}<div><dt>{{t.area}}</dt><dd>{{#.href}}<a href="{{.}}">{{label}}</a>{{/.href}}{{^.href}}{{label}}{{/.href}}</dd></div>{{/area}}
    {{#tags}}<div><dt>{{t.tags}}</dt><dd><ul class="tags">{{#items}}<li><a href="{{href}}">{{label}}</a></li>{{/items}}</ul></dd></div>{{/tags}}
    </dl>
    <div class="prose">
    {{{body}}}
    </div>
    </article>
    {{#related}}<aside aria-labelledby="lien-quan">
    <h2 id="lien-quan">{{t.relatedStories}}</h2>
    {{>story-list}}
    </aside>{{/related}}
    """

    static let stories = """
    <h1>{{heading}}</h1>
    {{#list}}{{>story-list}}{{/list}}
    {{^list}}<p>{{t.noStories}}</p>{{/list}}
    {{#pagination}}<nav class="pagination" aria-label="{{t.pagination}}">
    {{#.previous}}<a rel="prev" href="{{.}}">← {{t.previousPage}}</a>{{/.previous}}
    <span>{{t.pageOf}} {{current}}/{{total}}</span>
    {{#.next}}<a rel="next" href="{{.}}">{{t.nextPage}} →</a>{{/.next}}
    </nav>{{/pagination}}
    """

    static let tag = """
    <h1>{{t.storiesTagged}}: {{name}}</h1>
    {{#list}}{{>story-list}}{{/list}}
    """

    static let market = """
    <article class="market">
    <header>
    <h1>{{title}}</h1>
    {{#.summary}}<p class="lead">{{.}}</p>{{/.summary}}
    </header>
    <dl class="facts">
    <div><dt>{{t.country}}</dt><dd>{{country}}</dd></div>
    {{#.income}}<div><dt>{{t.incomePerMonth}}</dt><dd>{{.}}</dd></div>{{/.income}}
    {{#cost}}<div><dt>{{t.cost}}</dt><dd>{{cost}} <small>({{t.costNote}})</small></dd></div>{{/cost}}
    {{#contract}}<div><dt>{{t.contract}}</dt><dd>{{contract}}</dd></div>{{/contract}}
    {{#sectors}}<div><dt>{{t.sectors}}</dt><dd>{{sectors}}</dd></div>{{/sectors}}
    {{#requirements}}<div><dt>{{t.requirements}}</dt><dd>{{requirements}}</dd></div>{{/requirements}}
    {{#updated}}<div><dt>{{t.updated}}</dt><dd>{{updated}}</dd></div>{{/updated}}
    </dl>
    <div class="prose">
    {{{body}}}
    </div>
    </article>
    {{#planCounts}}{{>market-plans}}{{/planCounts}}
    {{#stories}}<section aria-labelledby="cau-chuyen-thi-truong">
    <h2 id="cau-chuyen-thi-truong">{{t.storiesOfMarket}}</h2>
    {{>story-list}}
    </section>{{/stories}}
    """

    static let markets = """
    <h1>{{t.markets}}</h1>
    <div class="table-scroll" role="region" aria-labelledby="bang-thi-truong" tabindex="0">
    <table class="data-table reflow">
    <caption id="bang-thi-truong">{{t.marketsTableCaption}}</caption>
    <thead><tr><th scope="col">{{t.market}}</th><th scope="col">{{t.incomePerMonth}}</th><th scope="col">{{t.cost}}</th><th scope="col">{{t.contract}}</th><th scope="col">{{t.sectors}}</th></tr></thead>
    <tbody>
    {{#rows}}<tr><th scope="row"><a href="{{href}}">{{title}}</a></th><td data-label="{{t.incomePerMonth}}">{{income}}</td><td data-label="{{t.cost}}">{{cost}}</td><td data-label="{{t.contract}}">{{contract}}</td><td data-label="{{t.sectors}}">{{sectors}}</td></tr>
    {{/rows}}</tbody>
    </table>
    </div>
    """

    static let policy = """
    <article class="policy">
    <header>
    <p class="policy-number">{{number}}</p>
    <h1>{{title}}</h1>
    <p class="status-banner status-{{statusKey}}" role="note"><strong>{{t.status}}:</strong> {{status}}{{#replacedBy}}{{#.pendingFrom}}<span class="status-note">{{t.willBeReplacedBy}} <a href="{{href}}">{{number}}</a> {{t.fromDay}} {{.}}.</span>{{/.pendingFrom}}{{/replacedBy}}</p>
    {{#.summary}}<p class="lead">{{.}}</p>{{/.summary}}
    </header>
    <dl class="facts">
    <div><dt>{{t.issuer}}</dt><dd>{{issuer}}</dd></div>
    <div><dt>{{t.issued}}</dt><dd>{{issued}}</dd></div>
    {{#effective}}<div><dt>{{t.effective}}</dt><dd>{{effective}}</dd></div>{{/effective}}
    {{#expires}}<div><dt>{{t.expires}}</dt><dd>{{expires}}</dd></div>{{/expires}}
    {{#replacedBy}}<div><dt>{{#.pendingFrom}}{{t.willBeReplacedBy}}{{/.pendingFrom}}{{^.pendingFrom}}{{t.replacedBy}}{{/.pendingFrom}}</dt><dd><a href="{{href}}">{{label}}</a>{{#.pendingFrom}} ({{t.fromDay}} {{.}}){{/.pendingFrom}}</dd></div>{{/replacedBy}}
    {{#replaces}}<div><dt>{{t.replaces}}</dt><dd><ul class="plain-list">{{#items}}<li><a href="{{href}}">{{label}}</a></li>{{/items}}</ul></dd></div>{{/replaces}}
    {{#updated}}<div><dt>{{t.updated}}</dt><dd>{{updated}}</dd></div>{{/updated}}
    </dl>
    <div class="prose">
    {{{body}}}
    </div>
    </article>
    """

    static let policies = """
    <h1>{{t.policies}}</h1>
    <div class="table-scroll" role="region" aria-labelledby="bang-chinh-sach" tabindex="0">
    <table class="data-table reflow">
    <caption id="bang-chinh-sach">{{t.policiesTableCaption}}</caption>
    <thead><tr><th scope="col">{{t.policyNumber}}</th><th scope="col">{{t.policies}}</th><th scope="col">{{t.issuer}}</th><th scope="col">{{t.issued}}</th><th scope="col">{{t.status}}</th></tr></thead>
    <tbody>
    {{#rows}}<tr><th scope="row"><a href="{{href}}">{{number}}</a></th><td data-label="{{t.policies}}">{{title}}</td><td data-label="{{t.issuer}}">{{issuer}}</td><td data-label="{{t.issued}}">{{issued}}</td><td data-label="{{t.status}}"><span class="badge badge-{{statusKey}}">{{status}}</span></td></tr>
    {{/rows}}</tbody>
    </table>
    </div>
    """

    static let page = """
    <article class="page">
    <h1>{{title}}</h1>
    {{#.summary}}<p class="lead">{{.}}</p>{{/.summary}}
    <div class="prose">
    {{{body}}}
    </div>
    {{#updated}}<p class="meta">{{t.updated}}: {{updated}}</p>{{/updated}}
    </article>
    """

    static let notFound = """
    <h1>{{t.notFoundTitle}}</h1>
    <p>{{t.notFoundText}}</p>
    <ul class="plain-list">
    {{#links}}<li><a href="{{href}}">{{label}}</a></li>
    {{/links}}</ul>
    """

    /// The script (`assets/search.js`) finds its parts by id and reads its texts from the form's
    /// `data-` attributes; keep both when replacing this template.
    static let search = """
    <h1>{{t.search}}</h1>
    <p class="lead">{{t.searchIntro}}</p>
    <form id="search-form" class="search-form" action="{{action}}" method="get" role="search" data-index="{{index}}" data-root="{{root}}" data-found="{{t.searchFound}}" data-none="{{t.searchNone}}" data-near="{{t.searchNear}}" data-found-near="{{t.searchFoundNear}}" data-none-near="{{t.searchNoneNear}}" data-more="{{t.searchMore}}" data-failed="{{t.searchFailed}}">
    <label for="q">{{t.searchLabel}}</label>
    <div class="search-row"><input type="search" id="q" name="q" autocomplete="off" spellcheck="false" enterkeyhint="search"><button type="submit">{{t.searchButton}}</button></div>
    </form>
    <p id="search-status" class="search-status" role="status" aria-live="polite"></p>
    <ol id="search-results" class="search-results" hidden></ol>
    <section class="search-browse" aria-labelledby="xem-theo-danh-muc">
    <h2 id="xem-theo-danh-muc">{{t.searchBrowse}}</h2>
    <p id="search-no-script">{{t.searchNoScript}}</p>
    <ul class="plain-list">
    {{#sections}}<li><a href="{{href}}">{{label}}</a></li>
    {{/sections}}</ul>
    </section>
    <script src="{{script}}" defer></script>
    """
}
