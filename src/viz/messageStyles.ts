/**
 * How a message is drawn, by its state: one table of colour and shape, so a state the engine
 * adds later is one row here (and a state this table does not know is drawn with DEFAULT_STYLE).
 * Shapes differ as well as colours, so states stay apart without colour vision. The colour each
 * theme draws comes from palette.ts (`styleOf`).
 */
import { palette, paletteTheme } from './palette';

export type Shape =
  'circle' | 'diamond' | 'square' | 'triangle' | 'ring' | 'check' | 'cross' | 'hexagon';

export interface MessageStyle {
  label: string;
  color: string;
  shape: Shape;
  /** Size relative to a message dot (acks are small marks). */
  scale?: number;
  /** Drawn this far below the edge (layout units), so it does not hide the messages on it. */
  offsetY?: number;
}

export const MESSAGE_STYLES: Readonly<Record<string, MessageStyle>> = {
  new: { label: 'New', color: '#2563eb', shape: 'circle' },
  redelivered: { label: 'Redelivered', color: '#d97706', shape: 'diamond' },
  retrying: { label: 'Retrying', color: '#7c3aed', shape: 'triangle' },
  deadLettered: { label: 'Dead-lettered', color: '#475569', shape: 'square' },
  duplicate: { label: 'Duplicate', color: '#dc2626', shape: 'ring' },
  ack: { label: 'Ack going back', color: '#059669', shape: 'check', scale: 0.8, offsetY: 9 },
  nack: { label: 'Nack going back', color: '#b91c1c', shape: 'cross', scale: 0.7, offsetY: 9 },
  // Synchronous requests between services (and from clients), with their answers.
  request: { label: 'Request (caller waits)', color: '#0f766e', shape: 'hexagon' },
  reply: { label: 'Reply going back', color: '#0f766e', shape: 'check', scale: 0.8, offsetY: 9 },
  replyFailed: {
    label: 'Error going back',
    color: '#b91c1c',
    shape: 'cross',
    scale: 0.7,
    offsetY: 9,
  },
  undo: { label: 'Undo (compensation)', color: '#b45309', shape: 'triangle' },
};

export const DEFAULT_STYLE: MessageStyle = { label: 'Other', color: '#0f766e', shape: 'circle' };

// Styles with the theme's colour (palette.ts), made once per theme and state: the sprite cache
// (dotSprites.ts) is keyed by colour, so a new theme draws new sprites.
const themed = new Map<string, MessageStyle>();

export const styleOf = (state: string): MessageStyle => {
  const key = `${paletteTheme()}|${state}`;
  let style = themed.get(key);
  if (!style) {
    const base = MESSAGE_STYLES[state] ?? DEFAULT_STYLE;
    style = { ...base, color: palette().message[state] ?? base.color };
    themed.set(key, style);
  }
  return style;
};

/** Colour of a message that left the system without an ack (fading out with its reason). */
export const GONE_COLOR = '#b91c1c';
/** The same in the current theme. */
export const goneColor = (): string => palette().gone;

/** Shapes drawn as lines rather than filled. */
export const isStroked = (shape: Shape): boolean =>
  shape === 'ring' || shape === 'check' || shape === 'cross';

/** Add one shape centred on (x, y) with "radius" r to the current path. */
export function shapePath(ctx: CanvasPath, shape: Shape, x: number, y: number, r: number): void {
  switch (shape) {
    case 'circle':
    case 'ring':
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      return;
    case 'diamond':
      ctx.moveTo(x, y - r * 1.25);
      ctx.lineTo(x + r * 1.25, y);
      ctx.lineTo(x, y + r * 1.25);
      ctx.lineTo(x - r * 1.25, y);
      ctx.closePath();
      return;
    case 'check':
      ctx.moveTo(x - r, y);
      ctx.lineTo(x - r * 0.3, y + r * 0.75);
      ctx.lineTo(x + r, y - r * 0.8);
      return;
    case 'cross':
      ctx.moveTo(x - r * 0.8, y - r * 0.8);
      ctx.lineTo(x + r * 0.8, y + r * 0.8);
      ctx.moveTo(x + r * 0.8, y - r * 0.8);
      ctx.lineTo(x - r * 0.8, y + r * 0.8);
      return;
    case 'square':
      ctx.rect(x - r, y - r, 2 * r, 2 * r);
      return;
    case 'hexagon':
      ctx.moveTo(x - r * 1.15, y);
      ctx.lineTo(x - r * 0.58, y - r);
      ctx.lineTo(x + r * 0.58, y - r);
      ctx.lineTo(x + r * 1.15, y);
      ctx.lineTo(x + r * 0.58, y + r);
      ctx.lineTo(x - r * 0.58, y + r);
      ctx.closePath();
      return;
    case 'triangle':
      ctx.moveTo(x, y - r * 1.2);
      ctx.lineTo(x + r * 1.15, y + r * 0.9);
      ctx.lineTo(x - r * 1.15, y + r * 0.9);
      ctx.closePath();
      return;
  }
}
