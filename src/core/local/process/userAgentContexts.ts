// The browser, OS and device contexts Relay derives from an event's `request.headers` User-Agent when the SDK sent none,
// named as Sentry names them (ua-parser families: `Chrome 120.0.6099`, `Mac OS X 10.15.7`, device `Mac`), so that the
// `browser`, `os` and `device` tags a browser event has in Sentry appear here too. Covers the common browsers and
// systems; anything else gets no context rather than a wrong one.

type Context = Record<string, string>;

interface Rule {
  readonly pattern: RegExp;
  readonly name: string;
}

/** First match wins: the order matters where one browser's string contains another's (Edge and Opera carry Chrome's). */
const BROWSERS: readonly Rule[] = [
  { pattern: /\bEdgi?OS\/(\d+)(?:\.(\d+))?(?:\.(\d+))?/, name: 'Edge Mobile' },
  { pattern: /\bEdgA?\/(\d+)(?:\.(\d+))?(?:\.(\d+))?/, name: 'Edge' },
  { pattern: /\bOPR\/(\d+)(?:\.(\d+))?(?:\.(\d+))?/, name: 'Opera' },
  { pattern: /\bSamsungBrowser\/(\d+)(?:\.(\d+))?(?:\.(\d+))?/, name: 'Samsung Internet' },
  { pattern: /\bHeadlessChrome\/(\d+)(?:\.(\d+))?(?:\.(\d+))?/, name: 'HeadlessChrome' },
  { pattern: /\bCriOS\/(\d+)(?:\.(\d+))?(?:\.(\d+))?/, name: 'Chrome Mobile iOS' },
  { pattern: /\bFxiOS\/(\d+)(?:\.(\d+))?(?:\.(\d+))?/, name: 'Firefox iOS' },
  { pattern: /\bAndroid\b.*\bMobile\b.*\bFirefox\/(\d+)(?:\.(\d+))?(?:\.(\d+))?/, name: 'Firefox Mobile' },
  { pattern: /\bFirefox\/(\d+)(?:\.(\d+))?(?:\.(\d+))?/, name: 'Firefox' },
  { pattern: /\bAndroid\b.*\bChrome\/(\d+)(?:\.(\d+))?(?:\.(\d+))?.*\bMobile\b/, name: 'Chrome Mobile' },
  { pattern: /\bChrome\/(\d+)(?:\.(\d+))?(?:\.(\d+))?/, name: 'Chrome' },
  { pattern: /\b(?:iPhone|iPad|iPod)\b.*\bVersion\/(\d+)(?:\.(\d+))?(?:\.(\d+))?.*\bMobile\b/, name: 'Mobile Safari' },
  { pattern: /\bVersion\/(\d+)(?:\.(\d+))?(?:\.(\d+))?.*\bSafari\//, name: 'Safari' },
];

const SYSTEMS: readonly Rule[] = [
  { pattern: /\b(?:iPhone|CPU) OS (\d+)(?:_(\d+))?(?:_(\d+))?/, name: 'iOS' },
  { pattern: /\bAndroid (\d+)(?:\.(\d+))?(?:\.(\d+))?/, name: 'Android' },
  { pattern: /\bMac OS X (\d+)(?:[_.](\d+))?(?:[_.](\d+))?/, name: 'Mac OS X' },
  { pattern: /\bCrOS \S+ (\d+)(?:\.(\d+))?(?:\.(\d+))?/, name: 'Chrome OS' },
  { pattern: /\bUbuntu\b/, name: 'Ubuntu' },
  { pattern: /\bLinux\b/, name: 'Linux' },
];

/** `Windows NT 10.0` is Windows 10 (and 11, which says the same); older NT versions by their marketing names. */
const WINDOWS_VERSIONS: Readonly<Record<string, string>> = {
  '10.0': '10',
  '6.3': '8.1',
  '6.2': '8',
  '6.1': '7',
  '6.0': 'Vista',
  '5.1': 'XP',
};

type UserAgentContexts = { browser?: Context; os?: Context; device?: Context };

/**
 * Contexts per User-Agent: an app's events all carry the same one. Only those of at most 1,000 characters (all that is
 * read) are kept, so that no kept key is a slice holding a longer text alive.
 */
const knownAgents = new Map<string, UserAgentContexts>();
const MAX_KNOWN_AGENTS = 256;

/** The contexts of a User-Agent, as new objects: the event's contexts own them. */
export function userAgentContexts(userAgent: string): UserAgentContexts {
  let known = knownAgents.get(userAgent);
  if (known === undefined) {
    known = parsedContexts(userAgent.slice(0, 1000));
    if (knownAgents.size >= MAX_KNOWN_AGENTS) knownAgents.clear();
    if (userAgent.length <= 1000) knownAgents.set(userAgent, known);
  }
  const contexts: UserAgentContexts = {};
  if (known.browser) contexts.browser = { ...known.browser };
  if (known.os) contexts.os = { ...known.os };
  if (known.device) contexts.device = { ...known.device };
  return contexts;
}

function parsedContexts(ua: string): UserAgentContexts {
  const contexts: UserAgentContexts = {};
  const browser = firstMatch(BROWSERS, ua);
  if (browser) contexts.browser = { ...browser, type: 'browser' };
  const os = windowsOf(ua) ?? firstMatch(SYSTEMS, ua);
  if (os) contexts.os = { ...os, type: 'os' };
  const device = deviceOf(ua);
  if (device) contexts.device = { ...device, type: 'device' };
  return contexts;
}

function firstMatch(rules: readonly Rule[], ua: string): Context | undefined {
  for (const rule of rules) {
    const match = rule.pattern.exec(ua);
    if (match === null) continue;
    // Relay joins the parts ua-parser found: major, then .minor, then .patch.
    const parts = match.slice(1).filter((part): part is string => part !== undefined);
    return parts.length > 0 ? { name: rule.name, version: parts.join('.') } : { name: rule.name };
  }
  return undefined;
}

function windowsOf(ua: string): Context | undefined {
  const nt = /\bWindows NT (\d+\.\d+)/.exec(ua)?.[1];
  if (nt !== undefined)
    return WINDOWS_VERSIONS[nt] === undefined
      ? { name: 'Windows' }
      : { name: 'Windows', version: WINDOWS_VERSIONS[nt] };
  return /\bWindows\b/.test(ua) ? { name: 'Windows' } : undefined;
}

/** Apple devices by kind, Android phones by the model they name; a desktop PC is no device (ua-parser's "Other"). */
function deviceOf(ua: string): Context | undefined {
  for (const kind of ['iPhone', 'iPad', 'iPod'])
    if (ua.includes(`(${kind};`) || ua.includes(`(${kind} `)) return { family: kind, model: kind, brand: 'Apple' };
  if (/\bMacintosh\b/.test(ua)) return { family: 'Mac', model: 'Mac', brand: 'Apple' };
  const model = /\bAndroid [\d.]+; (?:[a-z]{2}[-_][a-zA-Z]{2}; )?([^;)]+?)(?: Build\/[^;)]*)?\)/.exec(ua)?.[1]?.trim();
  if (model !== undefined && model !== '' && model !== 'K' && !/^(?:wv|Mobile|Tablet)$/.test(model))
    return { family: model, model };
  return undefined;
}

/** The event's User-Agent from `request.headers`, an object or a list of pairs, any case. */
export function requestUserAgent(request: Record<string, unknown> | undefined): string | undefined {
  const headers = request?.['headers'];
  const pairs: unknown[] = Array.isArray(headers)
    ? headers
    : typeof headers === 'object' && headers !== null
      ? Object.entries(headers)
      : [];
  for (const pair of pairs) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') continue;
    if (pair[0].toLowerCase() === 'user-agent') return pair[1];
  }
  return undefined;
}

/** The event's contexts with those derived from its User-Agent added where the SDK sent none, as Relay does. */
export function withUserAgentContexts(
  contexts: Record<string, unknown> | undefined,
  request: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  const userAgent = requestUserAgent(request);
  if (userAgent === undefined) return contexts;
  const derived = Object.entries(userAgentContexts(userAgent)).filter(([key]) => contexts?.[key] === undefined);
  return derived.length === 0 ? contexts : { ...contexts, ...Object.fromEntries(derived) };
}
