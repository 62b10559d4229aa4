/** Chat replies over HTTP and the socket: the answer with its index, error answers kept, the socket's URL. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiClient, readChatReply } from "./api-client.ts";
import { ApiError } from "./api-error.ts";
import { streamUrl } from "./chat-stream.ts";

const answer = { question: "q", status: "answered", text: "t", conversation_id: "c_1" };
const errorAnswer = { ...answer, status: "error", error: { code: "QUERY_TIMEOUT" } };

/** A fetch that answers once with a status, a JSON body and headers. */
function fakeFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
  const fetchMock = vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } }));
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe("readChatReply", () => {
  it.each([
    ["a bare answer", answer, null],
    ["a socket event", { type: "answer", answer, answer_index: 2 }, 2],
  ])("reads %s", (_name, payload, index) => {
    expect(readChatReply(payload)).toEqual({ answer, answerIndex: index });
  });
});

describe("ApiClient", () => {
  it("posts the question with the key and reads the answer index header", async () => {
    const fetchMock = fakeFetch(200, answer, { "X-Answer-Index": "3" });
    const reply = await new ApiClient("k1", () => "zh").chat("本月放款金额是多少?", "c_1");
    expect(reply).toEqual({ answer, answerIndex: 3 });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/chat");
    expect((init.headers as Record<string, string>).Authorization).toBe("Bearer k1");
    expect(JSON.parse(String(init.body))).toEqual({ message: "本月放款金额是多少?", conversation_id: "c_1" });
  });

  it("returns an error answer sent with a failure status instead of throwing", async () => {
    fakeFetch(504, errorAnswer);
    expect((await new ApiClient("k", () => "zh").chat("x")).answer).toEqual(errorAnswer);
  });

  it("throws ApiError with the message in the interface language", async () => {
    fakeFetch(401, { error: { code: "UNAUTHORIZED", message: "Invalid API key", messages: { zh: "API 密钥无效", en: "Invalid API key" } } });
    const failure = await new ApiClient("bad", () => "zh").conversations().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 401, message: "API 密钥无效", code: "UNAUTHORIZED", unauthorized: true });
  });

  it("reports an unreachable server as status 0", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    await expect(new ApiClient("k", () => "en").semanticLayer()).rejects.toMatchObject({ status: 0 });
  });
});

describe("streamUrl", () => {
  it.each([
    [{ protocol: "http:", host: "localhost:3000" }, "ws://localhost:3000/api/chat/stream?api_key=a%20b%26c"],
    [{ protocol: "https:", host: "bank.example" }, "wss://bank.example/api/chat/stream?api_key=a%20b%26c"],
  ])("%o", (location, expected) => {
    expect(streamUrl(location, "a b&c")).toBe(expected);
  });
});
