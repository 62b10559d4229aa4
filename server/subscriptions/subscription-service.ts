/**
 * Subscriptions of authenticated users: created from a question, from an answered turn, or from a chat message
 * ("每天早上8点推送……") as a proposal the user confirms; listed, changed and deleted by their owner only.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { QueryPlan } from "../../agent/plan/query-plan.ts";
import { newConversationId } from "../../agent/pipeline/conversation-store.ts";
import type { AnswerSubscriptionProposal } from "../../agent/subscriptions/answer-subscription-proposal.ts";
import { thresholdCondition } from "../../agent/subscriptions/metric-threshold.ts";
import { parseSubscriptionRequest } from "../../agent/subscriptions/parse-subscription-request.ts";
import type { SubscriptionRequest } from "../../agent/subscriptions/parse-subscription-request.ts";
import { notSubscribableAnswer, proposalAnswer, proposalPreview, scheduleClarifyAnswer } from "../../agent/subscriptions/proposal-answers.ts";
import type { SubscriptionMessageReading } from "../../agent/subscriptions/read-subscription-message.ts";
import { cronOf, cronPatternOf, describeSchedule } from "../../agent/subscriptions/schedule.ts";
import type { Schedule } from "../../agent/subscriptions/schedule.ts";
import type { SavedQuestion, Subscription } from "../../agent/subscriptions/subscription.ts";
import { Deliveries } from "../../agent/subscriptions/subscription.ts";
import type { SubscriptionCondition } from "../../agent/subscriptions/subscription-condition.ts";
import { LendLensError } from "../../schema/errors.ts";
import type { Principal } from "../auth/principal.ts";
import type { ChatRequest, ChatResult, ChatService } from "../chat/chat-service.ts";
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
    // A proposal turn's message carries schedule words; the question to ask at each run is the proposal's.
    const text = turn.answer?.subscription_proposal?.question ?? turn.question;
    return { text, language: turn.language, plan: turn.plan, as_of_date: turn.answer?.as_of_date ?? null };
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
    return this.saveProposal(principal, { message: body.message, request, saved, preview, condition: request.condition, timeZone: body.time_zone, deliveries: body.deliveries });
  }

  /** Stores a proposal (not a subscription) for the user to confirm within PROPOSAL_LIFETIME_MS. */
  private saveProposal(
    principal: Principal,
    fields: { message: string; request: SubscriptionRequest; saved: SavedQuestion; preview: SubscriptionProposal["preview"]; condition: SubscriptionCondition | null; timeZone?: string; deliveries?: Deliveries },
  ): SubscriptionProposal {
    const timeZone = fields.timeZone ?? this.options.timeZone;
    cronOf(fields.request.schedule, timeZone);
    const at = this.options.now();
    const proposal: SubscriptionProposal = {
      id: `prp_${randomUUID().replaceAll("-", "").slice(0, 20)}`,
      user: principal.user,
      message: fields.message,
      draft: {
        owner: principal.user,
        name: fields.request.question.slice(0, 200),
        question: fields.saved,
        schedule: fields.request.schedule,
        time_zone: timeZone,
        condition: fields.condition,
        deliveries: fields.deliveries ?? Deliveries.parse({}),
      },
      description: describeSchedule(fields.request.schedule, fields.request.language, timeZone),
      preview: fields.preview,
      created_at: at.toISOString(),
      expires_at: new Date(at.getTime() + PROPOSAL_LIFETIME_MS).toISOString(),
    };
    this.options.store.saveProposal(proposal);
    return proposal;
  }

  /**
   * Answers a chat message that asks for a subscription (read by readSubscriptionMessage): the bare question is
   * planned and answered with the caller's role and scope, and the answer is a proposal to confirm (nothing is
   * saved but the proposal); an unclear schedule gets a clarifying question, an unanswerable question its reason.
   * The turn is kept in the caller's conversation and audited.
   * @throws ConversationNotFoundError when the conversation is not the caller's.
   */
  async answerInChat(principal: Principal, request: ChatRequest, reading: Exclude<SubscriptionMessageReading, { kind: "none" }>): Promise<ChatResult> {
    const chat = this.options.chat;
    chat.checkConversation(principal, request);
    // The turn's conversation is known before the proposal is stored, so the proposal can point at it.
    const inConversation: ChatRequest = { ...request, conversationId: request.conversationId ?? newConversationId() };
    const language = request.language ?? reading.language;
    if (reading.kind === "unclear") return chat.recordTurn(principal, inConversation, scheduleClarifyAnswer(request.message, { ...reading, language, asOfDate: null }));
    const subscription = reading.request;
    const preview = await chat.askDetached(principal, subscription.question, { language, ...(request.onProgress ? { onProgress: request.onProgress } : {}) });
    const plan = QueryPlan.safeParse(preview.plan);
    if (preview.status !== "answered" || !plan.success) return chat.recordTurn(principal, inConversation, notSubscribableAnswer(request.message, preview, subscription.question));
    let condition = subscription.condition;
    if (reading.threshold) {
      const metric = thresholdCondition(reading.threshold, plan.data);
      if (!metric) {
        const reason = preview.language === "zh" ? `“${subscription.question}”的结果没有可比较的指标,无法设置“${reading.conditionText}”这样的条件。` : `"${subscription.question}" has no metric to compare, so "${reading.conditionText}" cannot be checked.`;
        return chat.recordTurn(principal, inConversation, notSubscribableAnswer(request.message, { ...preview, text: reason }, subscription.question));
      }
      condition = metric;
    }
    const saved: SavedQuestion = { text: subscription.question, language: preview.language, plan: plan.data, as_of_date: preview.as_of_date };
    const timeZone = this.options.timeZone;
    const stored = this.saveProposal(principal, {
      message: request.message,
      request: { ...subscription, language: preview.language },
      saved,
      preview: { status: preview.status, text: preview.text, row_count: preview.row_count, conversation_id: inConversation.conversationId ?? "" },
      condition,
      timeZone,
    });
    const proposal: AnswerSubscriptionProposal = {
      id: stored.id,
      question: subscription.question,
      schedule: subscription.schedule,
      schedule_text: stored.description,
      cron: cronPatternOf(subscription.schedule),
      time_zone: timeZone,
      condition,
      condition_text: reading.conditionText,
      plan_summary: preview.interpretation,
      plan: preview.plan ?? {},
      preview: proposalPreview(preview),
      expires_at: stored.expires_at,
    };
    return chat.recordTurn(principal, inConversation, proposalAnswer(request.message, preview, proposal));
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

  /** Withdraws the caller's proposal ("取消" in the chat): it can no longer be confirmed. @throws SubscriptionNotFoundError */
  withdraw(principal: Principal, proposalId: string): void {
    const proposal = this.options.store.proposal(proposalId);
    if (!proposal || proposal.user !== principal.user) throw new SubscriptionNotFoundError({ zh: "该订阅提议", en: "The subscription proposal" });
    this.options.store.closeProposal(proposal.id, this.options.now().toISOString());
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
