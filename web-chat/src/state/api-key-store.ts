/** The API key kept in localStorage between visits; the demo key is offered on localhost. */

const STORAGE_KEY = "lendlens.apiKey";

/** The saved key, or null. */
export function savedApiKey(storage: Pick<Storage, "getItem"> = localStorage): string | null {
  return storage.getItem(STORAGE_KEY);
}

/** Keeps the key. */
export function saveApiKey(key: string, storage: Pick<Storage, "setItem"> = localStorage): void {
  storage.setItem(STORAGE_KEY, key);
}

/** Forgets the key (sign out, or the server refused it). */
export function forgetApiKey(storage: Pick<Storage, "removeItem"> = localStorage): void {
  storage.removeItem(STORAGE_KEY);
}

/** The key to prefill: the demo key when the page is served from this machine. */
export function prefilledApiKey(hostname: string): string {
  return /^(localhost|127\.0\.0\.1|\[::1\]|::1)$/.test(hostname) ? "demo-key" : "";
}
