/**
 * The editor's draft, kept outside React so that it survives closing and reopening the editor
 * (until Apply loads it, Cancel drops it, or the page is reloaded). The text is the truth: the
 * form edits the last document that parsed and writes it back as text; the JSON view edits the
 * text, and while it does not parse the form waits.
 */
import { createStore } from 'zustand/vanilla';
import type { Scenario } from '../../engine';
import { scanJson, type SyntaxProblem } from './jsonLines';

/** Larger documents are refused (the largest preset is ~10 KB; the engine caps nodes at 200). */
export const MAX_DOCUMENT_BYTES = 1_000_000;

export interface Message {
  kind: 'error' | 'info';
  text: string;
}

export interface DraftState {
  /** The scenario the draft started from; null when there is no draft. */
  base: Scenario | null;
  text: string;
  /** The last document the text parsed to. */
  doc: unknown;
  /** Why the current text does not parse, or null. */
  syntax: SyntaxProblem | null;
  /** The node whose form is open, or the scenario's settings. */
  selected: number | 'scenario';
  view: 'form' | 'json';
  message: Message | null;
}

export const draftStore = createStore<DraftState>(() => ({
  base: null,
  text: '',
  doc: null,
  syntax: null,
  selected: 'scenario',
  view: 'form',
  message: null,
}));

const set = (partial: Partial<DraftState>) => draftStore.setState(partial);

export const showText = (doc: unknown) => JSON.stringify(doc, null, 2);

/** Parse a text as the draft would: the document, or where and why it does not parse. */
export function readText(
  text: string,
): { ok: true; doc: unknown } | { ok: false; error: SyntaxProblem } {
  if (text.length > MAX_DOCUMENT_BYTES)
    return {
      ok: false,
      error: {
        line: 1,
        column: 1,
        reason: `the document is ${(text.length / 1e6).toFixed(1)} MB; the editor takes up to 1 MB`,
      },
    };
  const scan = scanJson(text);
  if (!scan.ok) return { ok: false, error: scan.error };
  return { ok: true, doc: JSON.parse(text) as unknown };
}

export function startDraft(scenario: Scenario): void {
  const text = showText(scenario);
  set({
    base: scenario,
    text,
    doc: JSON.parse(text) as unknown,
    syntax: null,
    selected: 'scenario',
    message: null,
  });
}

export function setDoc(doc: unknown, message: Message | null = null): void {
  set({ doc, text: showText(doc), syntax: null, message });
}

export function setText(text: string): void {
  const read = readText(text);
  if (read.ok) set({ text, doc: read.doc, syntax: null });
  else set({ text, syntax: read.error });
}

export const select = (selected: DraftState['selected']) => set({ selected, view: 'form' });
export const setView = (view: DraftState['view']) => set({ view });
export const setMessage = (message: Message | null) => set({ message });

export function dropDraft(): void {
  set({ base: null, text: '', doc: null, syntax: null, selected: 'scenario', message: null });
}
