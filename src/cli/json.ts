/**
 * The JSON document of `sim --json`: the engine's RunReport with a stable, documented key order
 * (scenario, seed, simulatedMs, totals, queues, consumers first; then tick, tickMs, producers,
 * exchanges, broker, places; then services and flow, which are {} and null without services;
 * last the log broker's topics, groups, logProducers ({} without topics), logBrokers and members).
 * Every key is described in docs/cli.md.
 */
import type { RunReport } from '../engine';

export interface JsonReport {
  scenario: string;
  seed: number;
  simulatedMs: number;
  totals: RunReport['totals'];
  queues: RunReport['queues'];
  consumers: RunReport['consumers'];
  tick: number;
  tickMs: number;
  producers: RunReport['producers'];
  exchanges: RunReport['exchanges'];
  broker: RunReport['broker'];
  places: RunReport['places'];
  services: RunReport['services'];
  flow: RunReport['flow'];
  topics: RunReport['topics'];
  groups: RunReport['groups'];
  logProducers: RunReport['logProducers'];
  logBrokers: RunReport['logBrokers'];
  members: RunReport['members'];
}

export function toJsonReport(r: RunReport, tickMs: number): JsonReport {
  return {
    scenario: r.scenario,
    seed: r.seed,
    simulatedMs: r.simulatedMs,
    totals: r.totals,
    queues: r.queues,
    consumers: r.consumers,
    tick: r.tick,
    tickMs,
    producers: r.producers,
    exchanges: r.exchanges,
    broker: r.broker,
    places: r.places,
    services: r.services,
    flow: r.flow,
    topics: r.topics,
    groups: r.groups,
    logProducers: r.logProducers,
    logBrokers: r.logBrokers,
    members: r.members,
  };
}

export function formatJson(r: RunReport, tickMs: number): string {
  return JSON.stringify(toJsonReport(r, tickMs), null, 2) + '\n';
}
