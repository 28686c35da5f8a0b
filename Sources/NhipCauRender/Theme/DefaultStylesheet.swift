/// The default theme's only stylesheet: mobile first, system fonts that carry Vietnamese well,
/// light and dark, and a print layout for policies and FAQ pinned up at commune offices.
/// Replace it with `content/theme/assets/style.css`.
enum DefaultStylesheet {
    static let css = """
    :root{--bg:#fff;--fg:#1b1f23;--muted:#4a5560;--line:#d5dbe1;--accent:#0b5cad;--accent-fg:#fff;--soft:#f2f5f8;--ok:#0f6b3a;--warn:#8a4b00;--bad:#a1261b;color-scheme:light dark}
    @media (prefers-color-scheme:dark){:root{--bg:#111417;--fg:#e8ecef;--muted:#aab4bd;--line:#37414a;--accent:#7cb8ff;--accent-fg:#0b1a2a;--soft:#1b2127;--ok:#6fd39b;--warn:#f0b35a;--bad:#ff8f84}}
    *,*::before,*::after{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
    body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;overflow-wrap:break-word}
    .wrap{max-width:60rem;margin:0 auto;padding:0 1rem}
    a{color:var(--accent)}
    a:focus-visible,button:focus-visible,[tabindex]:focus-visible,summary:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
    img,svg{max-width:100%;height:auto}
    .skip-link{position:absolute;left:-999px;top:0;background:var(--accent);color:var(--accent-fg);padding:.5rem 1rem;z-index:10}
    .skip-link:focus{left:0}
    .site-header{border-bottom:1px solid var(--line);background:var(--soft)}
    .site-header>.wrap{padding-top:.5rem;padding-bottom:.1rem}
    .site-title{font-weight:700;font-size:1rem;line-height:1.3;text-decoration:none;color:var(--fg)}
    .site-org{display:none;color:var(--muted);font-size:.9rem}
    .site-nav ul{list-style:none;display:flex;flex-wrap:nowrap;overflow-x:auto;gap:0 1.1rem;padding-top:0;padding-bottom:.1rem;margin:0 auto;background:linear-gradient(to right,var(--soft) 40%,transparent) left/1.5rem 100% no-repeat local,linear-gradient(to left,var(--soft) 40%,transparent) right/1.5rem 100% no-repeat local,radial-gradient(farthest-side at 0 50%,rgba(120,130,140,.55),transparent) left/.6rem 100% no-repeat scroll,radial-gradient(farthest-side at 100% 50%,rgba(120,130,140,.55),transparent) right/.6rem 100% no-repeat scroll;background-color:var(--soft)}
    .site-nav li{flex:none}
    .site-nav a{display:inline-block;padding:.45rem 0;white-space:nowrap;text-decoration:none;font-weight:600}
    .site-nav a[aria-current]{text-decoration:underline;text-underline-offset:.3em}
    .breadcrumbs ol{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem;padding:.6rem 0 0;margin:0;font-size:.9rem;color:var(--muted)}
    .breadcrumbs li+li::before{content:"›";margin-right:.25rem}
    .breadcrumbs li:last-child{flex:1 1 8rem;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
    main{display:block;padding-top:1rem;padding-bottom:2rem}
    main:focus{outline:none}
    h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 .75rem}
    h2{font-size:1.3rem;line-height:1.3;margin:1.75rem 0 .5rem}
    h3{font-size:1.1rem;margin:.25rem 0}
    .lead{font-size:1.1rem;color:var(--muted)}
    .meta{color:var(--muted);font-size:.92rem;margin:.25rem 0}
    .hero{padding:0}
    .hero h1{font-size:1.3rem;margin-top:.25rem}
    .hero .lead{font-size:1rem;margin:.25rem 0 .5rem}
    .cards{list-style:none;padding:0;margin:0;display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr))}
    .card{border:1px solid var(--line);border-radius:.5rem;padding:.75rem 1rem;background:var(--bg)}
    .card p{margin:.35rem 0}
    .cards-compact{grid-template-columns:repeat(auto-fill,minmax(12rem,1fr))}
    .plain-list{padding-left:1.2rem}
    .plain-list li{margin:.35rem 0}
    .more{font-weight:600}
    .facts{display:grid;gap:.5rem;margin:1rem 0;padding:.75rem 1rem;background:var(--soft);border-radius:.5rem}
    .facts div{display:grid;gap:0 .5rem}
    .facts dt{font-weight:600}
    .facts dd{margin:0}
    .tags{list-style:none;display:flex;flex-wrap:wrap;gap:.4rem;padding:0;margin:0}
    .tags a{display:inline-block;padding:.05rem .5rem;border:1px solid var(--line);border-radius:1rem;text-decoration:none}
    .prose{max-width:42rem}
    .prose img{display:block;margin:1rem 0}
    pre{white-space:pre-wrap;overflow-wrap:anywhere}
    .story-image img{display:block;width:100%;border-radius:.5rem}
    .story-image{margin:1rem 0}
    .badge{display:inline-block;padding:0 .45rem;border:1px solid currentColor;border-radius:.3rem;font-size:.85rem;white-space:nowrap}
    .badge-in-force,.status-in-force{color:var(--ok)}
    .badge-expired,.status-expired{color:var(--bad)}
    .badge-not-yet,.status-not-yet{color:var(--warn)}
    .progress-targetMet,.progress-met,.progress-onTrack{color:var(--ok)}
    .progress-behind{color:var(--warn)}
    .progress-notMet{color:var(--bad)}
    .status-banner{border:2px solid currentColor;border-left-width:.5rem;border-radius:.3rem;padding:.5rem .75rem;font-size:1.05rem}
    .status-banner strong{color:var(--fg)}
    .policy-number{display:inline-block;font-weight:700;color:var(--fg);margin:.5rem 0 0;padding:.05rem .5rem;border:1px solid var(--line);border-radius:.3rem;background:var(--soft)}
    .status-note{display:block;margin-top:.3rem;font-size:.95rem;color:var(--fg)}
    .badge-sample{color:var(--warn);font-weight:600}
    .sample-note{font-size:.92rem;color:var(--muted);margin:.25rem 0 .5rem}
    .table-scroll{overflow-x:auto;max-width:100%;margin:1rem 0}
    .data-table{border-collapse:collapse;width:100%;font-size:.95rem}
    .data-table caption{text-align:left;font-weight:600;padding:.25rem 0 .5rem}
    .data-table th,.data-table td{border:1px solid var(--line);padding:.4rem .55rem;text-align:left;vertical-align:top}
    .data-table thead th{background:var(--soft)}
    .data-table td.num,.data-table th.num{text-align:right;font-variant-numeric:tabular-nums}
    .data-table th.num{white-space:nowrap}
    @media (max-width:40rem){.reflow thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}.reflow tr{display:block;border:1px solid var(--line);border-radius:.4rem;margin:0 0 .75rem;padding:.4rem .6rem}.reflow th,.reflow td{display:block;border:0;padding:.15rem 0}.reflow th[scope=row]{font-size:1.05rem}.reflow td[data-label]::before{content:attr(data-label) ": ";font-weight:600}}
    .pagination{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;margin:1.5rem 0}
    .contact-block{margin-top:2rem;padding:1rem;border:2px solid var(--accent);border-radius:.5rem}
    .hotline{font-size:1.25rem;font-weight:700}
    .site-footer{border-top:1px solid var(--line);background:var(--soft);padding:1rem 0;font-size:.92rem}
    .footer-note{color:var(--muted)}
    details{margin:.75rem 0}
    summary{cursor:pointer;font-weight:600}
    figure{margin:1rem 0}
    .search-form label{display:block;font-weight:600;margin-bottom:.3rem}
    .search-row{display:flex;gap:.5rem;max-width:36rem}
    .search-row input:focus-visible{outline:3px solid var(--accent);outline-offset:1px}
    .search-row input{flex:1;min-width:0;font:inherit;padding:.45rem .6rem;border:2px solid var(--muted);border-radius:.35rem;background:var(--bg);color:var(--fg)}
    .search-form button,.search-results+button{font:inherit;font-weight:600;padding:.45rem 1rem;border:2px solid var(--accent);border-radius:.35rem;background:var(--accent);color:var(--accent-fg);cursor:pointer}
    .search-results{padding-left:1.4rem}
    .search-results li{margin:0 0 1rem}
    .search-results p{margin:.2rem 0;color:var(--muted)}
    .search-kind{font-size:.85rem;color:var(--muted);white-space:nowrap}
    figcaption{font-weight:600;margin-bottom:.5rem}
    @media (min-width:40rem){h1,.hero h1{font-size:2rem}.hero .lead{font-size:1.1rem}.facts{gap:.25rem}.facts div{grid-template-columns:minmax(7rem,11rem) 1fr}.site-header>.wrap{display:flex;align-items:baseline;gap:1rem;padding-top:.75rem}.site-title{font-size:1.15rem}.site-org{display:inline}.site-nav ul{flex-wrap:wrap;overflow:visible;gap:.25rem .9rem;padding-bottom:.4rem;background:none}.site-nav a{padding:.3rem 0}}
    @media print{.site-nav,.skip-link,.breadcrumbs,.pagination,aside,.search-form,.search-browse{display:none}h2,h3{break-after:avoid}tr,figure,.status-banner{break-inside:avoid}body{font-size:11pt;color:#000;background:#fff}a{color:#000}.prose a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em}.facts,.site-header,.site-footer{background:none}details>*{display:block}}

    """
}
