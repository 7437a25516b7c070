/**
 * Dragging and zooming the topology: a dragged node takes its edges with it and the moving
 * messages follow the moved edges; a drag does not open the inspector but a click still does;
 * the wheel and the buttons zoom (the SVG and the canvas share one transform); reset layout puts
 * the nodes back; scrubbing keeps the dragged layout. Shift + arrows move a focused node through
 * the same offsets (and do not step the run or a lesson). On a touch screen a vertical swipe on
 * the background scrolls the page, while a finger still drags a node and two fingers pinch.
 */
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { captureErrors, findDot, pause, readTick, seekTo, stepUntilFlightsShow } from './helpers';
import { stepShown } from './lessonHelpers';

/** Drag from the middle of a node by (dx, dy) CSS pixels with the mouse. */
async function dragNode(page: Page, id: string, dx: number, dy: number) {
  const box = (await page.locator(`[data-node-id="${id}"]`).boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 8 });
  await page.mouse.up();
}

/**
 * Step forward (→, one tick each, at most `max`) until the canvas paints a dot on the edge `key`
 * away from where every edge was before the drag (`oldDs`); returns how many painted pixels lie
 * there, and the share of all painted pixels that lie on some edge now drawn.
 */
function stepUntilDotOnMovedEdge(page: Page, key: string, oldDs: string[], max: number) {
  return page.evaluate(
    ({ key, oldDs, max }) => {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas.flights-canvas')!;
      const ctx = canvas.getContext('2d')!;
      const svg = document.querySelector<SVGSVGElement>('svg.topology-svg')!;
      const ghosts = oldDs.map((d) => {
        const ghost = document.createElementNS('http://www.w3.org/2000/svg', 'path');
        ghost.setAttribute('d', d);
        svg.querySelector('g.edges')!.appendChild(ghost);
        return ghost;
      });
      /** Points along a path, in client pixels. */
      const sample = (p: SVGPathElement) => {
        const m = p.getScreenCTM()!;
        const len = p.getTotalLength();
        const pts: [number, number][] = [];
        for (let l = 0; l <= len; l += 3) {
          const q = p.getPointAtLength(l);
          pts.push([m.a * q.x + m.c * q.y + m.e, m.b * q.x + m.d * q.y + m.f]);
        }
        return pts;
      };
      const dist = (pts: [number, number][], x: number, y: number) =>
        Math.min(...pts.map(([a, b]) => Math.hypot(a - x, b - y)));
      const moved = sample(svg.querySelector<SVGPathElement>(`path[data-edge="${key}"]`)!);
      const old = ghosts.map(sample);
      for (const g of ghosts) g.remove();
      const all = [...svg.querySelectorAll<SVGPathElement>('path.edge:not(.is-hidden)')].map(
        sample,
      );
      const rect = canvas.getBoundingClientRect();
      for (let i = 0; i <= max; i++) {
        const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        let onMoved = 0;
        let painted = 0;
        let onSomeEdge = 0;
        for (let y = 0; y < height; y += 3)
          for (let x = 0; x < width; x += 3) {
            if (data[(y * width + x) * 4 + 3]! < 200) continue;
            const cx = rect.left + (x / width) * rect.width;
            const cy = rect.top + (y / height) * rect.height;
            painted++;
            if (all.some((pts) => dist(pts, cx, cy) < 14)) onSomeEdge++;
            if (dist(moved, cx, cy) < 10 && old.every((pts) => dist(pts, cx, cy) > 30)) onMoved++;
          }
        if (onMoved > 0) return { onMoved, share: onSomeEdge / painted, steps: i };
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      }
      return { onMoved: 0, share: 0, steps: max };
    },
    { key, oldDs, max },
  );
}

/** The default preset paused at tick 300, and where its queue and edges are drawn then. */
async function queueAtTick300(page: Page) {
  await page.goto('./');
  await pause(page);
  await seekTo(page, 300);
  const node = page.locator('[data-node-id="tasks"]');
  const edge = page.locator('path[data-edge="tasks→worker-b"]');
  return {
    node,
    edge,
    where: await node.getAttribute('transform'),
    path: (await edge.getAttribute('d'))!,
    paths: await page.locator('path.edge').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')!)),
  };
}

