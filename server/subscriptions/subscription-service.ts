/**
 * Subscriptions of authenticated users: created from a question, from an answered turn, or from a chat message
 * ("每天早上8点推送……") as a proposal the user confirms; listed, changed and deleted by their owner only.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { QueryPlan } from "../../agent/plan/query-plan.ts";
import { parseSubscriptionRequest } from "../../agent/subscriptions/parse-subscription-request.ts";
import { cronOf, describeSchedule } from "../../agent/subscriptions/schedule.ts";
import type { Schedule } from "../../agent/subscriptions/schedule.ts";
import type { SavedQuestion, Subscription } from "../../agent/subscriptions/subscription.ts";
import { Deliveries } from "../../agent/subscriptions/subscription.ts";
import type { SubscriptionCondition } from "../../agent/subscriptions/subscription-condition.ts";
import { LendLensError } from "../../schema/errors.ts";
import type { Principal } from "../auth/principal.ts";
import type { ChatService } from "../chat/chat-service.ts";
import { NotFoundError } from "../http/http-errors.ts";
import type { PersistentConversationStore } from "../store/persistent-conversation-store.ts";
import type { CreateSubscriptionBody, UpdateSubscriptionBody } from "./subscription-api-schemas.ts";
import type { SubscriptionProposal } from "./subscription-records.ts";
import type { SubscriptionStore } from "./subscription-store.ts";

/** How long a proposal waits for confirmation. */
export const PROPOSAL_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** No subscription (or proposal) of that id for this user (404); another user's reads the same. */
export class SubscriptionNotFoundError extends NotFoundError {
  constructor(what = { zh: "该订阅", en: "The subscription" }) {
    super(what);
  }
}

/** The message names no schedule, or its question could not be answered, so nothing can be subscribed to (422). */
export class SubscriptionNotPossibleError extends LendLensError {
  constructor(messages: { zh: string; en: string }, details: Record<string, unknown> = {}) {
    super("SUBSCRIPTION_NOT_POSSIBLE", messages, { details });
  }
}

/** What the service is built from. */
export interface SubscriptionServiceOptions {
  store: SubscriptionStore;
  chat: ChatService;
  conversations: PersistentConversationStore;
  now: () => Date;
  /** The bank's time zone, the default of every subscription. */
  timeZone: string;
}

/** The subscription API's logic. */
export class SubscriptionService {
  constructor(private readonly options: SubscriptionServiceOptions) {}

  /** The caller's subscription. @throws SubscriptionNotFoundError */
  get(principal: Principal, id: string): Subscription {
    const subscription = this.options.store.subscription(id);
    if (!subscription || subscription.owner !== principal.user) throw new SubscriptionNotFoundError();
    return subscription;
  }

  /** The caller's subscriptions. */
  list(principal: Principal): Subscription[] {
    return this.options.store.listSubscriptions(principal.user);
  }

  /** Asks the question now with the caller's role and scope and returns it with its plan, for saving. */
  private async planQuestion(principal: Principal, question: string, requestId: string): Promise<{ saved: SavedQuestion; preview: SubscriptionProposal["preview"] }> {
    const { answer } = await this.options.chat.ask(principal, { message: question, requestId, channel: "http" });
    const preview = { status: answer.status, text: answer.text, row_count: answer.row_count, conversation_id: answer.conversation_id };
    const plan = QueryPlan.safeParse(answer.plan);
    if (answer.status !== "answered" || !plan.success) {
      throw new SubscriptionNotPossibleError(
        { zh: `这个问题现在无法回答,不能订阅:${answer.text}`, en: `This question cannot be answered now, so it cannot be subscribed to: ${answer.text}` },
        { answer: preview },
      );
    }
    return { saved: { text: question, language: answer.language, plan: plan.data, as_of_date: answer.as_of_date }, preview };
  }

  /** The question and plan of an answered turn of the caller's conversation. */
  private savedFromTurn(principal: Principal, conversationId: string, answerIndex: number): SavedQuestion {
    const conversation = this.options.conversations.get(conversationId, principal.user);
    const turn = conversation?.turns[answerIndex];
    if (!turn) throw new SubscriptionNotFoundError({ zh: "该回答", en: "The answer" });
    if (turn.status !== "answered" || !turn.plan) {
      throw new SubscriptionNotPossibleError({ zh: "只有已回答的问题可以订阅。", en: "Only answered questions can be subscribed to." });
    }
    return { text: turn.question, language: turn.language, plan: turn.plan, as_of_date: turn.answer?.as_of_date ?? null };
  }

