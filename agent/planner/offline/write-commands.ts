/** Commands that change records (approve, reject, delete, mark, change): refused as write requests, never read as a query. */

/** "把…改成0", "mark alert 3 as resolved", "write off all loss-class loans": a disposal or an imperative at the start. */
const DISPOSAL_OR_LEADING_COMMAND =
  /把.{1,30}(改成|改为|设为|设置为|设定为|设定成|设置成|定为|调成|调为|调整为|删|清零|清空|标记为|标记成|标成|标为|标注为)|^(please\s+|pls\s+)?(mark|set|change|update|write off|approve|reject|assign|delete|remove|cancel|close|freeze|reset|modify|edit|insert|add)\b/;

/** Verbs that decide or change rows: 批了, 通过掉, 拒掉, 驳回, 核销, 关掉, 处理掉, 作废, 拉黑. */
const ZH_ACTION_VERB = "(?:批了|批掉|批准|批一下|审批通过|审批掉|通过掉|通过了|通过|拒了|拒掉|拒绝掉|拒绝|驳回|否决|核销掉|核销|关掉|关闭|处理掉|作废|撤销|撤回|注销|冻结|解冻|结清掉|标成|标为|标记|加入黑名单|拉入黑名单|拉黑)";

/** Words for all of them, said before the verb: 全部批了, 都拒掉, 统统驳回. */
const ZH_ALL = "(?:全部|全都|都|统统|通通|一律|一并|一起|全|直接)";

/** What may close the command: 了, 掉, 吧, 一下, 算了. */
const ZH_CLOSING = "(?:了|掉|吧|一下|算了|啊|呗)*";

/** A question rather than a command: 吗, 哪, 多少, 几, 是否, 有没有, a question mark. */
const ZH_QUESTION = /吗|么|哪|多少|几|是否|有没有|是不是|\?/;

/**
 * "把待审批的申请全部批了", "将低分申请都驳回", "待审批的申请统统通过吧": a disposal (把/将) or an 'all' word before an action
 * verb that closes the sentence. "把批了的申请列出来" (the verb qualifies rows) and "哪些申请被批了" (a question) stay queries.
 */
const ZH_DISPOSAL_ACTION = new RegExp(`(?:把|(?<!即)将).{1,30}?${ZH_ALL}?${ZH_ACTION_VERB}${ZH_CLOSING}[。!.~]*$`);
const ZH_ALL_ACTION = new RegExp(`${ZH_ALL}(?:给我|帮我)?${ZH_ACTION_VERB}${ZH_CLOSING}[。!.~]*$`);
/** "给这些客户打上高风险标签": labelling rows. */
const ZH_LABEL = /(?:打上|贴上|加上|打个|贴个).{0,12}(?:标签|标记)/;

/** "批准所有待审批的申请", "帮我驳回这些申请", "请核销全部损失类贷款": an action verb followed by an 'all' or 'these' word. */
const ZH_LEADING_ACTION = new RegExp(
  `^(?:请|麻烦|帮我|给我|你|直接|现在)*(?:批准|批掉|驳回|拒绝|拒掉|否决|核销|关闭|关掉|作废|撤销|注销|冻结|解冻|删除|删掉|标记|通过)(?:一下)?(?:所有|全部|这些|那些|这批|这几|剩下|其余)`,
);

/** English verbs that decide or change rows. */
// (Not set/change/update/remove/clear: "can you change it to last month", "remove the filter" ask for another view.)
const EN_ACTION_VERB = "(?:approve|reject|decline|deny|delete|erase|mark|close|cancel|freeze|unfreeze|write off|writeoff|charge off|reassign|assign|resolve|wipe|purge)";

/**
 * "can you approve all pending applications", "go ahead and reject them", "I want you to mark these alerts as resolved",
 * "let's write off the loss-class loans": a request wrapper right before an action verb.
 */
const EN_REQUESTED_ACTION = new RegExp(
  `\\b(?:can you|could you|would you|will you|please|pls|kindly|go ahead and|i want you to|i need you to|i 'd like you to|i'd like you to|i want to|i need to|i 'd like to|i'd like to|i would like to|we need to|we want to|help me|let me|let 's|let's|lets|just)\\s+(?:please\\s+|go ahead and\\s+|just\\s+)?${EN_ACTION_VERB}\\b(?!\\s+(?:me|us|rates?|ratios?|counts?|amounts?|reasons?|by)\\b)`,
);

/** "approve them all", "reject every pending application": an action verb before them/all/every/these anywhere. */
const EN_ACTION_ON_ROWS = new RegExp(`\\b${EN_ACTION_VERB}\\s+(?:them|all|these|those)\\b`);

/** A question about decisions, not a command: "which applications did we approve", "how many were rejected". */
const EN_QUESTION = /^(?:which|what|how|who|when|where|why|is|are|was|were|did|do|does|has|have|show|list|give|tell)\b/;

/**
 * Whether the normalized question commands a change of records; such a request is refused (LendLens only reads).
 * Questions about decisions ("哪些申请被批了", "which applications did we approve") are not commands.
 */
export function isWriteCommand(text: string): boolean {
  if (DISPOSAL_OR_LEADING_COMMAND.test(text)) return true;
  if (!ZH_QUESTION.test(text) && (ZH_DISPOSAL_ACTION.test(text) || ZH_ALL_ACTION.test(text) || ZH_LEADING_ACTION.test(text) || ZH_LABEL.test(text))) return true;
  if (EN_REQUESTED_ACTION.test(text)) return true;
  return !EN_QUESTION.test(text) && EN_ACTION_ON_ROWS.test(text);
}
