/** The subscribe form of an answer: schedule, optional condition and webhook; shows the webhook secret once. */
import { h, replaceChildren } from "../dom.ts";
import type { Answer } from "../api/answer-types.ts";
import type { SubscribeFormValues, SubscriptionView } from "../api/subscription-api.ts";
import type { Messages } from "../i18n/messages.ts";

/** Creates the subscription from the form's values; rejects with a message to show. */
export type CreateSubscription = (values: SubscribeFormValues) => Promise<SubscriptionView>;

let fieldCount = 0;

/** A labelled field: a <label for> beside its control (so the control's name is the label alone). */
function field(label: string, control: HTMLElement, part: string): HTMLElement {
  fieldCount += 1;
  control.id = `subscribe-${part}-${fieldCount}`;
  return h("div", { class: `subscribe-field field-${part}` }, h("label", { class: "field-label", for: control.id, text: label }), control);
}

/** A <select> of value → label options. */
function choice(name: string, options: readonly (readonly [string, string])[], selected: string): HTMLSelectElement {
  return h("select", { name }, options.map(([value, label]) => h("option", { value, selected: value === selected }, label)));
}

/**
 * A modal <dialog> with the subscribe form for an answer; open it with showModal(). onCreated runs after the server
 * saved it (the toast); onClose when the dialog is gone (focus goes back to the button).
 */
export function subscribeDialog(answer: Answer, messages: Messages, create: CreateSubscription, onCreated: (subscription: SubscriptionView) => void, onClose: () => void): HTMLDialogElement {
  const name = h("input", { type: "text", name: "name", maxlength: "200", autofocus: true, value: answer.question });
  const kind = choice("kind", (["daily", "weekly", "monthly", "cron"] as const).map((value) => [value, messages.scheduleKinds[value] ?? value] as const), "daily");
  const time = h("input", { type: "time", name: "time", value: "08:00", required: true });
  const weekday = choice("weekday", messages.weekdays.map((label, index) => [String(index), label] as const), "1");
  const day = h("input", { type: "number", name: "day", min: "1", max: "31", value: "1" });
  const cron = h("input", { type: "text", name: "cron", placeholder: "0 8 * * 1-5", spellcheck: "false" });
  const condition = choice("condition", (["none", "rows", "above", "below"] as const).map((value) => [value, messages.conditionKinds[value] ?? value] as const), "none");
  const numericColumns = answer.columns.filter((column) => column.type === "number");
  const metric = choice("metric", numericColumns.map((column) => [column.name, column.label] as const), numericColumns[0]?.name ?? "");
  const threshold = h("input", { type: "number", name: "threshold", step: "any" });
  const webhook = h("input", { type: "url", name: "webhook", placeholder: "https://", spellcheck: "false" });
  const error = h("p", { class: "form-error", role: "alert" });

  const timeField = field(messages.scheduleTime, time, "time");
  const weekdayField = field(messages.scheduleWeekday, weekday, "weekday");
  const dayField = field(messages.scheduleDay, day, "day");
  const cronField = field(messages.scheduleCron, cron, "cron");
  const metricField = field(messages.conditionMetric, metric, "metric");
  const thresholdField = field(messages.conditionThreshold, threshold, "threshold");
  // Only the fields the chosen schedule and condition need are shown (hidden ones are out of the Tab order).
  const sync = () => {
    timeField.hidden = kind.value === "cron";
    weekdayField.hidden = kind.value !== "weekly";
    dayField.hidden = kind.value !== "monthly";
    cronField.hidden = kind.value !== "cron";
    cron.required = kind.value === "cron";
    const metricCondition = condition.value === "above" || condition.value === "below";
    metricField.hidden = !metricCondition;
    thresholdField.hidden = !metricCondition;
    threshold.required = metricCondition;
  };
  kind.addEventListener("change", sync);
  condition.addEventListener("change", sync);
  sync();
  // Metric conditions need a number column to compare.
  if (numericColumns.length === 0) for (const option of Array.from(condition.options)) option.disabled = option.value === "above" || option.value === "below";

  const submit = h("button", { type: "submit", class: "primary", text: messages.subscribeSubmit });
  const form = h(
    "form",
    { class: "subscribe-form", method: "dialog" },
    h("p", { class: "muted", text: messages.subscribeHint }),
    field(messages.subscriptionName, name, "name"),
    h("fieldset", {}, h("legend", { text: messages.scheduleGroup }), field(messages.scheduleKind, kind, "kind"), timeField, weekdayField, dayField, cronField),
    h("fieldset", {}, h("legend", { text: messages.conditionGroup }), field(messages.condition, condition, "condition"), metricField, thresholdField),
    field(messages.webhookUrl, webhook, "webhook"),
    error,
    h("div", { class: "dialog-actions" }, h("button", { type: "button", onclick: () => dialog.close(), text: messages.cancel }), submit),
  );
  const body = h("div", { class: "dialog-body" });
  const showSecret = (subscription: SubscriptionView) => {
    const done = h("button", { type: "button", class: "primary", onclick: () => dialog.close(), text: messages.done });
    replaceChildren(
      body,
      h("h2", { text: messages.subscribed(subscription.name) }),
      h("p", { class: "muted", text: subscription.schedule_text }),
      field(messages.webhookSecret, h("input", { type: "text", readonly: true, class: "webhook-secret", value: subscription.secret ?? "" }), "secret"),
      h("div", { class: "dialog-actions" }, done),
    );
    done.focus();
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    error.textContent = "";
    submit.disabled = true;
    const values: SubscribeFormValues = {
      name: name.value,
      kind: kind.value as SubscribeFormValues["kind"],
      time: time.value,
      weekday: weekday.value,
      day: day.value,
      cron: cron.value,
      condition: condition.value as SubscribeFormValues["condition"],
      metric: metric.value,
      threshold: threshold.value,
      webhookUrl: webhook.value,
    };
    create(values)
      .then((subscription) => {
        onCreated(subscription);
        // The secret signs the webhooks: shown once, when there is a webhook to sign for.
        if (values.webhookUrl.trim() && subscription.secret) showSecret(subscription);
        else dialog.close();
      })
      .catch((failure: unknown) => {
        error.textContent = failure instanceof Error ? failure.message : String(failure);
        submit.disabled = false;
      });
  });
  replaceChildren(body, h("div", { class: "dialog-head" }, h("h2", { text: messages.subscribeTitle }), h("button", { type: "button", class: "close", "aria-label": messages.close, onclick: () => dialog.close(), text: "×" })), form);
  const dialog = h("dialog", { class: "subscribe-dialog", "aria-label": messages.subscribeTitle, "data-part": "subscribe" }, body);
  dialog.addEventListener("close", () => {
    dialog.remove();
    onClose();
  });
  return dialog;
}
