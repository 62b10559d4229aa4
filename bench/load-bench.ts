/** Server load over loopback: N clients each asking in a bounded loop (one request in flight per client) for a fixed time. */
import { summarize } from "./percentiles.ts";
import type { SampleSummary } from "./percentiles.ts";
import { postChat } from "./server-process.ts";
import type { ServerProcess } from "./server-process.ts";

/** The figures of one load level. */
export interface LoadRun {
  clients: number;
  seconds: number;
  /** Answers that came back with HTTP 200 and a status other than "error". */
  answers: number;
  answersPerSecond: number;
  /** Latency of every request, milliseconds. */
  latency: SampleSummary;
  errors: number;
  /** A few error descriptions (HTTP status, answer status, network message). */
  errorSamples: string[];
  /** Answers by answer status (answered, clarify, unsupported, error). */
  statuses: Record<string, number>;
  /** The server's resident memory at the end of the level and its peak so far, MiB. */
  rssMb: number;
  peakRssMb: number;
}

/**
 * Runs `clients` concurrent loops against POST /api/chat for `durationMs`; client k starts at question k and steps
 * through the list, so every level asks the same mix. Requests started before the deadline are waited for.
 */
export async function runLoadLevel(server: ServerProcess, questions: readonly string[], clients: number, durationMs: number): Promise<LoadRun> {
  if (questions.length === 0) throw new Error("the load test needs questions");
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const errorSamples: string[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const client = async (index: number) => {
    for (let turn = 0; performance.now() < deadline; turn += 1) {
      const question = questions[(index + turn * clients) % questions.length] as string;
      const call = await postChat(server.url, question);
      latencies.push(call.ms);
      const status = call.answerStatus ?? `http_${call.httpStatus}`;
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (!call.ok) {
        errors += 1;
        if (errorSamples.length < 5) errorSamples.push(`${call.httpStatus} ${call.answerStatus ?? ""} ${call.error ?? ""} — ${question}`.trim());
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
  const seconds = (performance.now() - started) / 1000;
  const memory = server.memory();
  const answers = latencies.length - errors;
  return { clients, seconds, answers, answersPerSecond: answers / seconds, latency: summarize(latencies), errors, errorSamples, statuses, rssMb: memory.rssMb, peakRssMb: memory.peakRssMb };
}
