/**
 * Copy records are reused (see takeMsg in sim.ts). A new one is created with every field in
 * one literal, so that all records share one shape; the code that takes a record rewrites every
 * field (brokerIn.ts).
 */
import { NO_DEATHS } from './sim';
import { Loc, type Msg } from './state';

/** A record with every field, for the pool to grow by. */
export function blankMsg(): Msg {
  return {
    id: 0,
    origin: 0,
    producer: 0,
    tpl: 0,
    queue: 0,
    home: 0,
    loc: Loc.ToQueue,
    holder: -1,
    tag: 0,
    publishedUs: 0,
    readyUs: 0,
    enqSeq: -1,
    priority: 0,
    expiresUs: -1,
    msgTtlUs: -1,
    dslot: -1,
    persistent: false,
    written: false,
    poison: false,
    deliveries: 0,
    redelivered: false,
    failures: 0,
    returns: 0,
    lastDelayUs: 0,
    deaths: NO_DEATHS,
    effects: 0,
    refs: 0,
    pub: -1,
    pubId: -1,
    confirmPending: false,
    tracked: false,
    fate: '',
  };
}
