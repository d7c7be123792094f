import { describe, expect, it } from 'vitest';
import { barList } from '../../cli/report/bar-list.ts';
import { columnChart, niceMax } from '../../cli/report/column-chart.ts';
import { html, Markup } from '../../cli/report/html.ts';
import { buildPage } from '../../cli/report/page.ts';
import { shareRing } from '../../cli/report/share-ring.ts';
import { dataTable } from '../../cli/report/table.ts';
import { tag } from '../../cli/report/tag.ts';

describe('Report: pieces', () => {
  it('escapes every interpolated text and keeps markup as built', () => {
    // Act
    const out = html`<p title="${'a"b'}">
      ${'<script>alert(1)</script>'}${new Markup('<b>ok</b>')}${[html`<i>${'&'}</i>`]}
    </p>`;

    // Assess (Prettier lays the template out on several lines; the layout is not the point)
    expect(out.text.replace(/\n\s*/g, '')).toBe(
      '<p title="a&quot;b">&lt;script&gt;alert(1)&lt;/script&gt;<b>ok</b><i>&amp;</i></p>',
    );
  });

  it.each([
    { max: 0, bound: 1 },
    { max: 1, bound: 1 },
    { max: 3, bound: 5 },
    { max: 17, bound: 20 },
    { max: 51, bound: 100 },
    { max: 200, bound: 200 },
  ])('rounds the axis of $max up to $bound', ({ max, bound }) => {
    expect(niceMax(max)).toBe(bound);
  });

  it.each([
    { value: 0, tooltip: 'W01: 0 uses' },
    { value: 1, tooltip: 'W01: 1 use' },
    { value: 7, tooltip: 'W01: 7 uses' },
  ])('says $tooltip in the tooltip of a column of $value', ({ value, tooltip }) => {
    const chart = columnChart([{ label: 'W01', value }], { title: 'per week', unit: 'use' }).text;

    expect(chart).toContain(`<title>${tooltip}</title>`);
  });

  it('builds a page whose charts and tables carry what a record says as text, never as markup', () => {
    // Prepare
    const hostile = '</svg><script>alert(1)</script>';

    // Act
    const page = buildPage({
      title: 'T',
      subtitle: hostile,
      figures: [{ value: '1', label: hostile, tone: 'danger', aside: hostile }],
      sections: [
        {
          title: 'columns',
          content: columnChart([{ label: hostile, value: 2 }], { title: hostile, unit: 'use' }),
        },
        {
          title: 'bars',
          content: barList([{ label: hostile, parts: [{ name: hostile, value: 1 }] }], { title: 'b' }),
        },
        {
          title: 'ring',
          content: shareRing([{ name: hostile, value: 1, colour: '#000' }], { title: 'r', caption: 'c' }),
        },
        { title: 'table', content: dataTable(['h'], [[hostile, 3, tag(hostile, 'caution')]]) },
        { title: 'empty', content: columnChart([], { title: 'nothing', unit: 'use' }) },
      ],
    });

    // Assess
    expect(page).not.toContain('<script>');
    // subtitle, figure label and aside; column chart: label, title, column label, tooltip; bars:
    // label, legend, tooltip (label and name); ring: tooltip, legend; table: a cell and a tag.
    expect(page.match(/&lt;script&gt;/g)).toHaveLength(15);
    expect(page).toMatch(/^<!doctype html>\s*<html lang="en">/);
  });

  it('colours the parts named in its colours, and the others in series order', () => {
    // Prepare
    const rows = [
      {
        label: 'check',
        parts: [
          { name: 'pass', value: 2 },
          { name: 'fail', value: 1 },
        ],
      },
    ];

    // Act
    const chart = barList(rows, { title: 'statuses', colours: { fail: '#c23030' } }).text;

    // Assess
    const fills = [...chart.matchAll(/<rect[^>]*fill="(#[0-9a-f]{6})"[^>]*>\s*<title>check: \d (\w+)/g)];
    expect(fills.map(([, fill, name]) => `${name} ${fill}`)).toStrictEqual(['pass #2f6fb0', 'fail #c23030']);
  });
});
