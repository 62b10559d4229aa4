/** The typed error of a bad LLM configuration: names the environment variable that is wrong, in zh and en. */
import { LendLensError } from "../../schema/errors.ts";

/** One wrong setting and why. */
export interface SettingProblem {
  setting: string;
  problem: string;
}

/** The LLM settings in the environment are invalid; start-up stops with this message. */
export class LlmConfigurationError extends LendLensError {
  readonly problems: SettingProblem[];
  /** The first wrong setting (e.g. "LLM_MODE"). */
  readonly setting: string;

  constructor(problems: SettingProblem[]) {
    const text = problems.map((entry) => `${entry.setting}: ${entry.problem}`).join("; ");
    super(
      "CONFIGURATION_INVALID",
      { zh: `大模型配置有误(${text})`, en: `Invalid LLM configuration (${text})` },
      { audience: "internal", details: { problems } },
    );
    this.problems = problems;
    this.setting = problems[0]?.setting ?? "";
  }
}
