/**
 * JSON from a link: parsed, then walked (without recursion) to refuse a `__proto__` key anywhere
 * and nesting deeper than any scenario needs. JSON.parse makes `__proto__` an own property, not
 * the prototype, but a later spread or merge of that object would set a prototype; refusing it
 * here keeps it from ever reaching one, whatever code later handles the value.
 */

export const JSON_DEPTH_MAX = 32;

export type SafeJson = { ok: true; value: unknown } | { ok: false; reason: string };

export function parseSafeJson(text: string): SafeJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      reason: `is not valid JSON (${e instanceof Error ? e.message : 'parse error'})`,
    };
  }
  const stack: { node: unknown; path: string; depth: number }[] = [
    { node: value, path: '', depth: 0 },
  ];
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= JSON_DEPTH_MAX)
      return { ok: false, reason: `is nested more than ${JSON_DEPTH_MAX} levels deep${at(path)}` };
    if (Array.isArray(node)) {
      node.forEach((item, i) =>
        stack.push({ node: item, path: `${path}[${i}]`, depth: depth + 1 }),
      );
      continue;
    }
    for (const key of Object.keys(node)) {
      if (key === '__proto__')
        return { ok: false, reason: `has a "__proto__" key${at(path)}, which is not allowed` };
      stack.push({
        node: (node as Record<string, unknown>)[key],
        path: path ? `${path}.${key}` : key,
        depth: depth + 1,
      });
    }
  }
  return { ok: true, value };
}

const at = (path: string) => (path ? ` (at ${path})` : '');
