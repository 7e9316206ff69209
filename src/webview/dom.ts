// Small builders for the page's DOM. Text only ever goes in through text nodes (`textContent`), never as markup, and
// attributes that could run code (`on…`, `style`, `href`, `src`) are refused, so event strings stay text.

export type Child = Node | string | false | null | undefined;

export interface ElementProps {
  readonly className?: string;
  readonly testId?: string;
  /** Marks a control so that focus returns to it after the page is redrawn. */
  readonly focusKey?: string;
  readonly attrs?: Readonly<Record<string, string>>;
}

const unsafeAttribute = /^(on|style$|href$|src$|srcdoc$|xlink:href$|formaction$|action$)/i;

function applyProps(element: Element, props: ElementProps): void {
  if (props.className) element.setAttribute('class', props.className);
  if (props.testId) element.setAttribute('data-testid', props.testId);
  if (props.focusKey) element.setAttribute('data-focus-key', props.focusKey);
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (unsafeAttribute.test(name)) throw new Error(`refusing to set the ${name} attribute`);
    element.setAttribute(name, value);
  }
}

function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  applyProps(element, props);
  append(element, children);
  return element;
}

const svgNamespace = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, string | number>> = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(svgNamespace, tag);
  applyProps(element, {
    attrs: Object.fromEntries(Object.entries(attrs).map(([name, value]) => [name, String(value)])),
  });
  append(element, children);
  return element;
}

export interface ButtonProps extends ElementProps {
  readonly label: string;
  readonly icon?: SVGElement;
  readonly title?: string;
  readonly disabled?: boolean;
  readonly onClick: () => void;
}

/**
 * A `<button>`. A disabled one stays focusable (`aria-disabled`) so that keyboard focus is not thrown to the page's
 * top when an action starts; its clicks are ignored.
 */
export function button(props: ButtonProps): HTMLButtonElement {
  const attrs = {
    type: 'button',
    ...(props.title ? { title: props.title } : {}),
    ...(props.disabled ? { 'aria-disabled': 'true' } : {}),
    ...props.attrs,
  };
  const element = h('button', { ...props, attrs }, props.icon, props.label && h('span', {}, props.label));
  element.addEventListener('click', () => {
    if (element.getAttribute('aria-disabled') !== 'true') props.onClick();
  });
  return element;
}

export function section(id: string, heading: string, ...children: Child[]): HTMLElement {
  return h(
    'section',
    { className: 'section', attrs: { 'aria-labelledby': `${id}-heading` } },
    h('h2', { attrs: { id: `${id}-heading` } }, heading),
    ...children,
  );
}

/** Key/value rows as a two-column table (tags, headers, user fields). */
export function keyValueTable(
  rows: ReadonlyArray<{ key: string; value: string }>,
  testId: string,
  caption: string,
): HTMLTableElement {
  return h(
    'table',
    { className: 'kv', testId },
    h('caption', { className: 'visually-hidden' }, caption),
    h(
      'tbody',
      {},
      ...rows.map((row) => h('tr', {}, h('th', { attrs: { scope: 'row' } }, row.key), h('td', {}, row.value))),
    ),
  );
}
