// Who may talk to the local server: requests whose Host names the loopback interface (a DNS-rebinding page names its own
// domain instead) and, when a browser sends an Origin, pages served from loopback or explicitly allowed origins.
import { isLoopbackHostname } from '../loopback';

/** `localhost`, `*.localhost`, `127.x.x.x` and `[::1]`, with or without a port. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined || host === '') return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
  return isLoopbackHostname(name);
}

/** A browser page's origin that may post events and read answers: loopback pages, or one of `allowed` exactly. */
export function isAllowedOrigin(origin: string, allowed: readonly string[]): boolean {
  if (allowed.includes(origin)) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHostname(url.hostname);
  } catch {
    return false;
  }
}
