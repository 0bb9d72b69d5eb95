// Placeholder until the TikTok API verification feature lands (owned by the API engineer).
export function ApiSection() {
  return null;
}
