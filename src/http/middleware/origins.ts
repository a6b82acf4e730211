/** ALLOWED_ORIGINS as both runtimes read it: a comma-separated list, where any `*` (or nothing) means every origin. */
export function parseOrigins(value: string): string[] | '*' {
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length === 0 || list.includes('*') ? '*' : list;
}
