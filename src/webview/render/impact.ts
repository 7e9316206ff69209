// The user impact section: counts, first and last seen, releases, environments, event charts and tag distributions.
import type { EnvironmentView, ImpactView, TagDistribution, TimeView } from '../../core/format/issueViewModel';
import { h, section, svg } from '../dom';
import { renderChart } from './chart';

function time(view: TimeView | undefined): HTMLElement | string {
  return view ? h('time', { attrs: { datetime: view.iso, title: view.iso } }, view.relative) : '—';
}

function fact(label: string, value: HTMLElement | string, testId: string): HTMLElement {
  return h('div', { className: 'fact' }, h('dt', {}, label), h('dd', { testId }, value));
}

function shareBar(percent: number): SVGSVGElement {
  return svg(
    'svg',
    { class: 'share', viewBox: '0 0 100 6', preserveAspectRatio: 'none', 'aria-hidden': 'true' },
    svg('rect', { class: 'share-track', x: 0, y: 0, width: 100, height: 6 }),
    svg('rect', { class: 'share-fill', x: 0, y: 0, width: percent, height: 6 }),
  );
}

function distribution(tag: TagDistribution): HTMLElement {
  return h(
    'div',
    { className: 'distribution', testId: `distribution-${tag.key}` },
    h('h3', {}, tag.name),
    h(
      'ul',
      {},
      ...tag.values.map((value) =>
        h(
          'li',
          {},
          h('span', { className: 'share-value' }, value.value),
          h('span', { className: 'share-percent' }, `${value.percent}%`),
          shareBar(value.percent),
        ),
      ),
    ),
  );
}

/** `production 25 events (89%)` per environment, so staging noise is not mistaken for production pain. */
function environments(views: readonly EnvironmentView[]): HTMLElement | string {
  if (views.length === 0) return '—';
  return h(
    'ul',
    { className: 'environments' },
    ...views.map((view) =>
      h(
        'li',
        { testId: 'impact-environment' },
        h('span', { className: 'environment-name' }, view.name),
        view.count !== undefined &&
          h('span', { className: 'environment-count' }, ` ${view.count} ${view.count === '1' ? 'event' : 'events'}`),
        view.percent !== undefined && h('span', { className: 'environment-share' }, ` (${view.percent}%)`),
      ),
    ),
  );
}

export function renderImpact(impact: ImpactView): HTMLElement {
  return section(
    'impact',
    'User impact',
    h(
      'dl',
      { className: 'facts' },
      fact('Events', impact.events, 'impact-events'),
      impact.users !== undefined && fact('Users', impact.users, 'impact-users'),
      fact('First seen', time(impact.firstSeen), 'impact-first-seen'),
      fact('Last seen', time(impact.lastSeen), 'impact-last-seen'),
      fact('First release', impact.firstRelease ?? '—', 'impact-first-release'),
      fact('Last release', impact.lastRelease ?? '—', 'impact-last-release'),
      fact('Environments', environments(impact.environments), 'impact-environments'),
    ),
    impact.charts.length > 0 && h('div', { className: 'charts' }, ...impact.charts.map(renderChart)),
    impact.distributions.length > 0 &&
      h(
        'div',
        { className: 'distributions' },
        ...impact.distributions.filter((tag) => tag.values.length > 0).map(distribution),
      ),
  );
}
