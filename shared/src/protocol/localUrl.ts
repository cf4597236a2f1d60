/** The host of an absolute URL ("http://[::1]:3000/x" → "::1"), lower-cased; undefined for anything else. */
function hostOf(url: string): string | undefined {
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url.trim())?.[1];
  if (authority === undefined) return undefined;
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const host = hostPort.startsWith('[') ? hostPort.slice(1, hostPort.indexOf(']')) : hostPort.replace(/:\d*$/, '');
  return host === '' ? undefined : host.toLowerCase();
}

/**
 * A URL only the computer it runs on can open: localhost, a loopback address, or an unspecified one.
 * Printed on a join sheet or in a QR code it sends every province to its own machine.
 */
export function isLocalOnlyUrl(url: string): boolean {
  const host = hostOf(url);
  if (host === undefined) return false;
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1' || host === '0.0.0.0' || host === '::';
}
