// The few icons the page needs, drawn as inline SVG strokes in the text colour, so they follow the theme without
// loading a font (no codicon font is bundled).
import { svg } from './dom';

const paths = {
  check: 'M3 8.5l3 3 7-7',
  checkAll: 'M1.5 8.5l3 3 6-6M7.5 11.5l.5.5 6.5-6.5',
  reopen: 'M3 8a5 5 0 1 0 1.5-3.5M3 2.5V5h2.5',
  archive: 'M2 3h12v3H2zM3 6v7h10V6M6.5 9h3',
  person: 'M8 3a2.5 2.5 0 1 1 0 5a2.5 2.5 0 1 1 0-5zM3 14c0-3 2.2-4.5 5-4.5s5 1.5 5 4.5',
  external: 'M9 2.5h4.5V7M13.5 2.5L7 9M12 9.5v4H2.5V4h4',
  copy: 'M5.5 5.5h8v8h-8zM3 10.5h-.5v-8h8V3',
  refresh: 'M13 8a5 5 0 1 1-1.5-3.5M13 2v3h-3',
  debug: 'M5.5 4.5v7l6-3.5zM2.5 2.5v11',
  sparkle: 'M8 1.5l1.5 5 5 1.5-5 1.5-1.5 5-1.5-5-5-1.5 5-1.5z',
  chevronRight: 'M6 3.5l4.5 4.5L6 12.5',
  chevronDown: 'M3.5 6l4.5 4.5L12.5 6',
  settings:
    'M8 5.5a2.5 2.5 0 1 1 0 5a2.5 2.5 0 1 1 0-5zM8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4',
} as const;

export type IconName = keyof typeof paths;

export function icon(name: IconName): SVGSVGElement {
  return svg(
    'svg',
    {
      class: `icon icon-${name}`,
      viewBox: '0 0 16 16',
      width: 16,
      height: 16,
      'aria-hidden': 'true',
      focusable: 'false',
    },
    svg('path', {
      d: paths[name],
      fill: 'none',
      stroke: 'currentColor',
      'stroke-width': 1.3,
      'stroke-linecap': 'round',
      'stroke-linejoin': 'round',
    }),
  );
}