  /** Builds and saves a subscription. */
  private save(owner: string, fields: { name: string; question: SavedQuestion; schedule: Schedule; time_zone: string; condition: SubscriptionCondition | null; deliveries: Deliveries }): Subscription {
    cronOf(fields.schedule, fields.time_zone); // refuse a schedule croner cannot read before saving it
    const at = this.options.now().toISOString();
    const subscription: Subscription = {
      id: `sub_${randomUUID().replaceAll("-", "").slice(0, 20)}`,
      owner,
      ...fields,
      secret: randomBytes(24).toString("base64url"),
      active: true,
      created_at: at,
      updated_at: at,
      starts_at: at,
    };
    this.options.store.saveSubscription(subscription);
    return subscription;
  }

  /** Creates a subscription from a question (asked now to get its plan) or from an answered turn. */
  async create(principal: Principal, body: CreateSubscriptionBody, requestId: string): Promise<Subscription> {
    let question: SavedQuestion;
    if (body.question !== undefined) question = (await this.planQuestion(principal, body.question, requestId)).saved;
    else question = this.savedFromTurn(principal, body.conversation_id ?? "", body.answer_index ?? 0);
    return this.save(principal.user, {
      name: body.name ?? question.text.slice(0, 200),
      question,
      schedule: body.schedule,
      time_zone: body.time_zone ?? this.options.timeZone,
      condition: body.condition ?? null,
      deliveries: body.deliveries ?? Deliveries.parse({}),
    });
  }

  /**
   * Reads a chat message as a subscription request and returns a proposal to confirm (nothing is saved yet).
   * @throws SubscriptionNotPossibleError when the message names no schedule or its question cannot be answered.
   */
  async propose(principal: Principal, body: { message: string; time_zone?: string; deliveries?: Deliveries }, requestId: string): Promise<SubscriptionProposal> {
    const request = parseSubscriptionRequest(body.message);
    if (!request) {
      throw new SubscriptionNotPossibleError({
        zh: "没有读出推送时间:请说明频率和时间,例如“每天早上8点推送……”或“每周一发……”。",
        en: 'No schedule found: say how often and when, e.g. "every day at 8 send me …" or "every Monday send me …".',
      });
    }
    const { saved, preview } = await this.planQuestion(principal, request.question, requestId);
    const timeZone = body.time_zone ?? this.options.timeZone;
    cronOf(request.schedule, timeZone);
    const at = this.options.now();
    const proposal: SubscriptionProposal = {
      id: `prp_${randomUUID().replaceAll("-", "").slice(0, 20)}`,
      user: principal.user,
      message: body.message,
      draft: {
        owner: principal.user,
        name: request.question.slice(0, 200),
        question: saved,
        schedule: request.schedule,
        time_zone: timeZone,
        condition: request.condition,
        deliveries: body.deliveries ?? Deliveries.parse({}),
      },
      description: describeSchedule(request.schedule, request.language, timeZone),
      preview,
      created_at: at.toISOString(),
      expires_at: new Date(at.getTime() + PROPOSAL_LIFETIME_MS).toISOString(),
    };
    this.options.store.saveProposal(proposal);
    return proposal;
  }

  /** Saves a proposal as a subscription. @throws SubscriptionNotFoundError for unknown, expired or others' proposals. */
  confirm(principal: Principal, body: { proposal_id: string; name?: string; condition?: SubscriptionCondition | null; deliveries?: Deliveries }): Subscription {
    const proposal = this.options.store.proposal(body.proposal_id);
    const now = this.options.now();
    if (!proposal || proposal.user !== principal.user || proposal.expires_at < now.toISOString()) throw new SubscriptionNotFoundError({ zh: "该订阅提议", en: "The subscription proposal" });
    const { owner: _owner, ...draft } = proposal.draft;
    const subscription = this.save(principal.user, {
      ...draft,
      name: body.name ?? draft.name,
      condition: body.condition === undefined ? draft.condition : body.condition,
      deliveries: body.deliveries ?? draft.deliveries,
    });
    this.options.store.closeProposal(proposal.id, now.toISOString());
    return subscription;
  }

  /** Changes the caller's subscription; a new schedule or time zone counts from now. */
  update(principal: Principal, id: string, body: UpdateSubscriptionBody): Subscription {
    const current = this.get(principal, id);
    const at = this.options.now().toISOString();
    const next: Subscription = {
      ...current,
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.schedule === undefined ? {} : { schedule: body.schedule }),
      ...(body.time_zone === undefined ? {} : { time_zone: body.time_zone }),
      ...(body.condition === undefined ? {} : { condition: body.condition }),
      ...(body.deliveries === undefined ? {} : { deliveries: body.deliveries }),
      ...(body.active === undefined ? {} : { active: body.active }),
      updated_at: at,
    };
    const rescheduled = body.schedule !== undefined || body.time_zone !== undefined || (body.active === true && !current.active);
    if (rescheduled) next.starts_at = at;
    cronOf(next.schedule, next.time_zone);
    this.options.store.saveSubscription(next);
    return next;
  }

  /** Deletes the caller's subscription. */
  delete(principal: Principal, id: string): void {
    this.get(principal, id);
    this.options.store.deleteSubscription(id, this.options.now().toISOString());
  }
}
