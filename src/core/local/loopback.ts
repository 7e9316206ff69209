// Which host names mean this machine's loopback interface: the one rule behind "a local Sentry needs no token" and the
// local server's DNS-rebinding guard, so the two can never disagree.

/** `localhost`, `*.localhost`, any `127.x.x.x` (127.0.0.0/8) and `::1` (bracketed or not), in any letter case. */
export function isLoopbackHostname(hostname: string): boolean {
  const name = hostname.toLowerCase();
  return (
    name === 'localhost' || name.endsWith('.localhost') || name === '[::1]' || name === '::1' || isLoopbackIpv4(name)
  );
}

/** Whether a URL names a loopback host; false for text that is not a URL. */
export function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHostname(new URL(url).hostname);
  } catch {
    return false;
  }
}

function isLoopbackIpv4(name: string): boolean {
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  return octets !== null && octets.slice(1).every((octet) => Number(octet) <= 255);
}
