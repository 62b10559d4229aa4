/** The interface language: chosen by the user (kept in localStorage) or taken from the browser. */
import type { UiLanguage } from "./messages.ts";

const STORAGE_KEY = "lendlens.language";

/** The language a browser language tag maps to: Chinese for zh-*, English otherwise. */
export function languageOfTag(tag: string | undefined): UiLanguage {
  return tag && /^zh\b/i.test(tag) ? "zh" : "en";
}

/** The saved language, else the browser's. */
export function initialLanguage(storage: Pick<Storage, "getItem"> = localStorage, tag: string = navigator.language): UiLanguage {
  const saved = storage.getItem(STORAGE_KEY);
  return saved === "zh" || saved === "en" ? saved : languageOfTag(tag);
}

/** Remembers the user's choice. */
export function saveLanguage(language: UiLanguage, storage: Pick<Storage, "setItem"> = localStorage): void {
  storage.setItem(STORAGE_KEY, language);
}
