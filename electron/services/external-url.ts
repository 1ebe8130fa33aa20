/** Only these schemes may leave the app; anything else (file:, javascript:, custom) is refused. */
export function isAllowedExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol);
  } catch {
    return false;
  }
}
