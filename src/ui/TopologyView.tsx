/**
 * Host of the topology (SVG) and the moving messages (canvas on top). React renders the boxes
 * once per scenario; the renderers then draw every animation frame straight from the store's
 * frame subscription, so React never re-renders for animation. A click on a dot selects its
 * message (journey); a click or Enter on a node opens its inspector. The timeline sits right
 * under the stage, so both fit on a 1280×720 projector without scrolling.
 * Nodes can be dragged (or moved with Shift + arrows: stageKeys.ts) and the stage zoomed and
 * panned (stageInteract.ts); where nodes were
 * dragged and the zoom are view state per scenario (store/stageLayout.ts), applied to the SVG
 * and the canvas through a subscription, so a drag re-renders no React either.
 */
import { Suspense, useEffect, useId, useMemo, useRef } from 'react';
import { formatThousands } from './format';
import { offsetsOf, stageLayout, viewOf } from '../store/stageLayout';
import { movedLayout, type DraggedLayoutAccess } from '../viz/layoutDrag';
import { attachStageInteraction, type StageInteraction } from '../viz/stageInteract';
import { attachStageKeys } from '../viz/stageKeys';
import { createStageTransform } from '../viz/stageTransform';
import { computeLayout } from '../viz/layout';
import { addedPartitions } from '../viz/layoutTopics';
import { mountEdgeCounts } from '../viz/edgeCounts';
import { mountFlights, type FlightsView } from '../viz/flights';
import { mountTopology } from '../viz/topology';
import { setTextIfChanged } from '../viz/domText';
import { LogLegend } from './LogLegend';
import { MessageLegend } from './MessageLegend';
import { PriorityLegend } from './PriorityLegend';
import { Timeline } from './Timeline';
import { WorkerLegend } from './WorkerLegend';
import { useRenderCount } from './renderCount';
import { useSim, useSimStore } from './SimStoreContext';
import { useResolvedPrefs } from './a11y/prefs';
import { lazyPanel } from './lazyPanel';
import { useShownScenario } from './useShownScenario';

const StageControls = lazyPanel('StageControls');
const TableView = lazyPanel('TableView');