test('a dragged node takes its edges along, and the moving messages follow them', async ({
  page,
}) => {
  const errors = captureErrors(page);
  const { node, edge, where, path, paths } = await queueAtTick300(page);

  // The queue up: its edges to both workers start higher.
  await dragNode(page, 'tasks', 0, -70);
  expect(await node.getAttribute('transform')).not.toBe(where);
  expect(await edge.getAttribute('d')).not.toBe(path);
  // A drag is not a click: no inspector.
  await expect(page.getByTestId('inspector')).toHaveCount(0);

  // Dots on that edge are drawn along its new curve, not the old one.
  const seen = await stepUntilDotOnMovedEdge(page, 'tasks→worker-b', paths, 300);
  expect(seen.onMoved, 'painted pixels on the moved edge').toBeGreaterThan(0);
  expect(seen.share, 'painted pixels lying on a drawn edge').toBeGreaterThan(0.9);

  // Scrubbing keeps the dragged layout.
  const moved = await node.getAttribute('transform');
  await seekTo(page, 100);
  expect(await node.getAttribute('transform')).toBe(moved);

  // Reset layout puts it back.
  await page.getByTestId('reset-layout').click();
  expect(await node.getAttribute('transform')).toBe(where);
  expect(await edge.getAttribute('d')).toBe(path);
  await expect(page.getByTestId('reset-layout')).toBeDisabled();
  expect(errors).toEqual([]);
});

test('a click on a node still opens its inspector, and a click on a dot its message', async ({
  page,
}) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await pause(page);
  await seekTo(page, 1500);
  await dragNode(page, 'worker-a', -70, 0);
  await expect(page.getByTestId('inspector')).toHaveCount(0);
  await page.locator('[data-node-id="worker-a"]').click();
  await expect(page.getByTestId('inspector')).toContainText('Worker A');
  await page.getByRole('button', { name: 'Close the inspector' }).click();

  // Zoomed in, a dot is still where the click lands.
  await page.getByTestId('zoom-in').click();
  expect(await stepUntilFlightsShow(page, 300)).toBeGreaterThan(0);
  const dot = await findDot(page);
  expect(dot).not.toBeNull();
  await page.mouse.click(dot!.x, dot!.y);
  await expect(page.getByTestId('journey')).toBeVisible();
  await expect(page.getByTestId('inspector')).toHaveCount(0);
  await page.getByTestId('reset-layout').click();
  await page.getByTestId('zoom-fit').click();
  expect(errors).toEqual([]);
});

test('the wheel zooms around the pointer, the buttons zoom and fit, dragging the background pans', async ({
  page,
}) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await pause(page);
  const svg = page.locator('svg.topology-svg');
  const stage = page.getByTestId('stage');
  const whole = (await svg.getAttribute('viewBox'))!;
  const viewBox = async () => (await svg.getAttribute('viewBox'))!.split(' ').map(Number);

  // Wheel over the queue: the picture grows, and the queue stays under the pointer.
  const queue = page.locator('[data-node-id="tasks"]');
  const q0 = (await queue.boundingBox())!;
  const px = q0.x + q0.width / 2;
  const py = q0.y + q0.height / 2;
  await page.mouse.move(px, py);
  await page.mouse.wheel(0, -300);
  await expect(stage).not.toHaveAttribute('data-zoom', '1.00');
  const zoomed = Number(await stage.getAttribute('data-zoom'));
  expect(zoomed).toBeGreaterThan(1.2);
  const q1 = (await queue.boundingBox())!;
  expect(q1.width).toBeGreaterThan(q0.width * 1.2);
  expect(Math.abs(q1.x + q1.width / 2 - px)).toBeLessThan(3);
  expect(Math.abs(q1.y + q1.height / 2 - py)).toBeLessThan(3);

  // Dragging the background pans.
  const before = await viewBox();
  const free = await page.evaluate(() => {
    const r = document.querySelector('[data-testid="stage"]')!.getBoundingClientRect();
    for (let y = r.top + 20; y < r.bottom - 40; y += 10)
      for (let x = r.left + 20; x < r.left + r.width / 2; x += 10) {
        const el = document.elementFromPoint(x, y);
        if (el?.closest('.topology-svg') && !el.closest('[data-node-id]')) return { x, y };
      }
    return null;
  });
  expect(free, 'a point of the background').not.toBeNull();
  await page.mouse.move(free!.x, free!.y);
  await page.mouse.down();
  await page.mouse.move(free!.x + 100, free!.y, { steps: 5 });
  await page.mouse.up();
  const after = await viewBox();
  expect(after[0]).toBeLessThan(before[0]!);
  expect(after[2]).toBeCloseTo(before[2]!);

  // Buttons: out, in, fit.
  await page.getByTestId('zoom-out').click();
  expect(Number(await stage.getAttribute('data-zoom'))).toBeCloseTo(zoomed / 1.25, 1);
  await page.getByTestId('zoom-in').click();
  await page.getByTestId('zoom-in').click();
  expect(Number(await stage.getAttribute('data-zoom'))).toBeCloseTo(zoomed * 1.25, 1);
  await page.getByTestId('zoom-fit').click();
  await expect(svg).toHaveAttribute('viewBox', whole);
  await expect(stage).toHaveAttribute('data-zoom', '1.00');
  expect(errors).toEqual([]);
});

