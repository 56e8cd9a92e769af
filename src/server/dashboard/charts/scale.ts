// A value axis in whole numbers: a round top at or above the largest value, and 3 to 5 ticks up to it.

export interface Scale {
  top: number;
  ticks: number[];
}

export function countScale(max: number): Scale {
  const raw = Math.max(1, max) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!);
  const top = Math.max(step, step * Math.ceil(max / step));
  const ticks: number[] = [];
  for (let t = 0; t <= top; t += step) ticks.push(t);
  return { top, ticks };
}

/** SVG coordinates with one decimal: enough for a pixel, and the markup stays short. */
export const px = (value: number): number => Math.round(value * 10) / 10;
