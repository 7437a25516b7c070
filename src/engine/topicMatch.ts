/**
 * Topic-exchange matching (R2): keys are '.'-separated words; in a binding pattern '*' matches
 * exactly one word and '#' zero or more. An empty key is zero words.
 */

function words(s: string): string[] {
  return s === '' ? [] : s.split('.');
}

/** Does the routing key match the binding pattern? Dynamic programming, O(words²). */
export function topicMatches(pattern: string, key: string): boolean {
  const p = words(pattern);
  const k = words(key);
  // can[j] = the first i pattern words can match the first j key words.
  let can = new Array<boolean>(k.length + 1).fill(false);
  can[0] = true;
  for (let i = 0; i < p.length; i++) {
    const w = p[i]!;
    const next = new Array<boolean>(k.length + 1).fill(false);
    for (let j = 0; j <= k.length; j++) {
      if (w === '#') {
        // '#' absorbs zero words (can[j]) or one more word (next[j-1]).
        next[j] = can[j]! || (j > 0 && next[j - 1]!);
      } else if (j > 0 && can[j - 1]) {
        next[j] = w === '*' || w === k[j - 1];
      }
    }
    can = next;
  }
  return can[k.length]!;
}
