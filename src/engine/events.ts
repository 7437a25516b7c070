/**
 * Events out of the engine: what happened, at which simulated microsecond. The UI animates and
 * logs from these (and from state), never from diffs. Node fields hold node ids.
 */

interface At {
  atUs: number;
}

export type SimEvent =
  | (At & { type: 'published'; msgId: number; producer: string; queue: string; arriveUs: number })
  | (At & { type: 'enqueued'; msgId: number; queue: string; depth: number })
  | (At & {
      type: 'delivered';
      msgId: number;
      queue: string;
      consumer: string;
      redelivered: boolean;
      deliveryCount: number;
      arriveUs: number;
    })
  | (At & { type: 'processingStarted'; msgId: number; consumer: string })
  | (At & { type: 'processed'; msgId: number; consumer: string })
  | (At & { type: 'acked'; msgId: number; queue: string; consumer: string; latencyUs: number })
  | (At & {
      type: 'requeued';
      msgId: number;
      queue: string;
      consumer: string;
      reason: 'consumerCrashed';
    })
  | (At & { type: 'producerPaused' | 'producerResumed' | 'producerFinished'; producer: string })
  | (At & { type: 'burstStarted' | 'burstEnded'; producer: string })
  | (At & { type: 'rateChanged'; producer: string; ratePerSec: number })
  | (At & { type: 'consumerCrashed'; consumer: string; requeued: number })
  | (At & { type: 'consumerRestarted'; consumer: string })
  | (At & { type: 'concurrencyChanged'; consumer: string; concurrency: number })
  | (At & { type: 'inputIgnored'; input: string; reason: string });

export type SimEventType = SimEvent['type'];

/** Where events go. An array works; so does a hasher or a bounded log. */
export interface EventSink {
  push(event: SimEvent): unknown;
}
