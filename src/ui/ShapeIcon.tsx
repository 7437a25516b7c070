/** A message shape for the legend, drawn like the canvas draws it (messageStyles.ts). */
import type { Shape } from '../viz/messageStyles';

export function ShapeIcon({ shape, color }: { shape: Shape; color: string }) {
  const stroked = shape === 'ring' || shape === 'check' || shape === 'cross';
  const common = {
    fill: stroked ? 'none' : color,
    stroke: color,
    strokeWidth: stroked ? 2.5 : 0,
    strokeLinecap: 'round' as const,
  };
  const shapes: Record<Shape, React.ReactNode> = {
    circle: <circle cx="8" cy="8" r="6" {...common} />,
    ring: <circle cx="8" cy="8" r="5" {...common} />,
    diamond: <polygon points="8,1 15,8 8,15 1,8" {...common} />,
    square: <rect x="2" y="2" width="12" height="12" {...common} />,
    triangle: <polygon points="8,1 15,14 1,14" {...common} />,
    check: <polyline points="2,8 6,13 14,3" {...common} />,
    cross: <path d="M3,3 L13,13 M13,3 L3,13" {...common} />,
    hexagon: <polygon points="1,8 4.5,2 11.5,2 15,8 11.5,14 4.5,14" {...common} />,
  };
  return (
    <svg width="16" height="16" aria-hidden="true" className="legend-shape">
      {shapes[shape]}
    </svg>
  );
}
