/**
 * A leading context clause ("For the board meeting, …", "下周要跟行长汇报,…") says why the question is asked, not
 * what it asks: dropped when it names nothing of the data model, kept (and so read, and maybe declined) otherwise.
 */

/** The first clause and the rest, split at the first comma, semicolon, colon or dash. */
const LEADING_CLAUSE = /^\s*([^,,;;::—–]{2,60}?)\s*(?:[,,;;::]|—+|–|\s-\s)\s*(\S.*)$/su;

/** English openings that state a purpose or the asker's situation. */
const ENGLISH_CONTEXT = [
  /^(?:for|before|ahead of|in preparation for)\s+(?:the|our|my|a|an|this|next|tomorrow'?s|today'?s|monday'?s|friday'?s)\b/i,
  /\b(?:i'?m|i am|we'?re|we are|i'?ve been|i have been)\s+(?:putting together|preparing|writing|working on|drafting|building|updating|getting ready)\b/i,
  /\b(?:my|our|the)\s+(?:boss|manager|director|team|head|ceo|cfo|cro)\s+(?:wants|asked|needs|is asking)\b/i,
  /^(?:quick question|quick one|one quick question|quick q|just curious|sorry to bother you|hi|hello|hey)\b/i,
  // "I have a meeting this afternoon and need one number", "we've got a call at 3": the asker's situation.
  /\b(?:i|we)(?:'ve got|'ve| have got| have| got)\s+(?:a|an|the|my|our)\s+(?:\w+\s+)?(?:meeting|call|presentation|review|committee)\b/i,
  /^(?:i|we)\s+(?:just\s+|only\s+)?need\s+(?:one|a|a single|just one|a quick)\s+(?:number|figure|stat)\b/i,
];

/** Chinese clauses that state a purpose (要跟…汇报, 想…提醒, 准备…材料) or who asks (客服那边, 领导). */
const CHINESE_CONTEXT = [
  /(?:要|想|准备|需要|为了|打算|得)[^,,]{0,20}(?:汇报|开会|会议|例会|周会|月会|报告|材料|PPT|ppt|提醒|打电话|沟通|复盘|总结|考核|演示)/u,
  /(?:那边|这边|领导|老板|行长|经理|主管|同事)(?:想|要|让|需要|问|说)/u,
  /^(?:你好|您好|打扰一下|不好意思|问一下|请教一下)/u,
  // "我下午有个会", "待会要开会,就要一个数": the asker's situation.
  /^我[^,,]{0,8}有个?(?:会|会议|例会|周会|月会|汇报)/u,
  /^(?:我)?(?:就|只)?(?:要|需要)(?:一个|一)个?数(?:字)?$/u,
  // "下午开会要用", "周会汇报用的", "做材料需要": what the figure is needed for.
  /(?:开会|汇报|会议|例会|周会|月会|报告|材料|ppt|演示|复盘)(?:时|上|的时候)?(?:要用|需要用|得用|用得上|用的|用|需要)$/u,
];

/** Purpose words that may contain a model word ("打电话" holds 电话, a collection action): not content themselves. */
const PURPOSE_WORDS = /打电话|电话提醒|短信提醒|汇报|开会|committee|meeting|deck|presentation|review/giu;

/** Whether a clause states a purpose or situation rather than content. */
export function isContextClause(clause: string): boolean {
  return [...ENGLISH_CONTEXT, ...CHINESE_CONTEXT].some((pattern) => pattern.test(clause));
}

/**
 * The question without its leading context clause, or the question itself when there is none. `namesModelWords`
 * says whether a clause names anything of the semantic layer (a metric, term, value…): such a clause is content, and
 * stays, so a model word the planner cannot place still makes it decline.
 */
export function withoutContextClause(question: string, namesModelWords: (clause: string) => boolean): string {
  const match = LEADING_CLAUSE.exec(question);
  if (!match) return question;
  const [, clause, rest] = match;
  if (!isContextClause(clause) || namesModelWords(clause.replace(PURPOSE_WORDS, " "))) return question;
  // The rest may itself open with context ("客服那边想提前打电话提醒,麻烦…,…" rarely nests, but cheaply handled).
  return withoutContextClause(rest, namesModelWords);
}
