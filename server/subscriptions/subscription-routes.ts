/**
 * The subscription and inbox API: CRUD under /api/subscriptions (owner only), proposals from chat messages, their
 * confirmation and withdrawal, a run on demand, runs and webhook deliveries of a subscription, the inbox and the digest preview.
 */
import { Router } from "express";
import type { Response } from "express";
import { describeSchedule, nextOccurrence } from "../../agent/subscriptions/schedule.ts";
import type { Subscription } from "../../agent/subscriptions/subscription.ts";
import { principalOf } from "../auth/auth-middleware.ts";
import { NotFoundError } from "../http/http-errors.ts";
import { parseRequest } from "../http/parse-request.ts";
import type { ServerContext } from "../server-context.ts";
import { ConfirmSubscriptionBody, CreateSubscriptionBody, InboxQueryParameters, ProposeSubscriptionBody, UpdateSubscriptionBody } from "./subscription-api-schemas.ts";
import { subscriptionsOf } from "./subscriptions-runtime.ts";

/** A subscription as its owner sees it: with the schedule in words and the next run time. */
function subscriptionView(subscription: Subscription, now: Date) {
  return {
    ...subscription,
    schedule_text: describeSchedule(subscription.schedule, subscription.question.language, subscription.time_zone),
    next_run_at: subscription.active ? (nextOccurrence(subscription.schedule, subscription.time_zone, now)?.toISOString() ?? null) : null,
  };
}

const requestIdOf = (response: Response) => String(response.locals.requestId ?? "");

/** The routes (mounted after the key check and the JSON body parser). */
export function subscriptionRoutes(context: ServerContext): Router {
  const runtime = subscriptionsOf(context);
  const { service, store } = runtime;
  const router = Router();

  router.get("/api/subscriptions", (_request, response) => {
    response.json({ subscriptions: service.list(principalOf(response)).map((subscription) => subscriptionView(subscription, runtime.now())) });
  });
  router.post("/api/subscriptions", async (request, response) => {
    const body = parseRequest(CreateSubscriptionBody, request.body);
    const subscription = await service.create(principalOf(response), body, requestIdOf(response));
    response.status(201).json(subscriptionView(subscription, runtime.now()));
  });
  router.post("/api/subscriptions/proposals", async (request, response) => {
    const body = parseRequest(ProposeSubscriptionBody, request.body);
    response.status(201).json(await service.propose(principalOf(response), body, requestIdOf(response)));
  });
  router.post("/api/subscriptions/confirm", (request, response) => {
    const body = parseRequest(ConfirmSubscriptionBody, request.body);
    response.status(201).json(subscriptionView(service.confirm(principalOf(response), body), runtime.now()));
  });
  router.delete("/api/subscriptions/proposals/:id", (request, response) => {
    service.withdraw(principalOf(response), request.params.id);
    response.status(204).end();
  });
  router.get("/api/subscriptions/:id", (request, response) => {
    response.json(subscriptionView(service.get(principalOf(response), request.params.id), runtime.now()));
  });
  router.patch("/api/subscriptions/:id", (request, response) => {
    const body = parseRequest(UpdateSubscriptionBody, request.body);
    response.json(subscriptionView(service.update(principalOf(response), request.params.id, body), runtime.now()));
  });
  router.delete("/api/subscriptions/:id", (request, response) => {
    service.delete(principalOf(response), request.params.id);
    response.status(204).end();
  });
  router.post("/api/subscriptions/:id/run", async (request, response) => {
    const subscription = service.get(principalOf(response), request.params.id);
    response.status(201).json(await runtime.scheduler.runNow(subscription.id));
  });
  router.get("/api/subscriptions/:id/runs", (request, response) => {
    const subscription = service.get(principalOf(response), request.params.id);
    response.json({ runs: store.runsOf(subscription.id).slice(0, 100) });
  });
  router.get("/api/subscriptions/:id/deliveries", (request, response) => {
    const subscription = service.get(principalOf(response), request.params.id);
    response.json({ deliveries: store.deliveriesOf(subscription.id).slice(0, 100) });
  });

  router.get("/api/inbox", (request, response) => {
    const query = parseRequest(InboxQueryParameters, request.query);
    const user = principalOf(response).user;
    const items = store.inboxOf(user, { unreadOnly: query.unread === "true", ...(query.limit ? { limit: query.limit } : {}) });
    response.json({ items, unread: store.inboxOf(user, { unreadOnly: true, limit: 10_000 }).length });
  });
  router.post("/api/inbox/read-all", (_request, response) => {
    const user = principalOf(response).user;
    const at = runtime.now().toISOString();
    for (const item of store.inboxOf(user, { unreadOnly: true, limit: 10_000 })) store.markRead(item.id, at);
    response.status(204).end();
  });
  router.post("/api/inbox/:id/read", (request, response) => {
    const item = store.inboxItem(request.params.id);
    if (!item || item.user !== principalOf(response).user) throw new NotFoundError({ zh: "该消息", en: "The inbox item" });
    store.markRead(item.id, runtime.now().toISOString());
    response.json(store.inboxItem(item.id));
  });
  router.get("/api/digest", (_request, response) => {
    response.json(runtime.digests.preview(principalOf(response).user));
  });
  return router;
}
