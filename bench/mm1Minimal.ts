/**
 * The practical limit: a minimal hand-written M/M/1 simulation, the loop a performance-minded
 * programmer would write for this one model. Typed arrays throughout: a binary heap of
 * (time, seq) events, the FIFO as a ring of arrival times, no objects per message.
 *
 * For a fair comparison it draws its variates exactly as the engine does (the same sfc32 streams,
 * seeded by the same stream names, the same deterministic logarithm, rounded to whole µs), so
 * with the same seed it walks the same sample path and its sums must equal the engine's. The
 * Math.log variant shows what the deterministic logarithm costs.
 */
import { lnUnitFraction } from '../src/engine/detMath';
import { addStream, nextU32 } from '../src/engine/rng';

export interface Mm1Params {
  messages: number;
  seed: number;
  arrivalMeanUs: number;
  serviceMeanUs: number;
  /** Stream names, matching the engine's `arrival:<producer id>` and `service:<consumer id>`. */
  arrivalStream: string;
  serviceStream: string;
  /** Use Math.log instead of the engine's deterministic logarithm. */
  mathLog?: boolean;
}

export interface Mm1Sums {
  completed: number;
  /** Σ (service start − arrival), µs. */
  waitSumUs: number;
  /** Σ (departure − arrival), µs. */
  sojournSumUs: number;
  endUs: number;
}

const ARRIVAL = 0;
const DEPARTURE = 1;
const TWO_POW_32 = 4294967296;

/** Event heap ordered by (time, seq), in parallel typed arrays. */
class EventHeap {
  t = new Float64Array(16);
  s = new Float64Array(16);
  k = new Uint8Array(16);
  size = 0;
  private seq = 0;

  push(time: number, kind: number): void {
    if (this.size === this.t.length) this.grow();
    const seq = this.seq++;
    const { t, s, k } = this;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (t[p]! < time || (t[p] === time && s[p]! < seq)) break;
      t[i] = t[p]!;
      s[i] = s[p]!;
      k[i] = k[p]!;
      i = p;
    }
    t[i] = time;
    s[i] = seq;
    k[i] = kind;
  }

  /** Remove the root; read t[0] and k[0] first. */
  pop(): void {
    const { t, s, k } = this;
    const last = --this.size;
    const lt = t[last]!;
    const ls = s[last]!;
    const lk = k[last]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && (t[c + 1]! < t[c]! || (t[c + 1] === t[c] && s[c + 1]! < s[c]!))) c++;
      if (lt < t[c]! || (lt === t[c] && ls < s[c]!)) break;
      t[i] = t[c]!;
      s[i] = s[c]!;
      k[i] = k[c]!;
      i = c;
    }
    t[i] = lt;
    s[i] = ls;
    k[i] = lk;
  }

  private grow(): void {
    const n = this.t.length * 2;
    const t = new Float64Array(n);
    const s = new Float64Array(n);
    const k = new Uint8Array(n);
    t.set(this.t);
    s.set(this.s);
    k.set(this.k);
    this.t = t;
    this.s = s;
    this.k = k;
  }
}

/** FIFO of arrival times on a power-of-two ring. */
class Fifo {
  buf = new Float64Array(1024);
  head = 0;
  size = 0;

  push(x: number): void {
    if (this.size === this.buf.length) this.grow();
    this.buf[(this.head + this.size) & (this.buf.length - 1)] = x;
    this.size++;
  }

  shift(): number {
    const x = this.buf[this.head]!;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.size--;
    return x;
  }

  private grow(): void {
    const next = new Float64Array(this.buf.length * 2);
    for (let i = 0; i < this.size; i++)
      next[i] = this.buf[(this.head + i) & (this.buf.length - 1)]!;
    this.buf = next;
    this.head = 0;
  }
}

/**
 * The engine's exponential draw (distributions.ts), rounded to its 1 µs resolution. A plain
 * function with a predictable branch, so both variants share one monomorphic call site.
 */
function exponentialUs(rng: number[], o: number, meanUs: number, mathLog: boolean): number {
  const k = nextU32(rng, o) + 1;
  return Math.round(-meanUs * (mathLog ? Math.log(k / TWO_POW_32) : lnUnitFraction(k)));
}

export function runMinimalMm1(p: Mm1Params): Mm1Sums {
  const rng: number[] = [];
  const arr = addStream(rng, p.seed, p.arrivalStream);
  const svc = addStream(rng, p.seed, p.serviceStream);
  const aMean = p.arrivalMeanUs;
  const sMean = p.serviceMeanUs;
  const mathLog = p.mathLog === true;
  const draw = (o: number, mean: number) => exponentialUs(rng, o, mean, mathLog);

  const heap = new EventHeap();
  const fifo = new Fifo();
  let published = 0;
  let completed = 0;
  let busy = false;
  let inServiceArrivalUs = 0;
  let waitSumUs = 0;
  let sojournSumUs = 0;
  let now = 0;

  heap.push(draw(arr, aMean), ARRIVAL);
  while (heap.size > 0) {
    now = heap.t[0]!;
    const kind = heap.k[0]!;
    heap.pop();
    if (kind === ARRIVAL) {
      published++;
      if (published < p.messages) heap.push(now + draw(arr, aMean), ARRIVAL);
      if (busy) fifo.push(now);
      else {
        busy = true;
        inServiceArrivalUs = now;
        heap.push(now + draw(svc, sMean), DEPARTURE);
      }
    } else {
      completed++;
      sojournSumUs += now - inServiceArrivalUs;
      if (fifo.size > 0) {
        const arrivedUs = fifo.shift();
        waitSumUs += now - arrivedUs;
        inServiceArrivalUs = arrivedUs;
        heap.push(now + draw(svc, sMean), DEPARTURE);
      } else busy = false;
    }
  }
  return { completed, waitSumUs, sojournSumUs, endUs: now };
}
