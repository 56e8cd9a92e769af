// Chart colours: bars at least 3:1 against the white page and the white gaps between them (WCAG non-text
// contrast), text at least 4.5:1. Colour never carries a number alone: every value is in the table beside the chart.

export const INK = '#1f2933'; // text: 14.8:1
export const MUTED = '#4a5562'; // axis labels: 7.6:1
export const GRID = '#c5ccd3'; // decorative gridlines
export const BAR = '#2458a6'; // 7.0:1
export const REACHED = '#6f94cc'; // 3.1:1, and 3.5:1 against FINISHED drawn over it
export const FINISHED = '#1b3d73'; // 10.7:1
export const SENT = '#2f7a45'; // 5.3:1
export const RETRIED = '#a15c07'; // 5.2:1
export const FAILED = '#b3261e'; // 6.5:1, hatched: red and amber look alike to many eyes
/** Heatmap: no events, then four levels up to the busiest day (the lightest is for the eye; counts are in the table). */
export const HEAT = ['#e4e8ec', '#8fcf9c', '#4aa564', '#2c7a43', '#174d28'] as const;
