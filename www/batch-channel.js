// Where the batch engine (batch-runner.js) runs for the batch page (issue 11 §3).
//
// A module Worker (batch-worker.js) keeps the page responsive on any file size. Module Workers are
// missing in Firefox before 114, which 信创 desktops still run as ESR 91–113: there the Worker either
// throws at construction or fails to load (its `import` is a syntax error in a classic Worker).
// Rather than sniff the browser, the page waits for the Worker's "ready" message; an error before
// it, or a throw, makes the page run the same engine on its own thread, in smaller chunks with a
// setTimeout pause between them (progress is drawn and "cancel" is clicked between chunks).
// A classic-Worker build would need a second, no-modules build of the wasm package; the
// main-thread engine needs nothing new and is exercised in every browser by the tests.
//
// `?worker=main` in the page's address forces the main-thread engine: the tests use it to check
// that path in browsers that do have module Workers (tests/e2e/batch.spec.mjs,
// tests/old-browsers/run.mjs).

/**
 * Opens the batch engine. `onMessage(msg)` gets its messages, `onError(message)` a failure of the
 * Worker after it started. Returns a Worker-like `{ postMessage(msg, transfer), terminate(), mode }`;
 * messages sent before the engine is up are queued, in order.
 */
export function openBatchEngine(onMessage, onError) {
  let target = null; // the Worker once it said "ready", or the main-thread engine
  let worker = null;
  let queue = [];
  let ended = false;
  const channel = {
    mode: "pending",
    postMessage(msg, transfer) {
      if (ended) return;
      if (target) target.postMessage(msg, transfer);
      else queue.push([msg, transfer]);
    },
    terminate() {
      ended = true;
      queue = [];
      if (worker) worker.terminate();
      if (target && target !== worker) target.terminate();
    },
  };
  const flush = () => {
    const pending = queue;
    queue = [];
    for (const [msg, transfer] of pending) target.postMessage(msg, transfer);
  };
  const onMainThread = () => {
    import("./batch-runner.js").then(
      ({ createRunner, MAIN_THREAD_CHUNK }) => {
        if (ended) return;
        let alive = true;
        // Asynchronous both ways, like a Worker: the page's handler never runs inside its own call.
        const runner = createRunner((msg) => setTimeout(() => alive && onMessage(msg), 0), { chunk: MAIN_THREAD_CHUNK });
        target = {
          postMessage: (msg) => setTimeout(() => alive && runner.handle(msg), 0),
          terminate: () => {
            alive = false;
            runner.stop();
          },
        };
        channel.mode = "main";
        flush();
      },
      (err) => onError(String((err && err.message) || err)),
    );
  };

  const forced = new URLSearchParams(location.search).get("worker");
  if (forced === "main" || typeof Worker === "undefined") {
    onMainThread();
    return channel;
  }
  try {
    worker = new Worker(new URL("batch-worker.js", import.meta.url), { type: "module" });
  } catch {
    worker = null;
    onMainThread();
    return channel;
  }
  worker.addEventListener("message", (e) => {
    if (target === worker) onMessage(e.data);
    else if (!target && e.data && e.data.type === "ready") {
      target = worker;
      channel.mode = "worker";
      flush();
    }
  });
  worker.addEventListener("error", (e) => {
    e.preventDefault();
    if (target === worker) onError(e.message || "worker error");
    else if (!target) {
      // No module Workers here (or the Worker could not load): the page runs the engine.
      worker.terminate();
      worker = null;
      onMainThread();
    }
  });
  return channel;
}
