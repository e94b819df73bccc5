// The chart stage takes a table's rows and a chart spec, and gives a finished,
// checked SVG per artboard: Plot in jsdom, the house style, words, alt text.
export { checkChartWords, drawChart, xmlSafe, type StatedFigures } from "./draw-chart.ts";
export { isBound, printWords, t, wordsOutline, type BoundWords, type EventRef, type FigureRef, type Words } from "./words.ts";
export { font, fontFiles, FONT_FAMILY } from "./fonts.ts";
export { formatDate, formatFigure, formatNumber, formatQualified, qualifierWords } from "./format.ts";
export { drawLegends, swatchLegend, type LegendOptions, type LegendRequest } from "./legends.ts";
export { barChart, claimsChart, type BarsOptions, type ClaimsOptions } from "./kinds/bars.ts";
export { locator, type LocatorOptions as LocatorChartOptions } from "./kinds/locator.ts";
export { pointMap, type PointMapOptions } from "./kinds/point-map.ts";
export { regionMap, type RegionMapOptions } from "./kinds/region-map.ts";
export { smallTable, type SmallTableOptions } from "./kinds/small-table.ts";
export { timelineChart, type TimelineChartOptions } from "./kinds/timeline-chart.ts";
export { timeSeries, type TimeSeriesOptions } from "./kinds/time-series.ts";
export { unitChart, type UnitChartOptions } from "./kinds/unit-chart.ts";
export { findRegion, regionsOf, regionsSource, type Region } from "./regions.ts";
export { labelledBars, type BarShape, type LabelledBars, type LabelledBarsOptions } from "./marks/labelled-bars.ts";
export { locatorMap, worldCountries, type LocatorOptions } from "./marks/locator-map.ts";
export { timeline, type TimelineItem, type TimelineOptions } from "./marks/timeline.ts";
export { unitRows, units, type UnitGroup, type Units } from "./marks/units.ts";
export { ChartError, loadChartDom } from "./render.ts";
export { claimantColors, claimantStyleProblems, contrast, PALETTE, type ClaimantStyle } from "./palette.ts";
export type { ChartContext, ChartSpec } from "./spec.ts";
export { ARTBOARDS, COMPUTED_COLOR, INK, type Artboard, type ArtboardName } from "./theme.ts";
export { finishPlot, type FinishedPlot, type PlotWords } from "./finish-plot.ts";