/** The top-left corner of a node's box (layout units), from its transform. */
async function corner(page: Page, id: string): Promise<[number, number]> {
  const t = (await page.locator(`[data-node-id="${id}"]`).getAttribute('transform'))!;
  const m = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(t);
  expect(m, `transform of ${id}: ${t}`).not.toBeNull();
  return [Number(m![1]), Number(m![2])];
}

test('Shift + arrows move the focused node like a drag; the run does not step; Reset undoes it', async ({
  page,
}) => {
  const errors = captureErrors(page);
  const { node, edge, where, path, paths } = await queueAtTick300(page);
  const [x0, y0] = await corner(page, 'tasks');

  await node.focus();
  // Shift + → would step to the next event; on a focused node it moves the node instead.
  await page.keyboard.press('Shift+ArrowRight');
  expect(await corner(page, 'tasks')).toEqual([x0 + 10, y0]);
  expect(await readTick(page)).toBe(300);
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('Shift+ArrowUp');
  // Alt too: five times as far.
  await page.keyboard.press('Alt+Shift+ArrowUp');
  expect(await corner(page, 'tasks')).toEqual([x0 + 10, y0 - 70]);
  expect(await readTick(page)).toBe(300);
  await expect(node).toBeFocused();
  await expect(page.getByTestId('inspector')).toHaveCount(0);
  await expect(page.getByTestId('move-note')).toHaveText(
    /^tasks is 10 right and 70 up of its place\.$/,
  );
  // Its edges follow, and the moving messages follow the edges.
  expect(await edge.getAttribute('d')).not.toBe(path);
  const seen = await stepUntilDotOnMovedEdge(page, 'tasks→worker-b', paths, 300);
  expect(seen.onMoved, 'painted pixels on the moved edge').toBeGreaterThan(0);
  expect(seen.share, 'painted pixels lying on a drawn edge').toBeGreaterThan(0.9);

  // Plain arrows still step the run from a focused node.
  const tick = await readTick(page);
  await node.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tick')).toHaveText(String(tick + 1));
  expect(await corner(page, 'tasks')).toEqual([x0 + 10, y0 - 70]);

  // Up against the top of the picture: it stops there, and says so.
  for (let i = 0; i < 10; i++) await page.keyboard.press('Alt+Shift+ArrowUp');
  const [, yTop] = await corner(page, 'tasks');
  expect(yTop).toBeGreaterThanOrEqual(0);
  await expect(page.getByTestId('move-note')).toHaveText(/at the edge of the picture\.$/);

  await page.getByTestId('reset-layout').click();
  expect(await node.getAttribute('transform')).toBe(where);
  expect(await edge.getAttribute('d')).toBe(path);
  await expect(page.getByTestId('reset-layout')).toBeDisabled();
  expect(errors).toEqual([]);
});

test('in a lesson, Shift + → on a node moves the node, not to the next step', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto('./#lesson=why-queues&step=1');
  await stepShown(page, 1);
  const counter = page.getByTestId('lesson-counter');
  const shown = (await counter.textContent())!;
  expect(shown).toMatch(/^Step 1 of [2-9]/);
  const node = page.locator('[data-node-id]').last();
  const id = (await node.getAttribute('data-node-id'))!;
  const [x0, y0] = await corner(page, id);
  await node.focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowUp');
  expect(await corner(page, id)).toEqual([x0, y0 - 10]);
  await expect(counter).toHaveText(shown);
  // The lesson's own → still goes on from anywhere else.
  await page.locator('body').focus();
  await page.keyboard.press('ArrowRight');
  await stepShown(page, 2);
  expect(errors).toEqual([]);
});

