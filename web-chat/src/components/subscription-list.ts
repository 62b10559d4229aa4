/** The user's subscriptions in a dialog: name, schedule, next run, last run's status; run now, pause/resume, delete. */
import { h, replaceChildren } from "../dom.ts";
import type { RunView, SubscriptionApi, SubscriptionView } from "../api/subscription-api.ts";
import type { Messages, UiLanguage } from "../i18n/messages.ts";

/** A date-time in the interface language, in the browser's zone or the one given. */
export function formatDateTime(iso: string, language: UiLanguage, timeZone?: string): string {
  return new Date(iso).toLocaleString(language === "zh" ? "zh-CN" : "en-GB", { dateStyle: "medium", timeStyle: "short", ...(timeZone ? { timeZone } : {}) });
}

/** What the list reports back to the page. */
export interface SubscriptionListHandlers {
  /** A short message for the toast. */
  notify: (message: string) => void;
  /** A run finished (the inbox may have a new item). */
  onRan: () => void;
  onClose: () => void;
}

/** The modal dialog (open it with showModal()); it loads the list itself. */
export function subscriptionListDialog(api: SubscriptionApi, messages: Messages, language: UiLanguage, handlers: SubscriptionListHandlers): HTMLDialogElement {
  const list = h("div", { class: "subscription-items", "aria-live": "polite" }, h("p", { class: "muted", text: messages.loading }));
  // Run times in the subscription's zone, as its schedule is written ("每天 08:00 (Asia/Shanghai)").
  const statusText = (run: RunView | undefined, timeZone: string) => (run ? `${messages.runStatuses[run.status] ?? run.status} · ${formatDateTime(run.finished_at, language, timeZone)}` : messages.neverRun);

  const row = (subscription: SubscriptionView, lastRun: RunView | undefined): HTMLElement => {
    const runNow = h("button", { type: "button", class: "run-now", text: messages.runNow });
    runNow.addEventListener("click", () => {
      runNow.disabled = true;
      runNow.textContent = messages.running;
      api
        .runNow(subscription.id)
        .then((run) => {
          handlers.notify(messages.ranNow(messages.runStatuses[run.status] ?? run.status));
          handlers.onRan();
        })
        .catch((error: unknown) => handlers.notify(error instanceof Error ? error.message : String(error)))
        .finally(() => void load(`[data-id="${subscription.id}"] .run-now`));
    });
    const toggle = h("button", { type: "button", class: "toggle-active", "aria-pressed": String(!subscription.active), text: subscription.active ? messages.pause : messages.resume });
    toggle.addEventListener("click", () => {
      toggle.disabled = true;
      api
        .setActive(subscription.id, !subscription.active)
        .catch((error: unknown) => handlers.notify(error instanceof Error ? error.message : String(error)))
        .finally(() => void load(`[data-id="${subscription.id}"] .toggle-active`));
    });
    const remove = h("button", { type: "button", class: "delete-subscription", text: messages.deleteSubscription });
    remove.addEventListener("click", () => {
      if (!window.confirm(messages.confirmDeleteSubscription(subscription.name))) return;
      api
        .remove(subscription.id)
        .catch((error: unknown) => handlers.notify(error instanceof Error ? error.message : String(error)))
        .finally(() => void load(".dialog-head .close"));
    });
    return h(
      "li",
      { class: `subscription-item${subscription.active ? "" : " inactive"}`, "data-id": subscription.id },
      h("h3", { class: "subscription-name", text: subscription.name }),
      h(
        "dl",
        { class: "subscription-facts" },
        h("dt", { text: messages.scheduleKind }),
        h("dd", { class: "schedule-text", text: subscription.schedule_text }),
        h("dt", { text: messages.nextRun }),
        h("dd", { class: "next-run", text: subscription.active && subscription.next_run_at ? formatDateTime(subscription.next_run_at, language, subscription.time_zone) : messages.paused }),
        h("dt", { text: messages.lastRun }),
        h("dd", { class: "last-run", "data-status": lastRun?.status ?? "none", text: statusText(lastRun, subscription.time_zone) }),
      ),
      h("div", { class: "subscription-actions", role: "group", "aria-label": subscription.name }, runNow, toggle, remove),
    );
  };

  /** Loads the list again; focus goes to `focusSelector` afterwards (the control just used), when given. */
  const load = async (focusSelector?: string): Promise<void> => {
    try {
      const subscriptions = await api.list();
      const lastRuns = await Promise.all(subscriptions.map((subscription) => api.runs(subscription.id).then((runs) => runs[0]).catch(() => undefined)));
      if (subscriptions.length === 0) replaceChildren(list, h("p", { class: "muted", text: messages.noSubscriptions }));
      else replaceChildren(list, h("ul", { class: "subscription-list" }, subscriptions.map((subscription, index) => row(subscription, lastRuns[index]))));
    } catch (error) {
      replaceChildren(list, h("p", { class: "form-error", role: "alert", text: error instanceof Error ? error.message : String(error) }));
    }
    if (focusSelector) dialog.querySelector<HTMLElement>(focusSelector)?.focus();
  };

  const dialog = h(
    "dialog",
    { class: "subscriptions-dialog", "aria-label": messages.subscriptionsTitle, "data-part": "subscriptions" },
    h(
      "div",
      { class: "dialog-body" },
      h("div", { class: "dialog-head" }, h("h2", { text: messages.subscriptionsTitle }), h("button", { type: "button", class: "close", "aria-label": messages.close, onclick: () => dialog.close(), text: "×" })),
      list,
    ),
  );
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener("close", () => {
    dialog.remove();
    handlers.onClose();
  });
  void load();
  return dialog;
}
