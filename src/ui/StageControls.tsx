/**
 * Buttons over the topology stage for those without a wheel or two fingers (keyboard, touch):
 * zoom in, zoom out, fit the whole picture, and put every dragged node back. They change the
 * stage layout store (view state per scenario); the stage follows it by subscription.
 */
import { useStore } from 'zustand';
import { hasMoved, stageLayout, viewOf } from '../store/stageLayout';
import { FIT_VIEW, ZOOM_STEP, zoomCentre } from '../viz/stageView';

export function StageControls({
  scenarioName,
  width,
  height,
}: {
  scenarioName: string;
  width: number;
  height: number;
}) {
  const moved = useStore(stageLayout, (s) => hasMoved(s, scenarioName));
  const fitted = useStore(stageLayout, (s) => viewOf(s, scenarioName) === FIT_VIEW);
  const zoom = (factor: number) => {
    const s = stageLayout.getState();
    s.setView(scenarioName, zoomCentre(viewOf(s, scenarioName), factor, { width, height }));
  };
  return (
    <div className="stage-tools" role="toolbar" aria-label="Zoom and layout">
      <button
        type="button"
        className="btn btn--small"
        data-testid="zoom-in"
        aria-label="Zoom in"
        title="Zoom in (or turn the wheel over the picture)"
        onClick={() => zoom(ZOOM_STEP)}
      >
        +
      </button>
      <button
        type="button"
        className="btn btn--small"
        data-testid="zoom-out"
        aria-label="Zoom out"
        title="Zoom out"
        onClick={() => zoom(1 / ZOOM_STEP)}
      >
        −
      </button>
      <button
        type="button"
        className="btn btn--small"
        data-testid="zoom-fit"
        title="Show the whole picture"
        disabled={fitted}
        onClick={() => stageLayout.getState().setView(scenarioName, FIT_VIEW)}
      >
        Fit
      </button>
      <button
        type="button"
        className="btn btn--small"
        data-testid="reset-layout"
        title="Put every node back where it was laid out"
        disabled={!moved}
        onClick={() => stageLayout.getState().resetLayout(scenarioName)}
      >
        Reset layout
      </button>
    </div>
  );
}
