// An events-over-time bar chart drawn as inline SVG elements (no markup strings), with a text summary for screen readers.
import type { ChartView } from '../../core/format/issueViewModel';
import { barsOf } from '../../core/format/sparkline';
import { h, svg } from '../dom';

const width = 240;
const height = 40;

export function renderChart(chart: ChartView): HTMLElement {
  const bars = barsOf(chart.buckets, width, height);
  const summary = `${chart.label}: ${chart.total}`;
  const drawing = svg(
    'svg',
    {
      class: 'chart',
      viewBox: `0 0 ${width} ${height}`,
      preserveAspectRatio: 'none',
      role: 'img',
      'aria-label': summary,
    },
    svg('title', {}, summary),
    svg('line', { class: 'chart-axis', x1: 0, y1: height - 0.5, x2: width, y2: height - 0.5 }),
    ...bars.map((bar) =>
      svg(
        'rect',
        {
          class: 'chart-bar',
          x: bar.x.toFixed(2),
          y: bar.y.toFixed(2),
          width: bar.width.toFixed(2),
          height: bar.height.toFixed(2),
        },
        svg('title', {}, `${bar.iso.slice(0, 16).replace('T', ' ')} UTC: ${bar.count}`),
      ),
    ),
  );
  return h(
    'figure',
    { className: 'chart-figure', testId: `chart-${chart.id}` },
    h(
      'figcaption',
      {},
      h('span', { className: 'chart-label' }, chart.label),
      h('span', { className: 'chart-total' }, chart.total),
    ),
    chart.buckets.length > 0 ? drawing : h('p', { className: 'muted' }, 'No data'),
  );
}