/** `timeline: false` leaves the run's own timeline out (the compare view has one for both). */
export function TopologyView({ timeline = true }: { timeline?: boolean } = {}) {
  // An id per instance: the compare view shows two of each panel.
  const titleId = useId();
  useRenderCount('TopologyView');
  const store = useSimStore();
  const scenario = useShownScenario();
  const name = scenario.name;
  const stageRef = useRef<HTMLDivElement>(null);
  const interactRef = useRef<StageInteraction | null>(null);
  const svgHost = useRef<HTMLDivElement>(null);
  const canvasHost = useRef<HTMLDivElement>(null);
  const sampleNote = useRef<HTMLParagraphElement>(null);
  const moveNote = useRef<HTMLParagraphElement>(null);
  const flightsRef = useRef<FlightsView | null>(null);
  // Partitions the run adds (schedule and timeline), as a string so it changes only with them:
  // each gets its row in the layout from the start, empty until it exists.
  const added = useSim((s) => JSON.stringify([...addedPartitions(s.scenario, s.timeline)].sort()));
  // The stage takes the layout's shape (capped in CSS), so a tall topology gets more height.
  const layout = useMemo(
    () =>
      computeLayout(scenario, {
        addedPartitions: new Map(JSON.parse(added) as [string, number][]),
      }),
    [scenario, added],
  );
  const aspect = `${layout.width} / ${layout.height}`;
  const hasPriority = scenario.nodes.some((n) => n.kind === 'queue' && n.maxPriority !== undefined);
  const hasServices = scenario.nodes.some((n) => n.kind === 'service');
  const hasTopics = scenario.nodes.some((n) => n.kind === 'topic');
  // Issue 7: the renderers read the theme's palette when they mount, so a new theme remounts
  // them (sprites and all); reduced motion draws counts on the links instead of moving dots.
  const theme = useResolvedPrefs((p) => p.theme);
  const still = useResolvedPrefs((p) => p.reducedMotion);
  const tableView = useResolvedPrefs((p) => p.tableView);

  useEffect(() => {
    const svgEl = svgHost.current;
    const canvasEl = canvasHost.current;
    const stageEl = stageRef.current;
    if (!svgEl || !canvasEl || !stageEl) return;
    const { actions } = store.getState();
    const stage = createStageTransform(stageEl, layout);
    const shown = stageLayout.getState();
    stage.setView(viewOf(shown, name));
    let current = movedLayout(layout, offsetsOf(shown, name));
    const topology = mountTopology(svgEl, {
      layout: current,
      stage,
      raw: new Map(scenario.nodes.map((n) => [n.id, n as unknown as Record<string, unknown>])),
      title: `Topology of ${name}`,
      onSelectNode: (id) => actions.selectNode(id),
    });
    const flights = mountFlights(canvasEl, {
      layout: current,
      stage,
      onSample(total, drawn) {
        setTextIfChanged(
          sampleNote.current,
          drawn < total
            ? `Showing ${formatThousands(drawn)} of ${formatThousands(total)} moving messages (a fixed sample).`
            : '',
        );
      },
      still,
    });
    flightsRef.current = flights;
    // Reduced motion: counts on the links instead of dots, over the moved layout and the view.
    const mountCounts = () => (still ? mountEdgeCounts(canvasEl, current, stage) : null);
    let counts = mountCounts();
    const showZoom = () => stageEl.setAttribute('data-zoom', stage.view().k.toFixed(2));
    showZoom();
    const dragged: DraggedLayoutAccess = {
      base: () => layout,
      offsets: () => offsetsOf(stageLayout.getState(), name),
      setOffsets: (o) => stageLayout.getState().setOffsets(name, o),
    };
    const interaction = attachStageInteraction({
      ...dragged,
      element: stageEl,
      transform: stage,
      setView: (v) => stageLayout.getState().setView(name, v),
    });
    interactRef.current = interaction;
    // Shift + arrows move the focused node through the same offsets (stageKeys.ts).
    const unkey = attachStageKeys({
      ...dragged,
      element: stageEl,
      say: (text) => {
        if (moveNote.current) moveNote.current.textContent = text;
      },
    });
    // Drags and zooms reach the SVG and the canvas here, not through React.
    const unfollow = stageLayout.subscribe((s, prev) => {
      if (offsetsOf(s, name) !== offsetsOf(prev, name)) {
        current = movedLayout(layout, offsetsOf(s, name));
        topology.setLayout(current);
        flights.setLayout(current);
        counts?.destroy();
        counts = mountCounts();
      }
      if (viewOf(s, name) !== viewOf(prev, name)) {
        stage.setView(viewOf(s, name));
        topology.applyView();
        counts?.applyView();
        flights.redraw();
        showZoom();
      }
    });
    const draw = store.subscribeFrame((frame) => {
      topology.update(frame);
      flights.update(frame);
      counts?.update(frame);
    });
    const first = store.frame();
    topology.update(first);
    flights.update(first);
    counts?.update(first);
    return () => {
      draw();
      unfollow();
      interaction.destroy();
      unkey();
      interactRef.current = null;
      counts?.destroy();
      flightsRef.current = null;
      topology.destroy();
      flights.destroy();
    };
  }, [store, layout, name, scenario, theme, still]);

  // Capture phase: a dot over a node wins, and then the node does not open its inspector.
  // A click that ends a drag (of a node or the background) does nothing.
  const onClickCapture = (e: React.MouseEvent) => {
    if (interactRef.current?.takeClick()) {
      e.stopPropagation();
      e.preventDefault();
      return;
    }
    const hit = flightsRef.current?.hitTest(e.clientX, e.clientY);
    if (!hit) return;
    e.stopPropagation();
    store.getState().actions.selectMessage({ msgId: hit.msgId, originId: hit.originId });
  };

  return (
    <section className="panel topology" aria-labelledby={titleId}>
      <h2 id={titleId} className="visually-hidden">
        Topology and moving messages of {scenario.name}
      </h2>
      <div
        ref={stageRef}
        className="topology-stage"
        data-testid="stage"
        style={{ aspectRatio: aspect }}
        onClickCapture={onClickCapture}
      >
        <div ref={svgHost} className="topology-layer" />
        <div ref={canvasHost} className="topology-layer topology-layer--flights" />
      </div>
      {timeline ? <Timeline /> : null}
      {tableView ? (
        <Suspense fallback={null}>
          <TableView layout={layout} />
        </Suspense>
      ) : null}
      <div className="stage-foot">
        <MessageLegend />
        {hasPriority ? <PriorityLegend /> : null}
        {hasServices ? <WorkerLegend /> : null}
        {hasTopics ? <LogLegend /> : null}
        <p ref={sampleNote} className="sample-note" data-testid="sample-note" aria-live="off" />
        <p
          ref={moveNote}
          className="visually-hidden"
          aria-live="polite"
          aria-atomic="true"
          data-testid="move-note"
        />
        <Suspense fallback={null}>
          <StageControls scenarioName={name} width={layout.width} height={layout.height} />
        </Suspense>
      </div>
    </section>
  );
}
