/// The CSS for the chart classes: the default theme's `assets/charts.css` (readable, as in the
/// source tree), which pages that draw a chart link besides the stylesheet. Its comment says how
/// the colours keep their contrast; `ChartStylesTests` checks the ratios.
public enum ChartStyles {
    public static var css: String { DefaultTheme.text("assets/charts.css") }
}
