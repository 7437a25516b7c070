/**
 * Run a piece of work in a task of its own, soon after the current one (before the next
 * animation frame as a rule): a costly step that would push a frame past 50 ms is then a short
 * task of its own instead. A MessageChannel message is used where there is one (setTimeout's
 * minimum delay may be clamped); asking again before it ran does not queue it twice.
 */
export interface OwnTask {
  /** Ask for the work to run in its own task soon. */
  post(): void;
  /** Never run it again (the owner is going away). */
  close(): void;
}

export function createOwnTask(work: () => void): OwnTask {
  let queued = false;
  let closed = false;
  const runIt = () => {
    queued = false;
    if (!closed) work();
  };
  const channel = typeof MessageChannel === 'undefined' ? null : new MessageChannel();
  if (channel) {
    channel.port1.onmessage = runIt;
    // Node keeps the process alive while a port is referenced; a browser ignores this.
    (channel.port1 as { unref?: () => void }).unref?.();
  }
  return {
    post() {
      if (queued || closed) return;
      queued = true;
      if (channel) channel.port2.postMessage(null);
      else setTimeout(runIt, 0);
    },
    close() {
      closed = true;
      channel?.port1.close();
      channel?.port2.close();
    },
  };
}
