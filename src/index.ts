// What a notebook imports: the one public entry, so that the stages behind it
// can move without touching a story.
export { notebook, runIfMain, type NotebookSpec } from "./build/index.ts";
export {
  barChart, claimsChart, COMPUTED_COLOR, finishPlot, formatDate, t, formatFigure, formatNumber, formatQualified, INK, labelledBars, locator, locatorMap, pointMap, qualifierWords, regionMap, smallTable, timelineChart, timeSeries, unitChart,
  timeline, unitRows, units,
  type Artboard, type ArtboardName, type BarShape, type BarsOptions, type ClaimsOptions, type LocatorChartOptions, type PointMapOptions, type RegionMapOptions, type SmallTableOptions, type TimelineChartOptions, type TimeSeriesOptions, type UnitChartOptions, type FinishedPlot, type PlotWords, type ChartContext, type ChartSpec, type LabelledBars,
  type LabelledBarsOptions, type LocatorOptions, type TimelineItem, type TimelineOptions, type UnitGroup, type Units, type Words, type FigureRef, type EventRef,
} from "./chart/index.ts";
export type {
  Agreement, DateBasis, EventEntry, Figure, FigureEntry, Ledger, Place, Qualifier, Skip, Unreviewed, Where,
} from "./ledger/index.ts";
export { gazetteerSource, place } from "./ledger/index.ts";
export { figureTable, readCsv, type FigureTableOptions, type ColumnType, type CsvSchema, type Row, type TableSpec } from "./tables/index.ts";
