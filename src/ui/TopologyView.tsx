/**
 * Host of the topology (SVG) and the moving messages (canvas on top). React renders the two
 * empty boxes once per scenario; the renderers then draw every animation frame straight from
 * the store's frame subscription, so React never re-renders for animation.
 */
import { useEffect, useRef } from 'react';
import { computeLayout } from '../viz/layout';
import { mountFlights } from '../viz/flights';
import { mountTopology } from '../viz/topology';
import { useSim, useSimStore } from './SimStoreContext';

export function TopologyView() {
  const store = useSimStore();
  const scenario = useSim((s) => s.scenario);
  const svgHost = useRef<HTMLDivElement>(null);
  const canvasHost = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const svgEl = svgHost.current;
    const canvasEl = canvasHost.current;
    if (!svgEl || !canvasEl) return;
    const layout = computeLayout(scenario);
    const topology = mountTopology(svgEl, { layout, title: `Topology of ${scenario.name}` });
    const flights = mountFlights(canvasEl, { layout });
    const draw = store.subscribeFrame((frame) => {
      topology.update(frame);
      flights.update(frame);
    });
    const first = store.frame();
    topology.update(first);
    flights.update(first);
    return () => {
      draw();
      topology.destroy();
      flights.destroy();
    };
  }, [store, scenario]);

  return (
    <section className="panel topology" aria-labelledby="topology-title">
      <h2 id="topology-title" className="panel-title">
        {scenario.name}
      </h2>
      {scenario.description ? <p className="scenario-description">{scenario.description}</p> : null}
      <div className="topology-stage">
        <div ref={svgHost} className="topology-layer" />
        <div ref={canvasHost} className="topology-layer topology-layer--flights" />
      </div>
    </section>
  );
}
