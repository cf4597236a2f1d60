/** `/join/CODE` carries a join code (a link or a QR code); every other path opens the current session. */
export function joinCodeFromPath(pathname: string): string | undefined {
  const m = /^\/join\/([^/?#]+)\/?$/.exec(pathname);
  return m?.[1] ? decodeURIComponent(m[1]) : undefined;
}
