/**
 * The store's tuning constants in one place, each with the reason for its value. The figures
 * they were chosen from are in docs/ui.md ("Time travel").
 */

/**
 * Checkpoint every this many ticks at first. A preset's state is 15–30 KB of JSON (0.1 ms to
 * serialise) and replays at 100+ ticks per ms with the store's trace, so a seek replays at most
 * this many ticks plus the log's look-back below: ~10 ms. When the cache outgrows its bounds
 * the stride doubles (see checkpoints.ts).
 */
export const CHECKPOINT_STRIDE_TICKS = 500;

/**
 * A capture that costs more than this (a state with thousands of live messages: 3 MB of text
 * for 7,500 live messages, 12–30 ms to serialise) makes checkpoints rarer, in proportion (see
 * checkpoints.ts): at 25 ms, one every 8 strides, so captures take ~1 % of the main thread at
 * "as fast as possible" (each one delays a frame). Seeks in such a run replay further instead.
 */
export const CHECKPOINT_COST_MS = 5;

/**
 * How fast a capture serialises, to estimate its cost from its size: 3.1 MB (7,500 live
 * messages) took 12 ms in Node and 20–30 ms in Chromium on this machine; 150 KB/ms is the
 * cautious end. Estimated, not timed: one capture slowed by a busy machine (or a garbage
 * collection) would otherwise thin the cache for the rest of the run.
 */
export const CAPTURE_BYTES_PER_MS = 150_000;

/**
 * A capture that cost more than this makes the next ones wait for a task of their own (run.ts):
 * playing stops a frame's engine work at the checkpoint's tick. Cheaper ones (most presets:
 * well under 1 ms) are taken where they fall, so seeks replay through them without stopping.
 */
export const CAPTURE_COSTLY_MS = 2;

/** Bounds of the checkpoint cache: it is a cache, the truth is the deterministic replay. */
export const CHECKPOINT_MAX_COUNT = 400;
export const CHECKPOINT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * The event log shows the last LOG_MAX_EVENTS events that happened at most LOG_WINDOW_US of
 * simulated time before the current tick. Both bounds are part of the definition, so the log is
 * the same whichever way the current tick was reached (a seek replays just enough to rebuild it).
 */
export const LOG_MAX_EVENTS = 10_000;
export const LOG_WINDOW_US = 60_000_000;

/** Chart buckets: at least 1 s of simulated time, and at most this many over the whole run. */
export const BUCKET_MIN_US = 1_000_000;
export const BUCKETS_PER_RUN_MAX = 600;

/**
 * A seek's synchronous work before it continues in animation-frame slices (with a progress
 * notice), and the work per slice: the main thread is never blocked for more than ~50 ms.
 */
export const SEEK_SYNC_BUDGET_MS = 40;
export const SEEK_SLICE_BUDGET_MS = 12;

/**
 * "As fast as possible" draws the picture on one frame in FASTEST_DRAW_EVERY (30 per second on
 * a 60 Hz display) and gives the frames in between to the engine. On this machine, drawing
 * 7,500 moving messages plus the browser's rendering of the page (style, layout, paint, commit)
 * take 9–14 ms of a 16.7 ms frame, so a frame that draws has room for little engine work, and
 * one that does not draw has room for much. Engine work per frame of each kind, ms:
 */
export const FASTEST_DRAW_EVERY = 2;
export const FASTEST_DRAW_BUDGET_MS = 2;
export const FASTEST_ENGINE_BUDGET_MS = 10;

/**
 * Dots drawn at most; above this a fixed, deterministic sample is drawn and the page says so.
 * Where the canvas is rasterised in software (this machine's Chromium), each dot costs ~2 µs of
 * main thread plus raster time: 1,500 keeps a 5,000-message frame near 16.7 ms.
 */
export const DOT_CAP = 1500;

/** Trips kept at most (oldest dropped first); far above what can be seen. */
export const TRIPS_MAX = 50_000;

/** A message that leaves the system without an ack fades out over this much simulated time. */
export const FADE_US = 1_500_000;

/**
 * Moves inside the broker (routing to queues, dead-lettering, redrive) take no simulated time in
 * the engine; they are drawn over half a link latency, and at least this many ticks, so that
 * they can be seen (and only once the message got there).
 */
export const HOP_MIN_TICKS = 2;
