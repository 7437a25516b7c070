/**
 * Message dots as small pre-drawn bitmaps. Filling thousands of anti-aliased paths each frame is
 * the most expensive thing the page does where the canvas is rasterised in software; stamping
 * a bitmap is a plain copy. Sprites are drawn once per style and on-screen size.
 */
import { isStroked, shapePath, type MessageStyle } from './messageStyles';

export interface DotSprites {
  /** The sprite of a style at this radius in device pixels (cached). */
  get(style: MessageStyle, radiusPx: number): HTMLCanvasElement;
}

export function createDotSprites(): DotSprites {
  const cache = new Map<string, HTMLCanvasElement>();
  // The sprite each style got last, by the radius asked: the draw loop asks again whenever the
  // state changes from one dot to the next (acks among messages), so this skips building a key.
  const last = new Map<MessageStyle, { radiusPx: number; sprite: HTMLCanvasElement }>();
  return {
    get(style, radiusPx) {
      const hit = last.get(style);
      if (hit && hit.radiusPx === radiusPx) return hit.sprite;
      const sprite = spriteOf(style, radiusPx);
      last.set(style, { radiusPx, sprite });
      return sprite;
    },
  };

  function spriteOf(style: MessageStyle, radiusPx: number): HTMLCanvasElement {
    const r = Math.max(1, Math.round(radiusPx * (style.scale ?? 1) * 2) / 2);
    const key = `${style.shape}|${style.color}|${r}`;
    let sprite = cache.get(key);
    if (sprite) return sprite;
    const size = Math.ceil(r * 2.6 + 4);
    sprite = document.createElement('canvas');
    sprite.width = size;
    sprite.height = size;
    const c = sprite.getContext('2d');
    if (c) {
      c.beginPath();
      shapePath(c, style.shape, size / 2, size / 2, r);
      if (isStroked(style.shape)) {
        c.lineWidth = Math.max(1.5, r / 2);
        c.lineCap = 'round';
        c.lineJoin = 'round';
        c.strokeStyle = style.color;
        c.stroke();
      } else {
        c.fillStyle = style.color;
        c.fill();
      }
    }
    cache.set(key, sprite);
    return sprite;
  }
}
