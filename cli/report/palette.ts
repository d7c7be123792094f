/**
 * Colours of the report: a calm base and one accent per meaning, readable by people with the
 * common colour-vision deficiencies (blue/orange contrast; red only with a label beside it).
 */
const PALETTE = {
  ink: '#1f2933',
  muted: '#616e7c',
  grid: '#e4e7eb',
  background: '#ffffff',
  bar: '#2f6fb0',
  accent: '#d9822b',
  danger: '#c23030',
  ok: '#2d8a4e',
  neutral: '#9aa5b1',
} as const;

/** Distinct series colours, in order. */
const SERIES = ['#2f6fb0', '#d9822b', '#7a5195', '#2d8a4e', '#c23030', '#9aa5b1', '#ffa600'] as const;

export { PALETTE, SERIES };
