/// The CSS for the chart classes. Charts carry no colours of their own, so that the site's
/// stylesheet, dark mode and print can set them.
///
/// Contrast (WCAG 1.4.11): every mark is kept apart from every other by the background colour
/// `--chart-bg` (bars have an outline in it; target lines, range edges, the pace line, the
/// running total and the update marker are drawn over a halo in it), so each colour below only
/// ever meets `--chart-bg`, and each has at least 3:1 against it in light, dark and print.
/// `--chart-bg` must be the colour of the page behind the chart: a theme that changes the page
/// background should set it too. `ChartStylesTests` checks the ratios.
///
/// Width: a chart is at most 30rem wide, so its text (13–14 units in a 300-unit viewBox) is
/// 12.5 px or more on a 320 px phone and no more than about 22 px on a wide screen.
public enum ChartStyles {
    public static let css: String = """
    .chart {
      --chart-bg: #ffffff;
      --chart-fg: #1b1f23;
      --chart-bar: #1f5f99;
      --chart-bar-other: #5c6b77;
      --chart-target: #a64200;
      --chart-pace: #6b3fa0;
      --chart-today: #3d3d3d;
      --chart-grid: #858585;
      margin: 1.5rem 0;
      max-width: 30rem;
    }
    .chart-svg { display: block; width: 100%; height: auto; }
    .chart-svg text { fill: var(--chart-fg); font-family: inherit; paint-order: stroke; stroke: var(--chart-bg); stroke-width: 3px; stroke-linejoin: round; }
    .chart-svg .chart-value { font-variant-numeric: tabular-nums; }
    .chart-bar { fill: var(--chart-bar); stroke: var(--chart-bg); stroke-width: 1; }
    .chart-bar-other { fill: var(--chart-bar-other); stroke: var(--chart-bg); stroke-width: 1; }
    .chart-halo { stroke: var(--chart-bg); fill: none; }
    .chart-target { stroke: var(--chart-target); stroke-width: 3; fill: none; }
    .chart-target-band { stroke: var(--chart-target); stroke-width: 1.5; }
    .chart-hatch { stroke: var(--chart-target); stroke-width: 1.5; }
    .chart-achieved-line { stroke: var(--chart-bar); stroke-width: 2.5; fill: none; }
    .chart-achieved-dot { fill: var(--chart-bar); stroke: var(--chart-bg); stroke-width: 1.5; }
    .chart-pace { stroke: var(--chart-pace); stroke-width: 2; fill: none; }
    .chart-today { stroke: var(--chart-today); stroke-width: 1.5; fill: none; }
    .chart-axis { stroke: var(--chart-fg); stroke-width: 1; fill: none; }
    .chart-grid { stroke: var(--chart-grid); stroke-width: 1; fill: none; }
    .chart-data table { border-collapse: collapse; margin-top: 0.5rem; }
    .chart-data caption { text-align: start; font-weight: bold; }
    .chart-data th, .chart-data td { border: 1px solid var(--chart-grid); padding: 0.25rem 0.5rem; text-align: start; }
    .chart-data td.chart-number { text-align: end; font-variant-numeric: tabular-nums; }
    .chart figcaption { font-weight: bold; margin-bottom: 0.5rem; }
    .sample-note { font-size: 0.92rem; font-weight: 600; border-left: 0.25rem solid currentColor; padding-left: 0.5rem; margin: 0.25rem 0 0.5rem; }
    small.sample-note { display: inline-block; font-weight: 600; }

    @media (prefers-color-scheme: dark) {
      .chart {
        --chart-bg: #111417;
        --chart-fg: #e8ecef;
        --chart-bar: #6cb4ff;
        --chart-bar-other: #a9b6c0;
        --chart-target: #ffb066;
        --chart-pace: #d2abff;
        --chart-today: #d0d0d0;
        --chart-grid: #7a8590;
      }
    }

    @media print {
      .chart {
        --chart-bg: #ffffff;
        --chart-fg: #000000;
        --chart-bar: #404040;
        --chart-bar-other: #707070;
        --chart-target: #000000;
        --chart-pace: #000000;
        --chart-today: #000000;
        --chart-grid: #767676;
        break-inside: avoid;
      }
    }
    """
}
