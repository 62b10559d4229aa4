/** Synthetic Chinese full names: common surnames by frequency and given-name characters by gender. */
import type { SeededRandom } from "./seeded-random.ts";

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
// Frequency falls with rank; the first ten surnames cover about 40% of people.
const SURNAME_WEIGHTS = Array.from(SURNAMES, (_character, rank) => 1 / (rank + 3));
const COMPOUND_SURNAMES = ["欧阳", "司马", "诸葛", "上官", "东方"];

const MALE_CHARACTERS = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欣志成阳文博晨昊天瑞泽轩宏锋彬毅翔鸿晖建国家豪";
const FEMALE_CHARACTERS = "芳娜敏静丽艳秀娟霞燕玲桂丹萍红玉兰琳雪梅洁倩婷颖慧莉琪晶欣悦怡思雨佳嘉璐瑶梦露蕾薇菲蓉雯妍诗涵";
const NEUTRAL_CHARACTERS = "文晓子一春秋安心宇永新海云可佳晨";

/** A full name such as 王伟 or 李思雨, for gender 'M' or 'F'. */
export function chineseFullName(random: SeededRandom, gender: "M" | "F"): string {
  const surname = random.chance(0.004) ? random.pick(COMPOUND_SURNAMES) : random.weighted(Array.from(SURNAMES), SURNAME_WEIGHTS);
  const pool = gender === "M" ? MALE_CHARACTERS : FEMALE_CHARACTERS;
  if (random.chance(0.3)) return surname + pool[random.integer(0, pool.length - 1)];
  const first = random.chance(0.25) ? NEUTRAL_CHARACTERS[random.integer(0, NEUTRAL_CHARACTERS.length - 1)] : pool[random.integer(0, pool.length - 1)];
  return surname + first + pool[random.integer(0, pool.length - 1)];
}
