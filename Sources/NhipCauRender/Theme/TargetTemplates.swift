extension DefaultTemplates {
    static let targetTemplates: [String: String] = [
        "plans": plans, "plan": plan, "area": area, "figure-facts": figureFacts, "market-plans": marketPlans,
    ]

    static let figureFacts = """
    <p class="status-banner progress-{{statusKey}}" role="note"><strong>{{t.status}}:</strong> {{status}}</p>
    <dl class="facts">
    <div><dt>{{t.period}}</dt><dd>{{period}}</dd></div>
    <div><dt>{{t.target}}</dt><dd>{{target}}</dd></div>
    <div><dt>{{t.achieved}}</dt><dd>{{achieved}}</dd></div>
    {{#.percent}}<div><dt>{{t.percentOfTarget}}</dt><dd>{{.}}</dd></div>{{/.percent}}
    {{#.remaining}}<div><dt>{{t.remaining}}</dt><dd>{{.}}</dd></div>{{/.remaining}}
    </dl>
    """

    static let plans = """
    <h1>{{t.plans}}</h1>
    <p>{{t.plansIntro}}</p>
    {{#.sampleNote}}<p class="sample-note" role="note">{{.}}</p>{{/.sampleNote}}
    <div class="table-scroll" role="region" aria-labelledby="bang-chi-tieu" tabindex="0">
    <table class="data-table reflow">
    <caption id="bang-chi-tieu">{{t.plansTableCaption}}</caption>
    <thead><tr><th scope="col">{{t.plan}}</th><th scope="col">{{t.period}}</th><th scope="col">{{t.target}}</th><th scope="col">{{t.achieved}}</th><th scope="col">{{t.percentOfTarget}}</th><th scope="col">{{t.status}}</th></tr></thead>
    <tbody>
    {{#rows}}<tr><th scope="row"><a href="{{href}}">{{title}}</a><br><small>{{issuer}}</small>{{#.sampleNote}}<br><small class="sample-note">{{.}}</small>{{/.sampleNote}}</th><td data-label="{{t.period}}">{{period}}</td><td data-label="{{t.target}}">{{target}}</td><td data-label="{{t.achieved}}">{{achieved}}</td><td data-label="{{t.percentOfTarget}}">{{percent}}</td><td data-label="{{t.status}}"><span class="badge progress-{{statusKey}}">{{status}}</span></td></tr>
    {{/rows}}</tbody>
    </table>
    </div>
    """

    static let plan = """
    <article class="plan">
    <header>
    <h1>{{title}}</h1>
    <p class="lead">{{issuer}}{{#.document}} · {{.}}{{/.document}}</p>
    {{#.note}}<p>{{.}}</p>{{/.note}}
    {{#.sampleNote}}<p class="sample-note" role="note">{{.}}</p>{{/.sampleNote}}
    </header>
    {{#facts}}{{>figure-facts}}{{/facts}}
    {{#charts}}{{{.}}}
    {{/charts}}
    {{#areas}}<section aria-labelledby="dia-ban-ke-hoach">
    <h2 id="dia-ban-ke-hoach">{{t.areas}}</h2>
    <ul class="tags">{{#items}}<li><a href="{{href}}">{{label}}</a></li>{{/items}}</ul>
    </section>{{/areas}}
    <section aria-labelledby="tai-so-lieu">
    <h2 id="tai-so-lieu">{{t.downloadData}}</h2>
    <p>{{downloadNote}}</p>
    <ul class="plain-list">
    {{#downloads}}<li><a href="{{href}}" download>{{label}}</a></li>
    {{/downloads}}</ul>
    </section>
    </article>
    """

    static let area = """
    <h1>{{name}}</h1>
    {{#plans}}<section class="area-plan">
    <h2><a href="{{planHref}}">{{planTitle}}</a></h2>
    {{#.sampleNote}}<p class="sample-note" role="note">{{.}}</p>{{/.sampleNote}}
    {{#facts}}{{>figure-facts}}{{/facts}}
    {{#charts}}{{{.}}}
    {{/charts}}
    </section>
    {{/plans}}
    {{#notices}}<section aria-labelledby="thong-bao-dia-ban">
    <h2 id="thong-bao-dia-ban">{{t.notices}}</h2>
    {{>notice-list}}
    </section>{{/notices}}
    {{#stories}}<section aria-labelledby="cau-chuyen-dia-ban">
    <h2 id="cau-chuyen-dia-ban">{{t.storiesOfArea}}</h2>
    {{>story-list}}
    </section>{{/stories}}
    """

    static let marketPlans = """
    <section aria-labelledby="theo-ke-hoach">
    <h2 id="theo-ke-hoach">{{t.workersByPlan}}</h2>
    {{#.chart}}{{{.}}}{{/.chart}}
    {{#.sampleNote}}<p class="sample-note" role="note">{{.}}</p>{{/.sampleNote}}
    <div class="table-scroll" role="region" aria-labelledby="theo-ke-hoach" tabindex="0">
    <table class="data-table">
    <thead><tr><th scope="col">{{t.plan}}</th><th scope="col">{{t.period}}</th><th scope="col" class="num">{{t.workers}}</th></tr></thead>
    <tbody>
    {{#items}}<tr><th scope="row"><a href="{{href}}">{{title}}</a>{{#.sampleNote}}<br><small class="sample-note">{{.}}</small>{{/.sampleNote}}</th><td>{{period}}</td><td class="num">{{count}}</td></tr>
    {{/items}}</tbody>
    </table>
    </div>
    </section>
    """
}
