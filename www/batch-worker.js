// The batch page's module Worker: the batch engine (batch-runner.js) off the page's thread.
// "ready" tells the page that this browser runs module Workers (batch-channel.js); one that does
// not (Firefox before 114) fails to load this file and the page runs the engine itself.
import { createRunner, WORKER_CHUNK } from "./batch-runner.js";

const runner = createRunner((msg) => self.postMessage(msg), { chunk: WORKER_CHUNK });
self.addEventListener("message", (e) => runner.handle(e.data));
self.postMessage({ type: "ready" });
