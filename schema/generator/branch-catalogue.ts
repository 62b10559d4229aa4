/** The bank's branches: a fixed list, at least two per contract city, with Chinese and English names. */

/** One branch as the generator writes it. */
export interface BranchRecord {
  branchId: string;
  name: string;
  nameEnglish: string;
  city: string;
  region: string;
}

const BRANCHES_BY_CITY: readonly { city: string; region: string; branches: readonly [string, string][] }[] = [
  { city: "Shanghai", region: "East", branches: [["上海浦东支行", "Shanghai Pudong"], ["上海静安支行", "Shanghai Jing'an"], ["上海徐汇支行", "Shanghai Xuhui"]] },
  { city: "Beijing", region: "North", branches: [["北京朝阳支行", "Beijing Chaoyang"], ["北京海淀支行", "Beijing Haidian"], ["北京西城支行", "Beijing Xicheng"]] },
  { city: "Shenzhen", region: "South", branches: [["深圳南山支行", "Shenzhen Nanshan"], ["深圳福田支行", "Shenzhen Futian"]] },
  { city: "Guangzhou", region: "South", branches: [["广州天河支行", "Guangzhou Tianhe"], ["广州越秀支行", "Guangzhou Yuexiu"]] },
  { city: "Hangzhou", region: "East", branches: [["杭州西湖支行", "Hangzhou Xihu"], ["杭州滨江支行", "Hangzhou Binjiang"]] },
  { city: "Chengdu", region: "Southwest", branches: [["成都锦江支行", "Chengdu Jinjiang"], ["成都高新支行", "Chengdu Gaoxin"]] },
  { city: "Wuhan", region: "Central", branches: [["武汉江汉支行", "Wuhan Jianghan"], ["武汉洪山支行", "Wuhan Hongshan"]] },
  { city: "Nanjing", region: "East", branches: [["南京鼓楼支行", "Nanjing Gulou"], ["南京江宁支行", "Nanjing Jiangning"]] },
];

/** Every branch, BR01.. in city order. */
export const BRANCHES: readonly BranchRecord[] = BRANCHES_BY_CITY.flatMap((entry) =>
  entry.branches.map(([name, nameEnglish]) => ({ name, nameEnglish, city: entry.city, region: entry.region, branchId: "" })),
).map((branch, index) => ({ ...branch, branchId: `BR${String(index + 1).padStart(2, "0")}` }));

/** The branches of each city, by city. */
export const BRANCHES_OF_CITY: ReadonlyMap<string, readonly BranchRecord[]> = new Map(
  BRANCHES_BY_CITY.map((entry) => [entry.city, BRANCHES.filter((branch) => branch.city === entry.city)]),
);

/** Cities and their share of customers (tier-1 cities are bigger). */
export const CITY_WEIGHTS: readonly { city: string; weight: number; incomeFactor: number; areaCode: string }[] = [
  { city: "Shanghai", weight: 20, incomeFactor: 1.35, areaCode: "310115" },
  { city: "Beijing", weight: 18, incomeFactor: 1.35, areaCode: "110105" },
  { city: "Shenzhen", weight: 13, incomeFactor: 1.3, areaCode: "440305" },
  { city: "Guangzhou", weight: 12, incomeFactor: 1.15, areaCode: "440106" },
  { city: "Hangzhou", weight: 11, incomeFactor: 1.15, areaCode: "330106" },
  { city: "Chengdu", weight: 10, incomeFactor: 0.9, areaCode: "510104" },
  { city: "Wuhan", weight: 8, incomeFactor: 0.85, areaCode: "420106" },
  { city: "Nanjing", weight: 8, incomeFactor: 1.05, areaCode: "320106" },
];
