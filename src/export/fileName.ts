/** Names of exported files: the scenario's name as a slug and the tick, e.g. work-queue-t1200.csv. */

export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return s || 'run';
}

/** `part`: what the file holds when a run gives several of one type ("counters", "latency"). */
export function exportFileName(scenarioName: string, tick: number, ext: string, part?: string) {
  const base = `${slug(scenarioName)}-t${Math.max(0, Math.floor(tick))}`;
  return `${base}${part ? `-${slug(part)}` : ''}.${ext}`;
}
