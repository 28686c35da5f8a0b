/// The CSS for the chart classes. Charts carry no colours of their own, so that the site's
/// stylesheet, dark mode and print can set them. Every mark has at least 3:1 contrast with the
/// background it is drawn on (light: white; dark: #121212; print: white).
public enum ChartStyles {
    public static let css: String = """
    .chart {
      --chart-bg: #ffffff;
      --chart-fg: #1a1a1a;
      --chart-bar: #1f5f99;
      --chart-bar-other: #5c6b77;
      --chart-target: #a64200;
      --chart-pace: #6b3fa0;
      --chart-today: #3d3d3d;
      --chart-grid: #d0d0d0;
      margin: 1.5rem 0;
      max-width: 42rem;
    }
    .chart-svg { display: block; width: 100%; height: auto; }
    .chart-svg text { fill: var(--chart-fg); font-family: inherit; }
    .chart-svg .chart-value { font-variant-numeric: tabular-nums; }
    .chart-bar { fill: var(--chart-bar); }
    .chart-bar-other { fill: var(--chart-bar-other); }
    .chart-target { stroke: var(--chart-target); stroke-width: 3; fill: none; }
    .chart-target-band { stroke: var(--chart-target); stroke-width: 1.5; }
    .chart-hatch { stroke: var(--chart-target); stroke-width: 1.5; }
    .chart-achieved-line { stroke: var(--chart-bar); stroke-width: 2.5; fill: none; }
    .chart-achieved-dot { fill: var(--chart-bar); }
    .chart-pace { stroke: var(--chart-pace); stroke-width: 2; fill: none; }
    .chart-today { stroke: var(--chart-today); stroke-width: 1.5; fill: none; }
    .chart-axis { stroke: var(--chart-fg); stroke-width: 1; fill: none; }
    .chart-grid { stroke: var(--chart-grid); stroke-width: 1; fill: none; }
    .chart-data table { border-collapse: collapse; margin-top: 0.5rem; }
    .chart-data caption { text-align: start; font-weight: bold; }
    .chart-data th, .chart-data td { border: 1px solid var(--chart-grid); padding: 0.25rem 0.5rem; text-align: start; }
    .chart-data td.chart-number { text-align: end; font-variant-numeric: tabular-nums; }
    .chart figcaption { font-weight: bold; margin-bottom: 0.5rem; }

    @media (prefers-color-scheme: dark) {
      .chart {
        --chart-bg: #121212;
        --chart-fg: #ececec;
        --chart-bar: #6cb4ff;
        --chart-bar-other: #a9b6c0;
        --chart-target: #ffb066;
        --chart-pace: #d2abff;
        --chart-today: #d0d0d0;
        --chart-grid: #4a4a4a;
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
        --chart-grid: #999999;
        break-inside: avoid;
      }
    }
    """
}