test.describe('touch on the stage', () => {
  test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });

  type Finger = { x: number; y: number };
  const touch = (
    cdp: CDPSession,
    type: 'touchStart' | 'touchMove' | 'touchEnd',
    fingers: Finger[],
  ) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: fingers });

  /** Move fingers from `from` to `to` in `steps` steps, then lift them. */
  async function gesture(cdp: CDPSession, from: Finger[], to: Finger[], steps = 10) {
    await touch(cdp, 'touchStart', from);
    for (let i = 1; i <= steps; i++) {
      const at = from.map((f, j) => ({
        x: f.x + ((to[j]!.x - f.x) * i) / steps,
        y: f.y + ((to[j]!.y - f.y) * i) / steps,
      }));
      await touch(cdp, 'touchMove', at);
    }
    await touch(cdp, 'touchEnd', []);
  }

  /** A point of the stage's background (no node under it), in the stage's left half. */
  const background = (page: Page) =>
    page.evaluate(() => {
      const r = document.querySelector('[data-testid="stage"]')!.getBoundingClientRect();
      for (let y = r.top + r.height / 2; y < r.bottom - 20; y += 10)
        for (let x = r.left + 20; x < r.left + r.width / 2; x += 10) {
          // Clear of nodes all around: a touch is snapped to a nearby node (touch adjustment).
          const clear = [-30, 0, 30].every((dx) =>
            [-30, 0, 30].every((dy) => {
              const el = document.elementFromPoint(x + dx, y + dy);
              return el?.closest('.topology-svg') && !el.closest('[data-node-id], .broker-region');
            }),
          );
          if (clear) return { x, y };
        }
      return null;
    });

  test('a vertical swipe on the background scrolls the page; a finger drags a node; two pinch', async ({
    page,
  }) => {
    const errors = captureErrors(page);
    await page.goto('./');
    await pause(page);
    const stage = page.getByTestId('stage');
    const svg = page.locator('svg.topology-svg');
    const viewBox = () => svg.getAttribute('viewBox');
    const scrollY = () => page.evaluate(() => window.scrollY);
    // A swipe flings: the page may still be scrolling when the finger has left, and a touch
    // during a fling only stops it (no tap). Back to the top, then still for 20 frames.
    const backToTop = () =>
      page.evaluate(async () => {
        const frame = () => new Promise((r) => requestAnimationFrame(r));
        for (let still = 0; still < 20;) {
          window.scrollTo(0, 0);
          await frame();
          still = window.scrollY === 0 ? still + 1 : 0;
        }
      });
    // What the browser is allowed to do with a finger: scroll vertically over the background,
    // nothing over a node (the stage handles it all).
    const touchAction = (sel: string) =>
      page
        .locator(sel)
        .first()
        .evaluate((el) => getComputedStyle(el).touchAction);
    expect(await touchAction('[data-testid="stage"]')).toBe('pan-y');
    expect(await touchAction('[data-node-id="tasks"]')).toBe('none');
    const cdp = await page.context().newCDPSession(page);

    // One finger up the background: the page scrolls, the view does not pan.
    const box0 = (await stage.boundingBox())!;
    const free = await background(page);
    expect(free, 'a point of the background').not.toBeNull();
    const view0 = await viewBox();
    expect(await scrollY()).toBe(0);
    await gesture(cdp, [free!], [{ x: free!.x, y: free!.y - 250 }]);
    await expect.poll(scrollY).toBeGreaterThan(100);
    expect(await viewBox()).toBe(view0);
    await expect(stage).toHaveAttribute('data-zoom', '1.00');
    await backToTop();

    // A tap on a node still opens its inspector.
    const q1 = (await page.locator('[data-node-id="tasks"]').boundingBox())!;
    await page.touchscreen.tap(q1.x + q1.width / 2, q1.y + q1.height / 2);
    await expect(page.getByTestId('inspector')).toContainText('tasks');
    await page.getByRole('button', { name: 'Close the inspector' }).click();
    await backToTop();

    // A finger on a node drags it, up as well as sideways, and the page stays put.
    const [x0, y0] = await corner(page, 'tasks');
    const q = (await page.locator('[data-node-id="tasks"]').boundingBox())!;
    const qc = { x: q.x + q.width / 2, y: q.y + q.height / 2 };
    await gesture(cdp, [qc], [{ x: qc.x + 40, y: qc.y - 60 }]);
    const [x1, y1] = await corner(page, 'tasks');
    expect(x1).toBeGreaterThan(x0 + 20);
    expect(y1).toBeLessThan(y0 - 30);
    expect(await scrollY()).toBe(0);
    expect(await viewBox()).toBe(view0);
    await expect(page.getByTestId('inspector')).toHaveCount(0);

    // Two fingers spreading apart zoom in, and the page neither scrolls nor zooms.
    const mid = { x: box0.x + box0.width / 2, y: box0.y + box0.height / 2 };
    await gesture(
      cdp,
      [
        { x: mid.x - 40, y: mid.y - 10 },
        { x: mid.x + 40, y: mid.y + 10 },
      ],
      // The midpoint drifts up a little too, as fingers do: still no page scroll.
      [
        { x: mid.x - 140, y: mid.y - 200 },
        { x: mid.x + 140, y: mid.y - 80 },
      ],
    );
    expect(Number(await stage.getAttribute('data-zoom'))).toBeGreaterThan(2);
    expect(await scrollY()).toBe(0);
    expect(await page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1);

    // One finger sideways on the background pans the zoomed view.
    const zoomed = (await viewBox())!.split(' ').map(Number);
    const spot = (await background(page)) ?? { x: box0.x + 30, y: mid.y };
    await gesture(cdp, [spot], [{ x: spot.x + 120, y: spot.y }]);
    const panned = (await viewBox())!.split(' ').map(Number);
    expect(panned[0]).toBeLessThan(zoomed[0]!);
    expect(panned[2]).toBeCloseTo(zoomed[2]!);
    expect(await scrollY()).toBe(0);
    expect(errors).toEqual([]);
  });
});
