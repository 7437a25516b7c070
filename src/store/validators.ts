/**
 * The engine's validators load after the first paint (App.tsx starts it at mount) and whenever a
 * document or an input needs them. The page needs none to start: the default preset is checked
 * when the app is built (src/scenarios/catalog.ts) and by a unit test, and every input comes from
 * a panel that loads after the first paint too. Until they are here, applyInput refuses with a
 * notice rather than apply an unchecked input.
 */
export type Validators = typeof import('./validatorsChunk');

let loaded: Validators | null = null;
let pending: Promise<Validators> | null = null;

/** The validators, once loaded (null before). */
export const validators = (): Validators | null => loaded;

export function loadValidators(): Promise<Validators> {
  pending ??= import('./validatorsChunk').then(
    (m) => (loaded = m),
    (err: unknown) => {
      pending = null; // a failed fetch may be retried
      throw err;
    },
  );
  return pending;
}
