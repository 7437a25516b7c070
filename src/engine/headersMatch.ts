/**
 * Headers-exchange matching (R4): the routing key is ignored; x-match 'all' (the default) needs
 * every binding header present and equal, 'any' needs one. Headers whose name starts with 'x-'
 * are left out of the comparison unless the match is 'all-with-x' or 'any-with-x'.
 */

type Headers = Record<string, string | number>;

export function headersMatch(binding: Headers, message: Headers | null, match: string): boolean {
  const withX = match === 'all-with-x' || match === 'any-with-x';
  const any = match === 'any' || match === 'any-with-x';
  let considered = 0;
  let equal = 0;
  for (const name of Object.keys(binding).sort()) {
    if (!withX && name.startsWith('x-')) continue;
    considered++;
    const mine =
      message && Object.prototype.hasOwnProperty.call(message, name) ? message[name] : undefined;
    if (mine !== undefined && mine === binding[name]) equal++;
  }
  if (considered === 0) return !any;
  return any ? equal > 0 : equal === considered;
}
