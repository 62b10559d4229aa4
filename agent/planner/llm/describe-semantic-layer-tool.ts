/** describe_semantic_layer: the members relevant to some keywords, with 口径 and allowed values (retrieval). */
import { z } from "zod";
import { definePlannerTool } from "./planner-tool.ts";
import { retrieveMembers } from "./semantic-retrieval.ts";

/** The retrieval tool the model calls before planning. */
export const describeSemanticLayerTool = definePlannerTool({
  name: "describe_semantic_layer",
  description:
    "Look up semantic-layer members (metrics, dimensions, attributes, glossary terms) and dimension values matching keywords. " +
    "Returns ids, names, formulas (口径) and allowed values. Call it before plan_query; use only ids it or the system prompt gives.",
  input: z
    .object({
      query: z.string().min(1).max(500).describe("keywords from the question, in Chinese or English, e.g. '逾期率 分行' or 'approval rate channel'"),
    })
    .strict(),
  async run(args, session) {
    const found = retrieveMembers(session.semanticLayer, session.context.datasetValues, args.query);
    const empty = Object.values(found).every((list) => list.length === 0);
    return {
      kind: "result",
      content: empty ? { ...found, note: "Nothing matched these keywords; try other words or the ids listed in the system prompt." } : found,
    };
  },
});
